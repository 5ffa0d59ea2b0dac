using System.Globalization;
using Schedulers.Tests.Conformance;

namespace Schedulers.Tests.Schedules;

public sealed class ScheduleBehaviourTests
{
    /// <summary>
    /// The Hugging Face schedulers whose curve does not hold its final value past total_steps, each with the reason; the
    /// others must hold it.
    /// </summary>
    private static readonly Dictionary<string, string> WithoutAnEndValue = new(StringComparer.Ordinal)
    {
        { "inverse_sqrt", "the contract gives inverse_sqrt no end value: it keeps decaying" },
    };

    public static TheoryData<string> CaseIds => ReferenceCurves.IdsOf(ReferenceCurves.CasesOf(SchedulerFamily.HuggingFace));

    public static TheoryData<string> CaseIdsWithAnEndValue =>
        ReferenceCurves.IdsOf(ReferenceCurves.CasesOf(SchedulerFamily.HuggingFace).Where(entry => !WithoutAnEndValue.ContainsKey(ReferenceCurves.SchedulerOf(entry))));

    public static TheoryData<string> SchedulersWithoutAnEndValue => [.. WithoutAnEndValue.Keys];

    private static LearningRateSchedule FromCase(string id) =>
        LearningRateSchedule.FromJson(ReferenceCurves.Case(id).GetProperty("config").GetRawText());

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Reading_back_its_own_json_gives_the_same_value_at_every_step(string id)
    {
        var schedule = FromCase(id);
        var copy = LearningRateSchedule.FromJson(schedule.ToJson());
        var steps = (schedule.TotalSteps ?? 1000) + 50;

        for (long step = 0; step <= steps; step++)
        {
            copy.GetLearningRate(step).Should().Be(schedule.GetLearningRate(step), "step {0}", step);
        }
    }

    [Theory]
    [MemberData(nameof(CaseIdsWithAnEndValue))]
    public void Steps_past_total_steps_hold_the_final_value(string id)
    {
        var schedule = FromCase(id);
        var final = schedule.GetLearningRate(schedule.TotalSteps!.Value);
        foreach (var offset in new long[] { 1, 2, 17, 1_000, 1_000_000_000_000 })
        {
            schedule.GetLearningRate(schedule.TotalSteps.Value + offset).Should().Be(
                final, "{0} must hold its value past total_steps, or be in WithoutAnEndValue (ScheduleBehaviourTests) with the reason it does not", schedule.Name);
        }
    }

    [Theory]
    [MemberData(nameof(SchedulersWithoutAnEndValue))]
    public void A_scheduler_said_to_have_no_end_value_changes_past_total_steps_in_its_reference_cases(string scheduler)
    {
        var schedules = ReferenceCurves.CasesOf(SchedulerFamily.HuggingFace).Where(entry => ReferenceCurves.SchedulerOf(entry) == scheduler)
            .Select(entry => LearningRateSchedule.FromJson(entry.GetProperty("config").GetRawText())).ToList();

        schedules.Should().NotBeEmpty("WithoutAnEndValue names '{0}', which has no Hugging Face reference case to check it by", scheduler);
        schedules.Should().OnlyContain(
            schedule => schedule.GetLearningRate(schedule.TotalSteps!.Value + 1_000) != schedule.GetLearningRate(schedule.TotalSteps.Value),
            "WithoutAnEndValue says '{0}' has no end value ({1})", scheduler, WithoutAnEndValue[scheduler]);
    }

