using System.Collections.Immutable;

namespace Schedulers;

/// <summary>
/// PyTorch's <c>ChainedScheduler</c>: every child applies at once and their factors multiply,
/// <c>v_0(step) * product over i &gt;= 1 of v_i(step) / learning_rate_i</c>, which is what PyTorch's chainable schedulers
/// compute when stepped together. The vector path multiplies children's filled ranges in the scalar path's order.
/// </summary>
internal sealed class ChainedSchedule : LearningRateSchedule
{
    private const int ChunkLength = 1024;

    private readonly ImmutableArray<LearningRateSchedule> _children;
    private readonly ImmutableArray<double> _inverseRates;

    public ChainedSchedule(SchedulerDescriptor descriptor, ScheduleOptions options, double learningRate, long? totalSteps, ImmutableArray<LearningRateSchedule> children)
        : base(descriptor, options, learningRate, totalSteps, 0)
    {
        _children = children;
        _inverseRates = [.. children.Select(child => 1.0 / child.LearningRate)];
    }

    public override IReadOnlyList<long> PhaseBoundaries =>
        [.. _children.SelectMany(child => child.PhaseBoundaries).Distinct().Order()];

    private protected override bool CanWriteJson => _children.All(child => child.IsSerializable);

    private protected override double LearningRateAt(long step)
    {
        var value = _children[0].LearningRateOfChild(step);
        for (var i = 1; i < _children.Length; i++)
        {
            value *= _children[i].LearningRateOfChild(step) * _inverseRates[i];
        }

        return value;
    }

    /// <summary>Chunk by chunk, so that each chunk of the destination stays in the L1 cache while every child contributes to it.</summary>
    private protected override void Fill<T>(long firstStep, Span<T> destination)
    {
        if (_children.Length == 1)
        {
            _children[0].FillChild(firstStep, destination);
            return;
        }

        Span<T> factors = stackalloc T[ChunkLength];
        for (var done = 0; done < destination.Length; done += ChunkLength)
        {
            var part = destination.Slice(done, Math.Min(ChunkLength, destination.Length - done));
            var chunk = factors[..part.Length];
            _children[0].FillChild(firstStep + done, part);
            for (var i = 1; i < _children.Length; i++)
            {
                _children[i].FillChild(firstStep + done, chunk);
                Kernels.MultiplyByScaled(part, chunk, _inverseRates[i]);
            }
        }
    }
}
