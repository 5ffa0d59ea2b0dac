namespace Schedulers;

/// <summary>
/// transformers' <c>get_wsd_schedule</c>: a warmup of its own shape scaled into <c>[min_lr_ratio, 1]</c>, a stable phase
/// at 1, a decay scaled into <c>[min_lr_ratio, 1]</c>, then <c>min_lr_ratio</c>.
/// </summary>
internal sealed class WarmupStableDecaySchedule : LearningRateSchedule
{
    private readonly long _stableSteps;
    private readonly long _decaySteps;
    private readonly string _warmupType;
    private readonly string _decayType;
    private readonly double _minLrRatio;
    private readonly double _cycles;
    private readonly RotationTable? _warmupRotation;
    private readonly RotationTable? _decayRotation;

    public WarmupStableDecaySchedule(SchedulerDescriptor descriptor, ScheduleOptions options, ParameterSet parameters, long stableSteps, long decaySteps)
        : base(descriptor, options, parameters.LearningRate, parameters.TotalSteps, parameters.WarmupSteps)
    {
        _stableSteps = stableSteps;
        _decaySteps = decaySteps;
        _warmupType = parameters.Text(WarmupStableDecayDefinition.WarmupType, "linear");
        _decayType = parameters.Text(WarmupStableDecayDefinition.DecayType, "cosine");
        _minLrRatio = parameters.Number(CommonParameters.MinLrRatio, 0);
        _cycles = parameters.Number(CommonParameters.NumCycles, 0.5);
        _warmupRotation = _warmupType == "cosine" && WarmupSteps > 0 ? new RotationTable(Math.PI / WarmupSteps) : null;
        var decayAngle = new CosineAngle(decaySteps, _cycles);
        _decayRotation = _decayType == "cosine" && Rotation.CanRotate(decayAngle.Span) ? new RotationTable(decayAngle.Delta) : null;
    }

    public override IReadOnlyList<long> PhaseBoundaries =>
        [.. base.PhaseBoundaries, WarmupSteps + _stableSteps, WarmupSteps + _stableSteps + _decaySteps];

    private protected override double LearningRateAt(long step) => LearningRate * Factor(step);

    private protected override void Fill<T>(long firstStep, Span<T> destination)
    {
        var stableStart = WarmupSteps;
        var decayStart = stableStart + _stableSteps;
        var decayEnd = decayStart + _decaySteps;
        var warming = Count(firstStep, stableStart, destination.Length);
        var stable = Count(firstStep, decayStart, destination.Length) - warming;
        var decaying = Count(firstStep, decayEnd, destination.Length) - warming - stable;

        FillWarmup(firstStep, destination[..warming]);
        Kernels.Constant(destination.Slice(warming, stable), LearningRate);
        FillDecay(firstStep + warming + stable - decayStart, destination.Slice(warming + stable, decaying));
        Kernels.Constant(destination[(warming + stable + decaying)..], LearningRate * _minLrRatio);
    }

    private static int Count(long firstStep, long end, int length) => (int)Math.Clamp(end - firstStep, 0, length);

    // Each shape scaled into [min_lr_ratio, 1]: lr * (r + (1 - r) * shape).
    private void FillWarmup<T>(long firstStep, Span<T> destination)
        where T : unmanaged
    {
        var span = LearningRate * (1.0 - _minLrRatio);
        var floor = LearningRate * _minLrRatio;
        switch (_warmupType)
        {
            case "cosine" when _warmupRotation is not null:
                // 0.5 * (1 - cos(pi * p)) with p = step / W.
                Kernels.Rotate(destination, firstStep, new CycleAngle(0, WarmupSteps, long.MaxValue), _warmupRotation, floor + (0.5 * span), -0.5 * span, floor);
                break;
            case "1-sqrt":
                Kernels.Map(destination, firstStep, new OneMinusSqrtOperator(Math.Max(1L, WarmupSteps), rising: true, _minLrRatio, LearningRate));
                break;
            default:
                Kernels.Map(destination, firstStep, new AffineOperator(floor, span / Math.Max(1L, WarmupSteps)));
                break;
        }
    }

    private void FillDecay<T>(long firstT, Span<T> destination)
        where T : unmanaged
    {
        var span = LearningRate * (1.0 - _minLrRatio);
        var floor = LearningRate * _minLrRatio;
        switch (_decayType)
        {
            case "linear":
                Kernels.Map(destination, firstT, new AffineOperator(floor + span, -span / Math.Max(1L, _decaySteps)));
                break;
            case "1-sqrt":
                Kernels.Map(destination, firstT, new OneMinusSqrtOperator(Math.Max(1L, _decaySteps), rising: false, _minLrRatio, LearningRate));
                break;
            case "cosine" when _decayRotation is not null:
                Kernels.Rotate(destination, firstT, new CosineAngle(_decaySteps, _cycles), _decayRotation, floor + (0.5 * span), 0.5 * span, floor);
                break;
            default:
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = Lanes.From<T>(LearningRateAt(WarmupSteps + _stableSteps + firstT + i));
                }

                break;
        }
    }

    private double Factor(long step)
    {
        if (step < WarmupSteps)
        {
            var progress = (double)step / Math.Max(1L, WarmupSteps);
            var shape = _warmupType switch
            {
                "cosine" => 0.5 * (1.0 - Math.Cos(Math.PI * progress)),
                "1-sqrt" => 1.0 - Math.Sqrt(1.0 - progress),
                _ => progress,
            };
            return Scale(shape);
        }

        var sinceStable = step - WarmupSteps - _stableSteps;
        if (sinceStable < 0)
        {
            return 1.0;
        }

        if (sinceStable < _decaySteps)
        {
            var progress = (double)sinceStable / Math.Max(1L, _decaySteps);
            var shape = _decayType switch
            {
                "linear" => 1.0 - progress,
                "1-sqrt" => 1.0 - Math.Sqrt(progress),
                _ => 0.5 * (1.0 + Math.Cos(Math.PI * _cycles * 2.0 * progress)),
            };
            return Scale(shape);
        }

        return _minLrRatio;
    }

    private double Scale(double shape) => Math.Max(0.0, (shape * (1.0 - _minLrRatio)) + _minLrRatio);
}
