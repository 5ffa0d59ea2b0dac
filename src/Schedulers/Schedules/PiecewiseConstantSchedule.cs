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

    private protected override double LearningRateAt(long step)
    {
        if (_boundaries.IsEmpty || step >= _boundaries[^1])
        {
            return LearningRate * _lastMultiplier;
        }

        // The first boundary strictly above the step: BinarySearch finds step + 1 or where it would go.
        var index = _boundaries.BinarySearch(step + 1);
        if (index < 0)
        {
            index = ~index;
        }

        return LearningRate * _multipliers[index];
    }
}
