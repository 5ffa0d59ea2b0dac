using Schedulers.Tests.Support;

namespace Schedulers.Tests.Reliability;

/// <summary>The edges: the last representable steps, one-step trainings and phases, warmups of total - 1, exact floors.</summary>
public sealed class ExtremeValueTests
{
    public static TheoryData<string> Schedulers => [.. RandomConfigurations.SchedulerNames];

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void Steps_past_2_to_the_53_up_to_the_last_long_give_finite_values_that_are_never_negative(string scheduler)
    {
        var schedule = RandomConfigurations.Create(scheduler, new Random(scheduler.Length));
        var values = new double[256];
        var floats = new float[256];

        foreach (var start in new[] { (1L << 53) - 128, 1L << 62, long.MaxValue - 256 })
        {
            schedule.Evaluate(start, values);
            schedule.Evaluate(start, floats);

            values.Should().OnlyContain(value => double.IsFinite(value) && value >= 0);
            floats.Should().OnlyContain(value => float.IsFinite(value) && value >= 0);
            double.IsFinite(schedule.GetLearningRate(start)).Should().BeTrue();
        }

        schedule.GetLearningRate(long.MaxValue).Should().BeGreaterThanOrEqualTo(0);
    }

    [Theory]
    [InlineData("""{"scheduler":"cosine","learning_rate":1e6,"total_steps":1}""")]
    [InlineData("""{"scheduler":"linear","learning_rate":1e-12,"total_steps":1}""")]
    [InlineData("""{"scheduler":"cosine","learning_rate":0.1,"total_steps":1000000000000,"warmup_steps":999999999999}""")]
    [InlineData("""{"scheduler":"polynomial","learning_rate":1e6,"total_steps":2,"warmup_steps":1,"lr_end":1e-12,"power":0.5}""")]
    [InlineData("""{"scheduler":"warmup_stable_decay","learning_rate":1e-12,"total_steps":3,"warmup_steps":1,"decay_steps":1,"decay_type":"1-sqrt"}""")]
    [InlineData("""{"scheduler":"StepLR","learning_rate":1e6,"step_size":1,"gamma":1e-300}""")]
    [InlineData("""{"scheduler":"CyclicLR","learning_rate":1e-12,"max_lr":1e6,"step_size_up":1,"step_size_down":1,"mode":"exp_range","gamma":0.5}""")]
    [InlineData("""{"scheduler":"CosineAnnealingWarmRestarts","learning_rate":1e6,"T_0":1,"T_mult":3,"eta_min":1e-12}""")]
    [InlineData("""{"scheduler":"OneCycleLR","learning_rate":1e6,"total_steps":3,"pct_start":0.5,"final_div_factor":1e30}""")]
    [InlineData("""{"scheduler":"inverse_sqrt","learning_rate":1e-12,"warmup_steps":1,"timescale":1}""")]
    [InlineData("""{"scheduler":"ExponentialLR","learning_rate":1e6,"gamma":1e-300}""")]
    public void One_step_trainings_and_phases_at_extreme_rates_give_finite_values_that_are_never_negative(string json)
    {
        var schedule = LearningRateSchedule.FromJson(json);
        var values = new double[64];
        var floats = new float[64];

        foreach (var start in new[] { 0L, 1, (schedule.TotalSteps ?? 100) - 2, 1L << 53 })
        {
            schedule.Evaluate(Math.Max(0, start), values);
            schedule.Evaluate(Math.Max(0, start), floats);
            values.Should().OnlyContain(value => double.IsFinite(value) && value >= 0);
            floats.Should().OnlyContain(value => float.IsFinite(value) && value >= 0);
        }
    }

    [Fact]
    public void LinearLR_to_an_end_factor_of_0_ends_exactly_at_0_where_PyTorch_ends_slightly_below()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"LinearLR","learning_rate":0.1,"start_factor":1,"end_factor":0,"total_iters":7}""");
        var values = new double[20];

        schedule.Evaluate(0, values);

        values[7..].Should().OnlyContain(value => value == 0);
        values.Should().OnlyContain(value => value >= 0);
        schedule.GetLearningRate(7).Should().Be(0);
    }

    /// <summary>Searches for an eta_min that the factor form (as the vector kernel computes it) misses by an ulp, so that the test can fail.</summary>
    [Theory]
    [InlineData("CosineAnnealingLR", ScheduleKeys.TMax, true)]
    [InlineData("CosineAnnealingWarmRestarts", ScheduleKeys.T0, false)]
    public void A_cosine_never_goes_below_eta_min_and_reaches_it_exactly_where_it_ends_a_period(string scheduler, string period, bool reachesTheFloor)
    {
        var random = new Random(7);
        var (lr, etaMin) = Enumerable.Range(0, 100_000)
            .Select(_ => (Lr: Math.Pow(10, -6 + (6 * random.NextDouble())), Ratio: random.NextDouble()))
            .Select(pair => (pair.Lr, EtaMin: pair.Lr * pair.Ratio))
            .First(pair => MissesTheFloor(pair.Lr, pair.EtaMin));
        var schedule = LearningRateSchedule.FromJson(
            $$"""{"scheduler":"{{scheduler}}","learning_rate":{{lr:R}},"{{period}}":64,"eta_min":{{etaMin:R}}}""");
        var values = new double[200];

        schedule.Evaluate(0, values);

        values.Should().OnlyContain(value => value >= etaMin);
        if (reachesTheFloor)
        {
            values.Should().Contain(etaMin);
        }

        Enumerable.Range(0, 200).Select(step => schedule.GetLearningRate(step)).Should().OnlyContain(value => value >= etaMin);
    }

    /// <summary>offset + amplitude * cos at cos = -1, with offset and amplitude formed from the floor ratio as a rotation is.</summary>
    private static bool MissesTheFloor(double lr, double etaMin)
    {
        var ratio = etaMin / lr;
        var half = lr * (1.0 - ratio) / 2.0;
        return (half + (lr * ratio)) - half < etaMin || lr * ratio < etaMin;
    }

    [Fact]
    public void Cosine_with_min_lr_never_goes_below_min_lr()
    {
        var random = new Random(11);
        for (var n = 0; n < 200; n++)
        {
            var lr = Math.Pow(10, -6 + (6 * random.NextDouble()));
            var minLr = lr * random.NextDouble();
            var schedule = LearningRateSchedule.FromJson(
                $$"""{"scheduler":"cosine_with_min_lr","learning_rate":{{lr:R}},"total_steps":{{random.Next(2, 5_000)}},"min_lr":{{minLr:R}}}""");
            var values = new double[(int)schedule.TotalSteps!.Value + 10];

            schedule.Evaluate(0, values);

            values.Should().OnlyContain(value => value >= minLr, "min_lr {0} of learning_rate {1}", minLr, lr);
            schedule.GetLearningRate(schedule.TotalSteps.Value).Should().BeGreaterThanOrEqualTo(minLr);
        }
    }

    [Theory]
    [InlineData("""{"scheduler":"cosine","learning_rate":1e31,"total_steps":10}""")]
    [InlineData("""{"scheduler":"interpolated","points":[[0,1],[10,1e31]]}""")]
    [InlineData("""{"scheduler":"ExponentialLR","learning_rate":0.1,"gamma":1.01}""")]
    public void Configurations_whose_curves_could_overflow_are_refused(string json)
    {
        var build = () => LearningRateSchedule.FromJson(json);

        build.Should().Throw<ScheduleConfigurationException>();
    }
}
