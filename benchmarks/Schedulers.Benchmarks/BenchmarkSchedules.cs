namespace Schedulers.Benchmarks;

/// <summary>One representative configuration per scheduler, 1,000,000 steps long, as the speed targets are stated.</summary>
public static class BenchmarkSchedules
{
    public const int Steps = 1_000_000;

    private static readonly Dictionary<string, string> Configurations = new()
    {
        ["constant"] = """{"scheduler":"constant","learning_rate":3e-4,"total_steps":1000000}""",
        ["constant_with_warmup"] = """{"scheduler":"constant_with_warmup","learning_rate":3e-4,"warmup_steps":10000,"total_steps":1000000}""",
        ["linear"] = """{"scheduler":"linear","learning_rate":3e-4,"warmup_steps":10000,"total_steps":1000000}""",
        ["cosine"] = """{"scheduler":"cosine","learning_rate":3e-4,"warmup_steps":10000,"total_steps":1000000}""",
        ["cosine_with_min_lr"] = """{"scheduler":"cosine_with_min_lr","learning_rate":3e-4,"warmup_steps":10000,"total_steps":1000000,"min_lr_ratio":0.1}""",
        ["cosine_with_restarts"] = """{"scheduler":"cosine_with_restarts","learning_rate":3e-4,"warmup_steps":10000,"total_steps":1000000,"num_cycles":4}""",
        ["polynomial"] = """{"scheduler":"polynomial","learning_rate":3e-4,"warmup_steps":10000,"total_steps":1000000,"power":2.0,"lr_end":1e-6}""",
        ["polynomial_fractional"] = """{"scheduler":"polynomial","learning_rate":3e-4,"warmup_steps":10000,"total_steps":1000000,"power":0.5,"lr_end":1e-6}""",
        ["inverse_sqrt"] = """{"scheduler":"inverse_sqrt","learning_rate":3e-4,"warmup_steps":10000,"total_steps":1000000}""",
        ["warmup_stable_decay"] = """{"scheduler":"warmup_stable_decay","learning_rate":3e-4,"warmup_steps":10000,"decay_steps":200000,"total_steps":1000000,"decay_type":"cosine"}""",
        ["piecewise_constant"] = """{"scheduler":"piecewise_constant","learning_rate":3e-4,"step_rules":"1:100000,0.5:400000,0.25:800000,0.1","total_steps":1000000}""",
        ["StepLR"] = """{"scheduler":"StepLR","learning_rate":3e-4,"step_size":100000,"gamma":0.5}""",
        ["MultiStepLR"] = """{"scheduler":"MultiStepLR","learning_rate":3e-4,"milestones":[300000,600000,900000],"gamma":0.1}""",
        ["ExponentialLR"] = """{"scheduler":"ExponentialLR","learning_rate":3e-4,"gamma":0.999995}""",
        ["ConstantLR"] = """{"scheduler":"ConstantLR","learning_rate":3e-4,"factor":0.5,"total_iters":100000}""",
        ["LinearLR"] = """{"scheduler":"LinearLR","learning_rate":3e-4,"start_factor":0.1,"end_factor":1.0,"total_iters":500000}""",
        ["PolynomialLR"] = """{"scheduler":"PolynomialLR","learning_rate":3e-4,"total_iters":1000000,"power":2.0}""",
        ["CosineAnnealingLR"] = """{"scheduler":"CosineAnnealingLR","learning_rate":3e-4,"T_max":1000000,"eta_min":1e-6}""",
        ["CosineAnnealingWarmRestarts"] = """{"scheduler":"CosineAnnealingWarmRestarts","learning_rate":3e-4,"T_0":100000,"T_mult":2,"eta_min":1e-6}""",
        ["OneCycleLR"] = """{"scheduler":"OneCycleLR","learning_rate":3e-4,"total_steps":1000000,"pct_start":0.3,"anneal_strategy":"cos","three_phase":true}""",
        ["CyclicLR"] = """{"scheduler":"CyclicLR","learning_rate":1e-4,"max_lr":1e-3,"step_size_up":2000,"step_size_down":3000,"mode":"triangular2"}""",
        ["CyclicLR_exp_range"] = """{"scheduler":"CyclicLR","learning_rate":1e-4,"max_lr":1e-3,"step_size_up":2000,"mode":"exp_range","gamma":0.99999}""",
        ["SequentialLR"] = """{"scheduler":"SequentialLR","learning_rate":3e-4,"milestones":[10000],"schedulers":[{"scheduler":"LinearLR","start_factor":0.01,"total_iters":10000},{"scheduler":"CosineAnnealingLR","T_max":990000}]}""",
        ["ChainedScheduler"] = """{"scheduler":"ChainedScheduler","learning_rate":3e-4,"schedulers":[{"scheduler":"ConstantLR","factor":0.5,"total_iters":10000},{"scheduler":"ExponentialLR","gamma":0.999995}]}""",
        ["interpolated"] = """{"scheduler":"interpolated","points":[[0,0],[10000,3e-4],[300000,2e-4],[700000,5e-5],[1000000,1e-6]],"method":"pchip"}""",
        ["interpolated_log_linear"] = """{"scheduler":"interpolated","points":[[0,1e-6],[10000,3e-4],[500000,3e-5],[1000000,1e-6]],"method":"log_linear"}""",
    };

    public static IEnumerable<string> Names => Configurations.Keys;

    public static LearningRateSchedule Create(string name) => LearningRateSchedule.FromJson(Configurations[name]);
}
