using Schedulers.Tests.Support;

namespace Schedulers.Tests.Evaluation;

/// <summary>The evaluator's accuracy contract, property-style over seeded random configurations and ranges.</summary>
public sealed class EvaluationAccuracyTests
{
    private const int ConfigurationsPerScheduler = 40;

    public static TheoryData<string> Schedulers => [.. RandomConfigurations.SchedulerNames];

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void Evaluate_in_double_is_within_1e_14_of_the_learning_rate_of_GetLearningRate_at_every_step(string scheduler)
    {
        var random = new Random(Seed(scheduler, 1));
        for (var n = 0; n < ConfigurationsPerScheduler; n++)
        {
            var schedule = RandomConfigurations.Create(scheduler, random);
            AssertAgreement(schedule, RandomStart(schedule, random), random.Next(0, 3_000));
        }
    }

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void Evaluate_agrees_with_GetLearningRate_at_steps_around_1e12(string scheduler)
    {
        var random = new Random(Seed(scheduler, 2));
        for (var n = 0; n < ConfigurationsPerScheduler / 4; n++)
        {
            var schedule = RandomConfigurations.Create(scheduler, random, huge: true);
            AssertAgreement(schedule, RandomStart(schedule, random), 2_100);
            AssertAgreement(schedule, random.NextInt64(0, 1_000_000_000_000), 2_100);
        }
    }

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void Ranges_that_start_or_end_at_every_phase_boundary_agree(string scheduler)
    {
        var random = new Random(Seed(scheduler, 3));
        for (var n = 0; n < ConfigurationsPerScheduler / 4; n++)
        {
            var schedule = RandomConfigurations.Create(scheduler, random);
            foreach (var boundary in schedule.PhaseBoundaries.Take(50).Append(schedule.TotalSteps ?? 0))
            {
                foreach (var offset in new[] { -17, -1, 0, 1 })
                {
                    var start = Math.Max(0, boundary + offset);
                    AssertAgreement(schedule, start, 1);
                    AssertAgreement(schedule, start, 33);
                    AssertAgreement(schedule, Math.Max(0, start - 33), 34);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void Evaluate_in_float_is_within_1e_6_of_the_learning_rate_of_the_double_values(string scheduler)
    {
        var random = new Random(Seed(scheduler, 4));
        for (var n = 0; n < ConfigurationsPerScheduler / 2; n++)
        {
            var schedule = RandomConfigurations.Create(scheduler, random);
            var start = RandomStart(schedule, random);
            var length = random.Next(0, 5_000);
            var doubles = new double[length];
            var floats = new float[length];

            schedule.Evaluate(start, doubles);
            schedule.Evaluate(start, floats);

            for (var i = 0; i < length; i++)
            {
                Math.Abs(floats[i] - doubles[i]).Should().BeLessThanOrEqualTo(1e-6 * Scale(schedule, doubles[i]), "step {0} of {1}", start + i, schedule.ToJson());
                float.IsFinite(floats[i]).Should().BeTrue();
            }
        }
    }

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void Evaluate_in_float_stays_within_1e_6_of_the_double_values_at_steps_around_1e12(string scheduler)
    {
        var random = new Random(Seed(scheduler, 6));
        for (var n = 0; n < ConfigurationsPerScheduler / 4; n++)
        {
            var schedule = RandomConfigurations.Create(scheduler, random, huge: true);
            foreach (var start in new[] { RandomStart(schedule, random), random.NextInt64(0, 1_000_000_000_000), random.NextInt64(100_000_000, 1_000_000_000) })
            {
                var doubles = new double[2_100];
                var floats = new float[2_100];
                schedule.Evaluate(start, doubles);
                schedule.Evaluate(start, floats);
                for (var i = 0; i < doubles.Length; i++)
                {
                    Math.Abs(floats[i] - doubles[i]).Should().BeLessThanOrEqualTo(1e-6 * Scale(schedule, doubles[i]), "step {0} of {1}", start + i, schedule.ToJson());
                }
            }
        }
    }

    /// <summary>Long ranges cross many of the runs that the 256-bit inverse square root re-anchors, and the switch from short runs.</summary>
    [Theory]
    [InlineData(1, 0)]
    [InlineData(7, 12_345)]
    [InlineData(10_000, 0)]
    [InlineData(50_000, 999_999_000_000)]
    public void Inverse_sqrt_agrees_with_GetLearningRate_over_long_ranges(int timescale, long start)
    {
        var schedule = LearningRateSchedule.FromJson($$"""{"scheduler":"inverse_sqrt","learning_rate":3e-4,"warmup_steps":100,"timescale":{{timescale}}}""");

        AssertAgreement(schedule, start, 300_000);
    }

    [Fact]
    public void Every_length_from_0_to_300_agrees_for_every_scheduler()
    {
        var random = new Random(5);
        foreach (var scheduler in RandomConfigurations.SchedulerNames)
        {
            var schedule = RandomConfigurations.Create(scheduler, random);
            for (var length = 0; length <= 300; length += 1)
            {
                AssertAgreement(schedule, length * 7L, length);
            }
        }
    }

    /// <summary>A seed that is the same in every run (string.GetHashCode is randomised per process).</summary>
    private static int Seed(string scheduler, int test) => scheduler.Aggregate(test, (seed, character) => (seed * 31) + character);

    private static long RandomStart(LearningRateSchedule schedule, Random random) =>
        random.NextInt64(0, (schedule.TotalSteps ?? 10_000) + 200);

    /// <summary>
    /// The contract's scale: learning_rate, or the value itself where a schedule rises above its learning_rate
    /// (CyclicLR's max_lr, and composites holding one).
    /// </summary>
    private static double Scale(LearningRateSchedule schedule, double value) => Math.Max(schedule.LearningRate, Math.Abs(value));

    private static void AssertAgreement(LearningRateSchedule schedule, long start, int length)
    {
        var curve = new double[length];
        schedule.Evaluate(start, curve);
        for (var i = 0; i < length; i++)
        {
            var expected = schedule.GetLearningRate(start + i);
            var tolerance = 1e-14 * Scale(schedule, expected);
            double.IsFinite(curve[i]).Should().BeTrue();
            curve[i].Should().BeGreaterThanOrEqualTo(0);
            if (Math.Abs(curve[i] - expected) > tolerance)
            {
                curve[i].Should().BeApproximately(expected, tolerance, "step {0} of {1} (range from {2})", start + i, schedule.ToJson(), start);
            }
        }
    }
}
