using Schedulers.Tests.Support;

namespace Schedulers.Tests.Evaluation;

/// <summary>Once a schedule exists, evaluating it allocates nothing (counted, not timed).</summary>
public sealed class AllocationTests
{
    public static TheoryData<string> Schedulers => [.. RandomConfigurations.SchedulerNames];

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void Evaluate_and_GetLearningRate_allocate_nothing(string scheduler)
    {
        var schedule = RandomConfigurations.Create(scheduler, new Random(scheduler.Length));
        var doubles = new double[10_000];
        var floats = new float[10_000];
        // First calls JIT-compile, and a loop's first long runs may be compiled again on the calling thread (on-stack
        // replacement), which can allocate once: only calls after a few warm-ups are counted.
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            Exercise(schedule, doubles, floats);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        Exercise(schedule, doubles, floats);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0);
    }

    private static void Exercise(LearningRateSchedule schedule, double[] doubles, float[] floats)
    {
        schedule.Evaluate(0, doubles);
        schedule.Evaluate(12_345, floats);
        schedule.Evaluate(3, doubles.AsSpan(0, 16));
        for (var step = 0L; step < 1_000; step += 7)
        {
            doubles[0] = schedule.GetLearningRate(step);
        }
    }
}
