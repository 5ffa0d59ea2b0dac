namespace Schedulers.Tests.Schedules;

public sealed class HorizonTests
{
    [Theory]
    [InlineData("""{"scheduler": "cosine", "learning_rate": 1e-3, "warmup_steps": 10, "total_steps": 700}""", 700L)]
    [InlineData("""{"scheduler": "ExponentialLR", "learning_rate": 0.1, "gamma": 0.9, "total_steps": 40}""", 40L)]
    [InlineData("""{"scheduler": "ConstantLR", "learning_rate": 0.1, "factor": 0.5, "total_iters": 30}""", 30L)]
    [InlineData("""{"scheduler": "LinearLR", "learning_rate": 0.1, "start_factor": 0.1, "total_iters": 25}""", 25L)]
    [InlineData("""{"scheduler": "PolynomialLR", "learning_rate": 0.1, "total_iters": 60, "power": 2}""", 60L)]
    [InlineData("""{"scheduler": "CosineAnnealingLR", "learning_rate": 0.1, "T_max": 90}""", 90L)]
    [InlineData("""{"scheduler": "MultiStepLR", "learning_rate": 0.1, "milestones": [80, 30]}""", 80L)]
    [InlineData("""{"scheduler": "piecewise_constant", "learning_rate": 0.1, "step_rules": "1:10,0.5:40,0.1"}""", 40L)]
    [InlineData("""{"scheduler": "PiecewiseConstantDecay", "boundaries": [10, 20], "values": [0.1, 0.01, 0.001]}""", 21L)]
    [InlineData("""{"scheduler": "interpolated", "points": [[0, 0], [15, 0.1], [200, 0.001]]}""", 200L)]
    [InlineData("""{"scheduler": "CosineDecay", "initial_learning_rate": 0, "warmup_target": 0.1, "warmup_steps": 20, "decay_steps": 100}""", 120L)]
    [InlineData("""{"scheduler": "PolynomialDecay", "initial_learning_rate": 0.1, "decay_steps": 70}""", 70L)]
    [InlineData("""{"scheduler": "warmup_stable_decay", "learning_rate": 0.1, "warmup_steps": 10, "stable_steps": 50, "decay_steps": 40}""", 100L)]
    [InlineData("""{"scheduler": "CosineLRScheduler", "learning_rate": 0.1, "t_initial": 100, "cycle_limit": 3}""", 300L)]
    [InlineData("""{"scheduler": "CosineLRScheduler", "learning_rate": 0.1, "t_initial": 100, "warmup_t": 5, "warmup_prefix": true}""", 105L)]
    [InlineData("""{"scheduler": "MultiStepLRScheduler", "learning_rate": 0.1, "decay_t": [30, 60], "decay_rate": 0.5}""", 59L)]
    [InlineData("""{"scheduler": "SequentialLR", "learning_rate": 0.1, "schedulers": [{"scheduler": "LinearLR", "total_iters": 50}, {"scheduler": "CosineAnnealingLR", "T_max": 950}], "milestones": [50]}""", 1000L)]
    [InlineData("""{"scheduler": "ChainedScheduler", "learning_rate": 0.1, "schedulers": [{"scheduler": "ConstantLR", "total_iters": 20}, {"scheduler": "CosineAnnealingLR", "T_max": 300}]}""", 300L)]
    [InlineData("""{"scheduler": "CosineAnnealingLR", "learning_rate": 0.1, "T_max": 9, "steps_per_epoch": 100}""", 900L)]
    public void The_horizon_is_total_steps_or_else_the_end_the_parameters_set(string json, long expected)
    {
        LearningRateSchedule.FromJson(json).Horizon.Should().Be(expected);
    }

    [Theory]
    [InlineData("""{"scheduler": "ExponentialLR", "learning_rate": 0.1, "gamma": 0.9}""")]
    [InlineData("""{"scheduler": "StepLR", "learning_rate": 0.1, "step_size": 10}""")]
    [InlineData("""{"scheduler": "constant_with_warmup", "learning_rate": 0.1, "warmup_steps": 10}""")]
    [InlineData("""{"scheduler": "CyclicLR", "learning_rate": 0.001, "max_lr": 0.004, "step_size_up": 10}""")]
    [InlineData("""{"scheduler": "CosineAnnealingWarmRestarts", "learning_rate": 0.1, "T_0": 10}""")]
    [InlineData("""{"scheduler": "PolynomialDecay", "initial_learning_rate": 0.1, "decay_steps": 70, "cycle": true}""")]
    [InlineData("""{"scheduler": "SequentialLR", "learning_rate": 0.1, "schedulers": [{"scheduler": "LinearLR", "total_iters": 50}, {"scheduler": "ExponentialLR", "gamma": 0.9}], "milestones": [50]}""")]
    [InlineData("""{"scheduler": "ChainedScheduler", "learning_rate": 0.1, "schedulers": [{"scheduler": "ConstantLR", "total_iters": 20}, {"scheduler": "StepLR", "step_size": 30}]}""")]
    public void A_schedule_that_runs_on_without_end_has_no_horizon(string json)
    {
        LearningRateSchedule.FromJson(json).Horizon.Should().BeNull();
    }

    [Fact]
    public void A_composite_of_schedules_with_total_steps_ends_with_them()
    {
        var warmup = LearningRateSchedule.FromJson("""{"scheduler": "LinearLR", "learning_rate": 0.1, "total_iters": 50}""");
        var decay = LearningRateSchedule.FromJson("""{"scheduler": "cosine", "learning_rate": 0.1, "total_steps": 400}""");

        LearningRateSchedule.Sequential([warmup, decay], [50]).Horizon.Should().Be(450);
    }

    [Fact]
    public void A_function_has_no_horizon()
    {
        LearningRateSchedule.FromFunction(0.1, step => 1.0 / (step + 1)).Horizon.Should().BeNull();
    }
}
