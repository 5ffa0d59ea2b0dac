using Schedulers.Tests.Support;

namespace Schedulers.Tests.Reliability;

/// <summary>
/// One schedule shared by many threads, first use included: every thread sees exactly the values a schedule used by one
/// thread gives (scalar and vectorized, double and float).
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Threads = 8;

    public static TheoryData<string> Schedulers => [.. RandomConfigurations.SchedulerNames];

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void A_schedule_evaluated_from_eight_threads_at_once_from_its_first_use_gives_the_single_threaded_values(string scheduler)
    {
        for (var seed = 0; seed < 3; seed++)
        {
            var options = RandomConfigurations.Options(scheduler, new Random(seed), seed == 2 ? ConfigurationScale.Huge : ConfigurationScale.Typical).Options;
            var work = Enumerable.Range(0, Threads).Select(thread => Ranges(options, new Random((seed * 100) + thread))).ToArray();
            var alone = LearningRateSchedule.Create(options);
            var expected = work.Select(ranges => Compute(alone, ranges)).ToArray();

            var shared = LearningRateSchedule.Create(options);
            var actual = new Results[Threads];
            using var start = new Barrier(Threads);
            var threads = Enumerable.Range(0, Threads).Select(thread => new Thread(() =>
            {
                start.SignalAndWait();
                actual[thread] = Compute(shared, work[thread]);
            })).ToList();
            threads.ForEach(thread => thread.Start());
            threads.ForEach(thread => thread.Join());

            for (var thread = 0; thread < Threads; thread++)
            {
                actual[thread].Doubles.Should().Equal(expected[thread].Doubles, "thread {0} of {1}", thread, options.ToJson());
                actual[thread].Floats.Should().Equal(expected[thread].Floats);
                actual[thread].Scalars.Should().Equal(expected[thread].Scalars);
            }
        }
    }

    [Fact]
    public void Sixteen_threads_hammering_every_scheduler_at_once_see_no_difference()
    {
        var schedules = RandomConfigurations.SchedulerNames.Select((name, index) => RandomConfigurations.Options(name, new Random(index)).Options).ToArray();
        var reference = schedules.Select(LearningRateSchedule.Create).ToArray();
        var shared = schedules.Select(LearningRateSchedule.Create).ToArray();
        var mismatches = 0;

        Parallel.For(0, 16 * 40, new ParallelOptions { MaxDegreeOfParallelism = 16 }, round =>
        {
            var random = new Random(round);
            var which = random.Next(shared.Length);
            var ranges = Ranges(schedules[which], random);
            if (!Compute(shared[which], ranges).SameAs(Compute(reference[which], ranges)))
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        mismatches.Should().Be(0);
    }

    private static (long Start, int Length)[] Ranges(ScheduleOptions options, Random random)
    {
        var total = options.TryGetValue(ScheduleKeys.TotalSteps, out var value) ? (long)value!.NumberValue : 10_000;
        return [.. Enumerable.Range(0, 12).Select(_ => (random.NextInt64(0, total + 100), random.Next(1, 2_000)))];
    }

    private static Results Compute(LearningRateSchedule schedule, (long Start, int Length)[] ranges)
    {
        var doubles = new List<double>();
        var floats = new List<float>();
        var scalars = new List<double>();
        foreach (var (start, length) in ranges)
        {
            var d = new double[length];
            var f = new float[length];
            schedule.Evaluate(start, d);
            schedule.Evaluate(start, f);
            doubles.AddRange(d);
            floats.AddRange(f);
            scalars.Add(schedule.GetLearningRate(start + (length / 2)));
        }

        return new Results(doubles, floats, scalars);
    }

    private sealed record Results(List<double> Doubles, List<float> Floats, List<double> Scalars)
    {
        public bool SameAs(Results other) => Doubles.SequenceEqual(other.Doubles) && Floats.SequenceEqual(other.Floats) && Scalars.SequenceEqual(other.Scalars);
    }
}
