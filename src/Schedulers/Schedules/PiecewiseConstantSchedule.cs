using System.Collections.Immutable;

namespace Schedulers;

/// <summary>
/// diffusers' <c>piecewise_constant</c>: the multiplier of the first boundary above the step (boundaries ascending),
/// else the last multiplier.
/// </summary>
internal sealed class PiecewiseConstantSchedule : LearningRateSchedule
{
    private readonly ImmutableArray<long> _boundaries;
    private readonly ImmutableArray<double> _multipliers;
    private readonly double _lastMultiplier;

    public PiecewiseConstantSchedule(SchedulerDescriptor descriptor, ScheduleOptions options, ParameterSet parameters, StepRules rules)
        : base(descriptor, options, parameters.LearningRate, parameters.TotalSteps, 0)
    {
        _boundaries = rules.Boundaries;
        _multipliers = rules.Multipliers;
        _lastMultiplier = rules.LastMultiplier;
    }

    public override IReadOnlyList<long> PhaseBoundaries => _boundaries;

    private protected override void Fill<T>(long firstStep, Span<T> destination)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var step = firstStep + done;
            var rule = RuleAt(step);
            var next = rule < _boundaries.Length ? _boundaries[rule] : long.MaxValue;
            var run = (int)Math.Min(next - step, destination.Length - done);
            Kernels.Constant(destination.Slice(done, run), LearningRate * Multiplier(rule));
            done += run;
        }
    }

    private protected override double LearningRateAt(long step) => LearningRate * Multiplier(RuleAt(step));

    internal override long ConstantRunEnd(long step)
    {
        var rule = RuleAt(step);
        return rule < _boundaries.Length ? _boundaries[rule] : long.MaxValue;
    }

    private double Multiplier(int rule) => rule < _multipliers.Length ? _multipliers[rule] : _lastMultiplier;

    /// <summary>The index of the first boundary strictly above <paramref name="step"/>, or the count of boundaries when none is.</summary>
    private int RuleAt(long step)
    {
        if (_boundaries.IsEmpty || step >= _boundaries[^1])
        {
            return _boundaries.Length;
        }

        // BinarySearch finds step + 1 itself, or where it would go: either way the first boundary above the step.
        var index = _boundaries.BinarySearch(step + 1);
        return index < 0 ? ~index : index;
    }
}
