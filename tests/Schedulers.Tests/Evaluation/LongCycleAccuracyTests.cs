using System.Globalization;

namespace Schedulers.Tests.Evaluation;

/// <summary>
/// Cycles of millions to hundreds of billions of steps, and ranges as late as 1e12, take the vector paths (rotation
/// tables built on first use, whole cycles copied): they must keep the accuracy contract there, across restarts too.
/// Accuracy only; nothing here is timed.
/// </summary>
public sealed class LongCycleAccuracyTests
{
    /// <summary>T_0, T_mult, and the first step of a range; starts a few steps before a restart straddle it.</summary>
    public static TheoryData<long, long, long> WarmRestarts => new()
    {
        { 2_000_000, 1, 0 },
        { 2_000_000, 1, 1_999_990 },
        { 2_000_000, 1, 1_000_000_000_000 - 7 },
        { 100_000_000, 1, 1_000_000_000_000 - 300 },
        { 100_000_000_000, 1, 1_000_000_000_000 - 2_000 },
        { 100_000_000_000, 1, 999_999_999_999_000 },
        { 1_000, 2, 4_000_000 },
        { 1_000, 2, 4_095_000 - 1_000 }, // the first length past those built with the schedule: 4,096,000 steps
        { 1_000, 2, 1_073_741_823_000 - 50 }, // cycle 30 starts at 1000 * (2^30 - 1), about 1.07e12
        { 2_000_000, 3, 2_000_000 * 13 - 5 },
        { 2_000_000, 3, 400_000_000_000 },
        { 100_000_000_000, 2, 300_000_000_000 - 40 },
        { 1, 2, (1L << 40) - 30 },
        { 1, 2, (1L << 62) - 30 }, // the last whole cycle before long.MaxValue
        { 3, 1, 0 }, // short cycles are copied whole: ranges of many cycles, at any phase
        { 3, 1, 1_000_000_000_000 + 1 },
        { 7, 1, 999_999_999_998 },
        { 1_000, 1, 1_000_000_000_000 - 999 },
    };

    [Theory]
    [MemberData(nameof(WarmRestarts))]
    public void CosineAnnealingWarmRestarts_with_long_cycles_and_late_steps_agrees_with_GetLearningRate(long firstCycle, long growth, long start)
    {
        var schedule = LearningRateSchedule.FromJson(string.Create(CultureInfo.InvariantCulture,
            $$"""{"scheduler":"CosineAnnealingWarmRestarts","learning_rate":0.01,"T_0":{{firstCycle}},"T_mult":{{growth}},"eta_min":0.0003}"""));

        EvaluationContract.AssertWithin(schedule, start, 20_000);
    }

    /// <summary>Cosines of many cycles, which float output rotates (double output keeps the scalar path there).</summary>
    public static TheoryData<string, long> ManyCycles => new()
    {
        { """{"scheduler":"cosine","learning_rate":0.01,"total_steps":2000000000000,"warmup_steps":100,"num_cycles":50}""", 0 },
        { """{"scheduler":"cosine","learning_rate":0.01,"total_steps":2000000000000,"warmup_steps":100,"num_cycles":50}""", 1_000_000_000_000 },
        { """{"scheduler":"cosine","learning_rate":0.01,"total_steps":50000,"num_cycles":99999.5}""", 3 },
        { """{"scheduler":"cosine_with_min_lr","learning_rate":0.01,"total_steps":300000,"num_cycles":7.25,"min_lr":0.001}""", 250_000 },
        { """{"scheduler":"cosine_with_restarts","learning_rate":0.01,"total_steps":2000000000000,"num_cycles":1000}""", 4_000_000_000 - 3_000 },
        { """{"scheduler":"cosine_with_restarts","learning_rate":0.01,"total_steps":100000,"num_cycles":997}""", 0 },
        { """{"scheduler":"warmup_stable_decay","learning_rate":0.01,"total_steps":2000000000000,"warmup_steps":100,"decay_steps":1999000000000,"num_cycles":40,"min_lr_ratio":0.1}""", 1_000_000_000_000 },
        { """{"scheduler":"warmup_stable_decay","learning_rate":0.01,"total_steps":60000,"warmup_steps":100,"decay_steps":40000,"num_cycles":40.5}""", 19_000 },
    };

