using Schedulers.Tests.Support;

namespace Schedulers.Tests.Evaluation;

/// <summary>
/// The evaluator in epoch units (<c>steps_per_epoch</c>): each epoch's value computed once by the scheduler's own kernels
/// and spread over its steps, for every scheduler with random configurations, in double and float, from any start.
/// </summary>
public sealed class EpochEvaluationTests
{
    private const int ConfigurationsPerScheduler = 12;

    public static TheoryData<string> Schedulers => [.. RandomConfigurations.SchedulerNames];

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void Evaluate_in_epochs_spreads_the_per_epoch_values_over_their_steps(string scheduler)
    {
        var random = new Random(Seed(scheduler, 2));
        for (var n = 0; n < ConfigurationsPerScheduler; n++)
        {
            var (inSteps, inEpochs) = RandomConfigurations.InEpochs(scheduler, random);
            var stepsPerEpoch = inEpochs.StepsPerEpoch;
            var start = random.NextInt64(0, inEpochs.TotalSteps!.Value + (3 * stepsPerEpoch));
            var curve = new double[random.Next(0, 3_000)];
            inEpochs.Evaluate(start, curve);

            var firstEpoch = start / stepsPerEpoch;
            var epochs = new double[curve.Length == 0 ? 0 : ((start + curve.Length - 1) / stepsPerEpoch) - firstEpoch + 1];
            inSteps.Evaluate(firstEpoch, epochs);
            for (var i = 0; i < curve.Length; i++)
            {
                var expected = epochs[((start + i) / stepsPerEpoch) - firstEpoch];
                if (curve[i] != expected)
                {
                    curve[i].Should().Be(expected, "step {0} of {1}", start + i, inEpochs.ToJson());
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void Evaluate_in_double_agrees_with_GetLearningRate_in_epochs_from_any_start(string scheduler)
    {
        var random = new Random(Seed(scheduler, 3));
        for (var n = 0; n < ConfigurationsPerScheduler; n++)
        {
            var (_, inEpochs) = RandomConfigurations.InEpochs(scheduler, random, huge: n % 4 == 3);
            var stepsPerEpoch = inEpochs.StepsPerEpoch;
            var starts = inEpochs.PhaseBoundaries.Take(20).Append(inEpochs.TotalSteps!.Value)
                .SelectMany(boundary => new[] { boundary - 17, boundary - 1, boundary, boundary + 1, boundary + (stepsPerEpoch / 2) })
                .Append(random.NextInt64(0, inEpochs.TotalSteps!.Value + 200))
                .Select(start => Math.Max(0, start));
            foreach (var start in starts)
            {
                AssertAgreement(inEpochs, start, random.Next(1, 700));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void Evaluate_in_float_is_within_1e_6_of_the_double_values_in_epochs(string scheduler)
    {
        var random = new Random(Seed(scheduler, 4));
        for (var n = 0; n < ConfigurationsPerScheduler; n++)
        {
            var (_, inEpochs) = RandomConfigurations.InEpochs(scheduler, random, huge: n % 4 == 3);
            var start = random.NextInt64(0, inEpochs.TotalSteps!.Value + 200);
            var doubles = new double[random.Next(0, 4_000)];
            var floats = new float[doubles.Length];

            inEpochs.Evaluate(start, doubles);
            inEpochs.Evaluate(start, floats);

            for (var i = 0; i < doubles.Length; i++)
            {
                if (!float.IsFinite(floats[i]) || Math.Abs(floats[i] - doubles[i]) > 1e-6 * Scale(inEpochs, doubles[i]))
                {
                    ((double)floats[i]).Should().BeApproximately(doubles[i], 1e-6 * Scale(inEpochs, doubles[i]), "step {0} of {1}", start + i, inEpochs.ToJson());
                }
            }
        }
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(3L)]
    [InlineData(1_000L)]
    [InlineData(4_000_000_000_000L)]
    public void Ranges_that_start_late_in_the_step_count_agree_with_GetLearningRate(long stepsPerEpoch)
    {
        string[] configurations =
        [
            """{"scheduler":"StepLR","learning_rate":0.1,"step_size":3,"gamma":0.5}""",
            """{"scheduler":"cosine","learning_rate":0.1,"warmup_steps":2,"total_steps":30}""",
            """{"scheduler":"CosineAnnealingWarmRestarts","learning_rate":0.1,"T_0":5,"T_mult":1}""",
            """{"scheduler":"constant","learning_rate":0.1}""",
        ];
        foreach (var json in configurations)
        {
            var schedule = LearningRateSchedule.Create(ScheduleOptions.FromJson(json).With(ScheduleKeys.StepsPerEpoch, stepsPerEpoch));
            foreach (var start in new[] { long.MaxValue - 1_000, long.MaxValue - 1, (long.MaxValue / stepsPerEpoch * stepsPerEpoch) - 2 })
            {
                var length = (int)Math.Min(1_000, long.MaxValue - start);
                AssertAgreement(schedule, start, length);
                var floats = new float[length];
                schedule.Evaluate(start, floats);
                floats.Should().OnlyContain(value => float.IsFinite(value) && value >= 0);
            }
        }
    }

    [Fact]
    public void Evaluate_in_epochs_allocates_nothing()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"cosine","learning_rate":0.1,"warmup_steps":3,"total_steps":90,"steps_per_epoch":17}""");
        var doubles = new double[10_000];
        var floats = new float[10_000];
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            Exercise(schedule, doubles, floats);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        Exercise(schedule, doubles, floats);

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    private static void Exercise(LearningRateSchedule schedule, double[] doubles, float[] floats)
    {
        schedule.Evaluate(0, doubles);
        schedule.Evaluate(12_345, floats);
        schedule.Evaluate(5, doubles.AsSpan(0, 3));
        doubles[0] = schedule.GetLearningRate(1_000);
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
