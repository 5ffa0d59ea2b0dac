using BenchmarkDotNet.Attributes;

namespace Schedulers.Benchmarks;

/// <summary>A 16-step Evaluate (a trainer asking for the next few LRs) against 16 GetLearningRate calls: the evaluator must not cost more for short ranges.</summary>
[MemoryDiagnoser]
public class SmallRangeBenchmarks
{
    private readonly double[] _buffer = new double[16];
    private LearningRateSchedule _schedule = null!;

    [Params("cosine", "linear", "cosine_with_restarts", "warmup_stable_decay", "ExponentialLR", "CosineAnnealingWarmRestarts")]
    public string Scheduler { get; set; } = "cosine";

    [GlobalSetup]
    public void Setup() => _schedule = BenchmarkSchedules.Create(Scheduler);

    [Benchmark(Baseline = true)]
    public void GetLearningRate16()
    {
        for (var i = 0; i < 16; i++)
        {
            _buffer[i] = _schedule.GetLearningRate(500_000 + i);
        }
    }

    [Benchmark]
    public void Evaluate16() => _schedule.Evaluate(500_000, _buffer);
}
