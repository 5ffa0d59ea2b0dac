using Schedulers.Tests.Support;

namespace Schedulers.Tests.Schedules;

/// <summary>
/// <c>steps_per_epoch</c>: every step-driven scheduler's lengths counted in epochs, its value changing once per epoch,
/// <c>lr(step) = lr_in_epochs(floor(step / steps_per_epoch))</c>. Property-style over every scheduler with random
/// configurations, so a scheduler added later is covered with nothing to write.
/// </summary>
public sealed class EpochUnitTests
{
    private const int ConfigurationsPerScheduler = 12;

    public static TheoryData<string> Schedulers => [.. RandomConfigurations.SchedulerNames];

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void The_curve_in_epochs_is_the_per_epoch_curve_with_each_value_held_for_an_epoch(string scheduler)
    {
        var random = new Random(Seed(scheduler, 1));
        for (var n = 0; n < ConfigurationsPerScheduler; n++)
        {
            var (inSteps, inEpochs) = RandomConfigurations.InEpochs(scheduler, random);
            var stepsPerEpoch = inEpochs.StepsPerEpoch;
            var end = (inSteps.TotalSteps!.Value + 3) * stepsPerEpoch;
            for (var k = 0; k < 300; k++)
            {
                var step = random.NextInt64(0, end);
                inEpochs.GetLearningRate(step).Should().Be(inSteps.GetLearningRate(step / stepsPerEpoch), "step {0} of {1}", step, inEpochs.ToJson());
            }
        }
    }

