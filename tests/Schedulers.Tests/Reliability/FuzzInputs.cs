using Schedulers.Tests.Support;

namespace Schedulers.Tests.Reliability;

/// <summary>Valid starting points for the fuzzers: a random configuration of any scheduler, plateau included.</summary>
internal static class FuzzInputs
{
    private static readonly string[] Schedulers = [.. SchedulerCatalog.All.Where(scheduler => !scheduler.IsCodeOnly).Select(scheduler => scheduler.Name)];

    /// <summary>Every key any scheduler takes, for the mutator to add.</summary>
    public static IReadOnlyList<string> Keys { get; } = SchedulerCatalog.AllParameterKeys;

    public static string ValidConfiguration(Random random)
    {
        var scheduler = Schedulers[random.Next(Schedulers.Length)];
        return SchedulerCatalog.Find(scheduler)!.IsMetricDriven
            ? """{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"patience":2,"factor":0.5}"""
            : RandomConfigurations.Options(scheduler, random).Options.ToJson();
    }

    /// <summary>
    /// Runs <paramref name="check"/> on every input in parallel and fails any input that took longer than the bound.
    /// (Waiting on a task per input instead starves the thread pool while other tests run in parallel.)
    /// </summary>
    public static void RunAll(int count, int seed, Action<int, Random> check)
    {
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            check(index, new Random(seed + index));
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "input {0} of seed {1} must not take unbounded time", index, seed);
        });
    }

    public static string Shorten(string text) => text.Length <= 1_500 ? text : $"{text[..1_500]}... ({text.Length} characters)";
}