    [Theory]
    [MemberData(nameof(ManyCycles))]
    public void Cosines_of_many_cycles_agree_with_GetLearningRate(string json, long start)
    {
        EvaluationContract.AssertWithin(LearningRateSchedule.FromJson(json), start, 50_000);
    }

    [Theory]
    [InlineData("cosine")]
    [InlineData("cosine_with_min_lr")]
    [InlineData("cosine_with_restarts")]
    [InlineData("warmup_stable_decay")]
    public void Random_cosines_of_many_cycles_agree_with_GetLearningRate(string scheduler)
    {
        var random = new Random(scheduler.Length * 7919);
        for (var n = 0; n < 30; n++)
        {
            var total = (long)Math.Pow(10, 2 + (10 * random.NextDouble()));
            var cycles = scheduler == "cosine_with_restarts" ? random.NextInt64(6, 150_000) : Math.Round(5 + Math.Pow(10, 5 * random.NextDouble()), 2);
            var extra = scheduler switch
            {
                "cosine_with_min_lr" => string.Create(CultureInfo.InvariantCulture, $$""","min_lr":{{random.NextDouble() * 0.005}}"""),
                "warmup_stable_decay" => string.Create(CultureInfo.InvariantCulture, $$""","decay_steps":{{Math.Max(1, total / 2)}},"min_lr_ratio":{{random.NextDouble() * 0.5}}"""),
                _ => "",
            };
            var schedule = LearningRateSchedule.FromJson(string.Create(CultureInfo.InvariantCulture,
                $$"""{"scheduler":"{{scheduler}}","learning_rate":0.01,"total_steps":{{total}},"warmup_steps":{{random.NextInt64(0, total / 4)}},"num_cycles":{{cycles}}{{extra}}}"""));

            EvaluationContract.AssertWithin(schedule, random.NextInt64(0, total), 3_000);
        }
    }

    [Fact]
    public void A_million_steps_of_a_cycle_first_reached_late_agree_in_double_and_float()
    {
        // Many blocks between exact anchors, in a cycle whose table is built by this very call.
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"CosineAnnealingWarmRestarts","learning_rate":0.5,"T_0":1000,"T_mult":2,"eta_min":0.001}""");

        EvaluationContract.AssertWithin(schedule, 1_000_000_000_000, 1_000_000);
    }

    [Theory]
    [InlineData(4_000_000L)]
    [InlineData(1_073_741_823_000L - 3_000)]
    public void Composites_holding_long_cycles_agree_with_GetLearningRate(long start)
    {
        var restarts = """{"scheduler":"CosineAnnealingWarmRestarts","T_0":1000,"T_mult":2,"eta_min":0.0001}""";
        var sequential = LearningRateSchedule.FromJson(
            $$"""{"scheduler":"SequentialLR","learning_rate":0.01,"milestones":[1000],"schedulers":[{"scheduler":"LinearLR","start_factor":0.1,"total_iters":1000},{{restarts}}]}""");
        var chained = LearningRateSchedule.FromJson(
            $$"""{"scheduler":"ChainedScheduler","learning_rate":0.01,"schedulers":[{"scheduler":"ConstantLR","factor":0.5,"total_iters":4000500},{{restarts}}]}""");

        EvaluationContract.AssertWithin(sequential, start, 10_000);
        EvaluationContract.AssertWithin(chained, start, 10_000);
    }

    [Fact]
    public void Tables_built_on_first_use_by_concurrent_ranges_give_the_same_curve()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"CosineAnnealingWarmRestarts","learning_rate":0.1,"T_0":10,"T_mult":2}""");
        var starts = Enumerable.Range(20, 16).Select(power => (1L << power) * 10).ToArray();
        var curves = new double[starts.Length][];

        Parallel.For(0, starts.Length, index =>
        {
            curves[index] = new double[4_096];
            schedule.Evaluate(starts[index], curves[index]);
        });

        for (var index = 0; index < starts.Length; index++)
        {
            var again = new double[4_096];
            schedule.Evaluate(starts[index], again);
            again.Should().Equal(curves[index], "the range from step {0}", starts[index]);
        }
    }
}