    [Fact]
    public void A_range_shorter_than_an_epoch_that_starts_mid_epoch_holds_that_epochs_value()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"ExponentialLR","learning_rate":1.0,"gamma":0.5,"steps_per_epoch":10}""");
        var curve = new double[4];

        schedule.Evaluate(23, curve);

        curve.Should().OnlyContain(value => value == schedule.GetLearningRate(20));
        schedule.GetLearningRate(20).Should().NotBe(schedule.GetLearningRate(30));
    }

    [Fact]
    public void One_step_per_epoch_is_the_schedule_in_steps()
    {
        var inSteps = LearningRateSchedule.FromJson("""{"scheduler":"cosine","learning_rate":0.1,"warmup_steps":5,"total_steps":50}""");
        var oneStep = LearningRateSchedule.FromJson("""{"scheduler":"cosine","learning_rate":0.1,"warmup_steps":5,"total_steps":50,"steps_per_epoch":1}""");

        Enumerable.Range(0, 60).Select(step => oneStep.GetLearningRate(step)).Should().Equal(Enumerable.Range(0, 60).Select(step => inSteps.GetLearningRate(step)));
        oneStep.StepsPerEpoch.Should().Be(1);
    }

    [Fact]
    public void The_lengths_a_schedule_reports_are_in_optimizer_steps()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"cosine_with_restarts","learning_rate":0.1,"warmup_steps":2,"total_steps":12,"num_cycles":2,"steps_per_epoch":100}""");
        var inSteps = LearningRateSchedule.FromJson("""{"scheduler":"cosine_with_restarts","learning_rate":0.1,"warmup_steps":2,"total_steps":12,"num_cycles":2}""");

        schedule.StepsPerEpoch.Should().Be(100);
        schedule.TotalSteps.Should().Be(1_200);
        schedule.WarmupSteps.Should().Be(200);
        schedule.PhaseBoundaries.Should().Equal(inSteps.PhaseBoundaries.Select(epoch => epoch * 100));
    }

    [Fact]
    public void The_builder_sets_steps_per_epoch_as_JSON_does()
    {
        var built = LearningRateSchedule.CreateBuilder().WithScheduler("StepLR").WithLearningRate(0.1).With(ScheduleKeys.StepSize, 2).WithStepsPerEpoch(5).Build();
        var read = LearningRateSchedule.FromJson("""{"scheduler":"StepLR","learning_rate":0.1,"step_size":2,"steps_per_epoch":5}""");

        built.ToJson().Should().Be(read.ToJson());
        Enumerable.Range(0, 40).Select(step => built.GetLearningRate(step)).Should().Equal(Enumerable.Range(0, 40).Select(step => read.GetLearningRate(step)));
    }

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void JSON_keeps_steps_per_epoch(string scheduler)
    {
        var (_, inEpochs) = RandomConfigurations.InEpochs(scheduler, new Random(Seed(scheduler, 5)));

        var again = LearningRateSchedule.FromJson(inEpochs.ToJson());

        again.StepsPerEpoch.Should().Be(inEpochs.StepsPerEpoch);
        var end = inEpochs.TotalSteps!.Value + inEpochs.StepsPerEpoch;
        for (var step = 0L; step <= end; step += Math.Max(1, end / 97))
        {
            again.GetLearningRate(step).Should().Be(inEpochs.GetLearningRate(step));
        }
    }

    [Fact]
    public void A_composites_steps_per_epoch_counts_its_milestones_and_its_childrens_lengths_in_epochs()
    {
        var perEpoch = LearningRateSchedule.FromJson("""
            {"scheduler":"SequentialLR","learning_rate":0.1,"milestones":[3],
             "schedulers":[{"scheduler":"LinearLR","start_factor":0.25,"total_iters":3},{"scheduler":"CosineAnnealingLR","T_max":10}]}
            """);
        var inEpochs = LearningRateSchedule.FromJson("""
            {"scheduler":"SequentialLR","learning_rate":0.1,"milestones":[3],"steps_per_epoch":20,
             "schedulers":[{"scheduler":"LinearLR","start_factor":0.25,"total_iters":3},{"scheduler":"CosineAnnealingLR","T_max":10}]}
            """);

        for (var step = 0; step < 300; step++)
        {
            inEpochs.GetLearningRate(step).Should().Be(perEpoch.GetLearningRate(step / 20), "step {0}", step);
        }
    }

    [Fact]
    public void A_child_with_its_own_steps_per_epoch_counts_epochs_from_its_own_start()
    {
        // A warmup by step, then a decay by epoch (mmcv's by_epoch policies with a warmup in iterations).
        var schedule = LearningRateSchedule.FromJson("""
            {"scheduler":"SequentialLR","learning_rate":0.1,"milestones":[50],
             "schedulers":[{"scheduler":"LinearLR","start_factor":0.01,"total_iters":50},{"scheduler":"StepLR","step_size":2,"gamma":0.5,"steps_per_epoch":30}]}
            """);
        var decay = LearningRateSchedule.FromJson("""{"scheduler":"StepLR","learning_rate":0.1,"step_size":2,"gamma":0.5}""");

        for (var step = 50; step < 400; step++)
        {
            schedule.GetLearningRate(step).Should().Be(decay.GetLearningRate((step - 50) / 30), "step {0}", step);
        }

        AssertAgreement(schedule, 0, 400);
    }

    [Fact]
    public void A_composite_made_in_CSharp_from_a_schedule_in_epochs_writes_JSON_that_gives_the_same_values()
    {
        var warmup = LearningRateSchedule.FromJson("""{"scheduler":"LinearLR","learning_rate":0.1,"start_factor":0.1,"total_iters":40}""");
        var decay = LearningRateSchedule.FromJson("""{"scheduler":"CosineAnnealingLR","learning_rate":0.1,"T_max":6,"steps_per_epoch":25}""");
        var composite = LearningRateSchedule.Sequential([warmup, decay], [40]);

        var again = LearningRateSchedule.FromJson(composite.ToJson());

        for (var step = 0; step < 250; step++)
        {
            composite.GetLearningRate(step).Should().Be(step < 40 ? warmup.GetLearningRate(step) : decay.GetLearningRate(step - 40));
            again.GetLearningRate(step).Should().Be(composite.GetLearningRate(step), "step {0}", step);
        }
    }

    [Fact]
    public void A_chain_of_schedules_in_epochs_is_the_product_of_their_staircases()
    {
        var chain = LearningRateSchedule.FromJson("""
            {"scheduler":"ChainedScheduler","learning_rate":0.1,
             "schedulers":[{"scheduler":"ExponentialLR","gamma":0.9,"steps_per_epoch":7},{"scheduler":"StepLR","step_size":3,"gamma":0.5,"steps_per_epoch":100}]}
            """);

        for (var step = 0L; step < 2_000; step += 13)
        {
            chain.GetLearningRate(step).Should().BeApproximately(0.1 * Math.Pow(0.9, step / 7) * Math.Pow(0.5, step / 100 / 3), 1e-16);
        }

        AssertAgreement(chain, 0, 5_000);
        AssertAgreement(chain, 1_234, 777);
    }

    /// <summary>A seed that is the same in every run (string.GetHashCode is randomised per process).</summary>
    private static int Seed(string scheduler, int test) => scheduler.Aggregate(test + 1_000, (seed, character) => (seed * 31) + character);

    /// <summary>The accuracy contract's scale (as in EvaluationAccuracyTests): learning_rate, or the value where a schedule rises above it.</summary>
    private static double Scale(LearningRateSchedule schedule, double value) => Math.Max(schedule.LearningRate, Math.Abs(value));

    private static void AssertAgreement(LearningRateSchedule schedule, long start, int length)
    {
        var curve = new double[length];
        schedule.Evaluate(start, curve);
        for (var i = 0; i < length; i++)
        {
            var expected = schedule.GetLearningRate(start + i);
            double.IsFinite(curve[i]).Should().BeTrue();
            if (Math.Abs(curve[i] - expected) > 1e-14 * Scale(schedule, expected))
            {
                curve[i].Should().BeApproximately(expected, 1e-14 * Scale(schedule, expected), "step {0} of {1} (range from {2})", start + i, schedule.ToJson(), start);
            }
        }
    }
}
