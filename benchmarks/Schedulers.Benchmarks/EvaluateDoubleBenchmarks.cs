using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace Schedulers.Benchmarks;

/// <summary>
/// One million learning rates in double precision, for each scheduler, against the floor (Span.Fill of the same
/// buffer), a loop of GetLearningRate, and TensorPrimitives.Cos over precomputed angles (a naive vectorization).
/// </summary>
[MemoryDiagnoser]
public class EvaluateDoubleBenchmarks
{
    private readonly double[] _buffer = new double[BenchmarkSchedules.Steps];
    private double[] _angles = [];
    private LearningRateSchedule _schedule = null!;

    [ParamsSource(nameof(SchedulerNames))]
    public string Scheduler { get; set; } = "cosine";

    public static IEnumerable<string> SchedulerNames => BenchmarkSchedules.Names;

    [GlobalSetup]
    public void Setup()
    {
        _schedule = BenchmarkSchedules.Create(Scheduler);
        _angles = [.. Enumerable.Range(0, BenchmarkSchedules.Steps).Select(step => Math.PI * step / BenchmarkSchedules.Steps)];
    }

    [Benchmark(Baseline = true)]
    public void SpanFill() => _buffer.AsSpan().Fill(3e-4);

    [Benchmark]
    public void Evaluate() => _schedule.Evaluate(0, _buffer);

    [Benchmark]
    public void GetLearningRateLoop()
    {
        var buffer = _buffer;
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = _schedule.GetLearningRate(i);
        }
    }

    [Benchmark]
    public void TensorPrimitivesCos() => TensorPrimitives.Cos(_angles, _buffer);
}
