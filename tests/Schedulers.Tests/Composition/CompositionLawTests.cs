using Schedulers.Tests.Support;

namespace Schedulers.Tests.Composition;

/// <summary>The laws a composite must obey, checked over random children of every scheduler.</summary>
public sealed class CompositionLawTests
{
    private const int Steps = 400;

    public static TheoryData<string> Schedulers => [.. RandomConfigurations.SchedulerNames];

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void A_SequentialLR_of_one_schedule_is_that_schedule(string scheduler)
    {
        var child = RandomConfigurations.Create(scheduler, new Random(scheduler.Length));
        var sequential = LearningRateSchedule.CreateBuilder().WithScheduler("SequentialLR").WithLearningRate(child.LearningRate)
            .WithSchedulers(child.Options).WithMilestones([]).Build();

        AssertSameCurve(sequential, child);
    }

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void A_ChainedScheduler_of_one_schedule_is_that_schedule(string scheduler)
    {
        var child = RandomConfigurations.Create(scheduler, new Random(scheduler.Length + 1));
        var options = child.Options.Without(ScheduleKeys.LearningRate);
        var chained = LearningRateSchedule.CreateBuilder().WithScheduler("ChainedScheduler").WithLearningRate(child.LearningRate)
            .WithSchedulers(options).Build();

        AssertSameCurve(chained, child);
    }

    [Fact]
    public void A_nested_SequentialLR_equals_the_flat_one_with_its_milestones_shifted()
    {
        var linear = Options("""{"scheduler":"LinearLR","start_factor":0.1,"total_iters":20}""");
        var constant = Options("""{"scheduler":"ConstantLR","factor":0.5,"total_iters":7}""");
        var cosine = Options("""{"scheduler":"CosineAnnealingLR","T_max":90,"eta_min":1e-5}""");
        var inner = LearningRateSchedule.CreateBuilder().WithScheduler("SequentialLR").WithSchedulers(constant, cosine).WithMilestones([30]).Options;

        var nested = LearningRateSchedule.CreateBuilder().WithScheduler("SequentialLR").WithLearningRate(0.01).WithSchedulers(linear, inner).WithMilestones([20]).Build();
        var flat = LearningRateSchedule.CreateBuilder().WithScheduler("SequentialLR").WithLearningRate(0.01).WithSchedulers(linear, constant, cosine).WithMilestones([20, 50]).Build();

        AssertSameCurve(nested, flat);
    }

    [Fact]
    public void A_nested_ChainedScheduler_multiplies_the_same_factors_as_the_flat_one()
    {
        var constant = Options("""{"scheduler":"ConstantLR","factor":0.5,"total_iters":14}""");
        var exponential = Options("""{"scheduler":"ExponentialLR","gamma":0.97}""");
        var step = Options("""{"scheduler":"StepLR","step_size":25,"gamma":0.5}""");
        var inner = LearningRateSchedule.CreateBuilder().WithScheduler("ChainedScheduler").WithSchedulers(exponential, step).Options;

        var nested = LearningRateSchedule.CreateBuilder().WithScheduler("ChainedScheduler").WithLearningRate(0.1).WithSchedulers(constant, inner).Build();
        var flat = LearningRateSchedule.CreateBuilder().WithScheduler("ChainedScheduler").WithLearningRate(0.1).WithSchedulers(constant, exponential, step).Build();

        AssertSameCurve(nested, flat, relative: 1e-15);
    }

    [Fact]
    public void Each_SequentialLR_child_starts_from_its_own_step_zero_at_its_milestone()
    {
        var cosine = LearningRateSchedule.FromJson("""{"scheduler":"CosineAnnealingLR","learning_rate":0.01,"T_max":50}""");
        var sequential = LearningRateSchedule.FromJson(
            """{"scheduler":"SequentialLR","learning_rate":0.01,"milestones":[10],"schedulers":[{"scheduler":"LinearLR","start_factor":0.1,"total_iters":10},{"scheduler":"CosineAnnealingLR","T_max":50}]}""");

        for (long step = 0; step < 60; step++)
        {
            sequential.GetLearningRate(10 + step).Should().Be(cosine.GetLearningRate(step));
        }
    }

    [Fact]
    public void A_child_with_its_own_learning_rate_keeps_it_and_the_others_inherit_the_composite_s()
    {
        var sequential = LearningRateSchedule.FromJson(
            """{"scheduler":"SequentialLR","learning_rate":0.01,"milestones":[5],"schedulers":[{"scheduler":"constant","learning_rate":0.002},{"scheduler":"constant"}]}""");

        sequential.GetLearningRate(4).Should().Be(0.002);
        sequential.GetLearningRate(5).Should().Be(0.01);
    }

