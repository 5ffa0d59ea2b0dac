using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace Schedulers.Benchmarks;

/// <summary>One million learning rates in single precision, against a float fill of the same buffer and the same naive baselines.</summary>
[MemoryDiagnoser]
public class EvaluateFloatBenchmarks
{
    private readonly float[] _buffer = new float[BenchmarkSchedules.Steps];
    private float[] _angles = [];
    private LearningRateSchedule _schedule = null!;

    [ParamsSource(nameof(SchedulerNames))]
    public string Scheduler { get; set; } = "cosine";

    public static IEnumerable<string> SchedulerNames => BenchmarkSchedules.Names;

    [GlobalSetup]
    public void Setup()
    {
        _schedule = BenchmarkSchedules.Create(Scheduler);
        _angles = [.. Enumerable.Range(0, BenchmarkSchedules.Steps).Select(step => (float)(Math.PI * step / BenchmarkSchedules.Steps))];
    }

    [Benchmark(Baseline = true)]
    public void SpanFill() => _buffer.AsSpan().Fill(3e-4f);

    [Benchmark]
    public void Evaluate() => _schedule.Evaluate(0, _buffer);

    [Benchmark]
    public void GetLearningRateLoop()
    {
        var buffer = _buffer;
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (float)_schedule.GetLearningRate(i);
        }
    }

    [Benchmark]
    public void TensorPrimitivesCos() => TensorPrimitives.Cos(_angles, _buffer);
}