    [Fact]
    public void Inverse_sqrt_keeps_decaying_past_total_steps()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"inverse_sqrt","learning_rate":0.1,"warmup_steps":10,"total_steps":100}""");

        schedule.GetLearningRate(1_000).Should().BeLessThan(schedule.GetLearningRate(100));
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Every_value_is_finite_and_between_zero_and_the_peak(string id)
    {
        var schedule = FromCase(id);
        var curve = new double[(schedule.TotalSteps ?? 1000) + 10];
        schedule.Evaluate(0, curve);

        curve.Should().OnlyContain(value => double.IsFinite(value) && value >= 0 && value <= schedule.LearningRate);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void The_float_evaluation_is_within_1e_6_of_the_learning_rate_of_the_double_evaluation(string id)
    {
        var schedule = FromCase(id);
        var doubles = new double[300];
        var floats = new float[300];

        schedule.Evaluate(5, doubles);
        schedule.Evaluate(5, floats);

        floats.Should().Equal(doubles, (single, precise) => Math.Abs(single - precise) <= 1e-6 * schedule.LearningRate);
    }

    [Fact]
    public void The_warmup_is_linear_from_the_start_learning_rate()
    {
        var schedule = LearningRateSchedule.FromJson(
            """{"scheduler":"constant_with_warmup","learning_rate":1.0,"warmup_steps":4,"warmup_start_lr":0.2}""");

        Enumerable.Range(0, 6).Select(step => schedule.GetLearningRate(step)).Should().Equal(
            [0.2, 0.4, 0.6000000000000001, 0.8, 1.0, 1.0], (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void A_warmup_ratio_rounds_up_as_the_Hugging_Face_Trainer_does()
    {
        LearningRateSchedule.FromJson("""{"scheduler":"linear","learning_rate":0.1,"warmup_ratio":0.101,"total_steps":100}""")
            .WarmupSteps.Should().Be(11);
    }

    /// <summary>Where a cosine ends at zero the rotation's rounding could dip below it; the kernels clamp there.</summary>
    [Fact]
    public void A_cosine_to_zero_never_goes_negative()
    {
        var random = new Random(11);
        for (var n = 0; n < 400; n++)
        {
            var tMax = random.Next(1, 200_000);
            var learningRate = Math.Exp(random.NextDouble() * -20);
            var schedule = LearningRateSchedule.FromJson($$"""{"scheduler":"CosineAnnealingLR","learning_rate":{{learningRate.ToString("R", CultureInfo.InvariantCulture)}},"T_max":{{tMax}}}""");
            var curve = new double[(2 * tMax) + 1];
            schedule.Evaluate(0, curve);

            curve.Should().OnlyContain(value => value >= 0, "T_max {0}, learning rate {1}", tMax, learningRate);
        }
    }

    [Fact]
    public void Linear_decays_to_its_floor()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"linear","learning_rate":1.0,"total_steps":10,"min_lr":0.25}""");

        schedule.GetLearningRate(10).Should().Be(0.25);
        schedule.GetLearningRate(5).Should().BeApproximately(0.625, 1e-15);
    }

    [Fact]
    public void A_negative_step_is_refused()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"constant","learning_rate":0.1}""");

        FluentActions.Invoking(() => schedule.GetLearningRate(-1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => schedule.Evaluate(-1, new double[3])).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_range_that_runs_past_the_largest_step_is_refused()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"constant","learning_rate":0.1}""");

        FluentActions.Invoking(() => schedule.Evaluate(long.MaxValue - 1, new double[3])).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Evaluate_agrees_with_GetLearningRate_from_any_first_step()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"cosine_with_restarts","learning_rate":0.1,"warmup_steps":7,"total_steps":100,"num_cycles":3}""");
        var curve = new double[64];

        schedule.Evaluate(40, curve);

        curve.Should().Equal(Enumerable.Range(40, 64).Select(step => schedule.GetLearningRate(step)), (a, b) => Math.Abs(a - b) <= 1e-14 * 0.1);
    }

    [Fact]
    public void One_schedule_gives_identical_values_from_many_threads()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"cosine","learning_rate":0.1,"warmup_steps":100,"total_steps":10000}""");
        var expected = new double[10_001];
        schedule.Evaluate(0, expected);

        var results = new double[8][];
        Parallel.For(0, results.Length, i =>
        {
            results[i] = new double[expected.Length];
            schedule.Evaluate(0, results[i]);
        });

        results.Should().AllSatisfy(result => result.Should().Equal(expected));
    }

    [Fact]
    public void Phase_boundaries_mark_the_warmup_end_and_the_restarts()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"cosine_with_restarts","learning_rate":0.1,"warmup_steps":10,"total_steps":110,"num_cycles":4}""");

        schedule.PhaseBoundaries.Should().Equal(10, 35, 60, 85);
    }
}