    [Fact]
    public void A_ChainedScheduler_is_the_learning_rate_times_the_product_of_its_factors()
    {
        var chained = LearningRateSchedule.FromJson(
            """{"scheduler":"ChainedScheduler","learning_rate":0.1,"schedulers":[{"scheduler":"ConstantLR","factor":0.5,"total_iters":3},{"scheduler":"ExponentialLR","gamma":0.9}]}""");

        for (var step = 0; step < 10; step++)
        {
            chained.GetLearningRate(step).Should().BeApproximately(0.1 * (step < 3 ? 0.5 : 1.0) * Math.Pow(0.9, step), 1e-17, "step {0}", step);
        }
    }

    [Theory]
    [InlineData("""{"scheduler":"SequentialLR","learning_rate":0.01,"milestones":[10,40],"schedulers":[{"scheduler":"LinearLR","start_factor":0.1,"total_iters":10},{"scheduler":"cosine","total_steps":30,"warmup_steps":3},{"scheduler":"interpolated","points":[[0,0.004],[50,0.0001]],"method":"log_linear"}]}""")]
    [InlineData("""{"scheduler":"ChainedScheduler","learning_rate":0.01,"schedulers":[{"scheduler":"CyclicLR","max_lr":0.05,"step_size_up":5},{"scheduler":"SequentialLR","milestones":[7],"schedulers":[{"scheduler":"constant"},{"scheduler":"ExponentialLR","gamma":0.95}]}]}""")]
    public void A_composite_reads_back_from_its_own_json_with_the_same_values(string json)
    {
        var schedule = LearningRateSchedule.FromJson(json);
        var copy = LearningRateSchedule.FromJson(schedule.ToJson());

        for (long step = 0; step < 200; step++)
        {
            copy.GetLearningRate(step).Should().Be(schedule.GetLearningRate(step), "step {0}", step);
        }
    }

    [Fact]
    public void Sequential_composition_in_code_equals_the_same_configuration_in_json()
    {
        var warmup = LearningRateSchedule.FromJson("""{"scheduler":"LinearLR","learning_rate":0.02,"start_factor":0.25,"total_iters":8}""");
        var decay = LearningRateSchedule.FromJson("""{"scheduler":"ExponentialLR","learning_rate":0.02,"gamma":0.9}""");

        var composed = LearningRateSchedule.Sequential([warmup, decay], [8]);
        var fromJson = LearningRateSchedule.FromJson(composed.ToJson());

        AssertSameCurve(composed, fromJson);
    }

    [Fact]
    public void Chained_composition_in_code_equals_the_same_configuration_in_json()
    {
        var constant = LearningRateSchedule.FromJson("""{"scheduler":"ConstantLR","learning_rate":0.02,"factor":0.5,"total_iters":4}""");
        var decay = LearningRateSchedule.FromJson("""{"scheduler":"ExponentialLR","learning_rate":0.02,"gamma":0.9}""");

        var composed = LearningRateSchedule.Chained(constant, decay);
        var fromJson = LearningRateSchedule.FromJson(composed.ToJson());

        AssertSameCurve(composed, fromJson);
    }

    private static ScheduleOptions Options(string json) => ScheduleOptions.FromJson(json);

    /// <summary>Equal by GetLearningRate, Evaluate in double and Evaluate in float, over the first steps and past the phases.</summary>
    private static void AssertSameCurve(LearningRateSchedule actual, LearningRateSchedule expected, double relative = 0)
    {
        foreach (var start in new long[] { 0, 1_000, 123_456_789 })
        {
            var actualCurve = new double[Steps];
            var expectedCurve = new double[Steps];
            var actualSingles = new float[Steps];
            var expectedSingles = new float[Steps];
            actual.Evaluate(start, actualCurve);
            expected.Evaluate(start, expectedCurve);
            actual.Evaluate(start, actualSingles);
            expected.Evaluate(start, expectedSingles);
            for (var i = 0; i < Steps; i++)
            {
                var step = start + i;
                actual.GetLearningRate(step).Should().BeApproximately(expected.GetLearningRate(step), relative * expected.GetLearningRate(step), "step {0}", step);
                actualCurve[i].Should().BeApproximately(expectedCurve[i], relative * expectedCurve[i], "step {0}", step);
                // Regrouped products may differ in float's last bit where doubles differ in theirs.
                actualSingles[i].Should().BeApproximately(expectedSingles[i], relative == 0 ? 0f : 4e-7f * expectedSingles[i], "step {0}", step);
            }
        }
    }
}
