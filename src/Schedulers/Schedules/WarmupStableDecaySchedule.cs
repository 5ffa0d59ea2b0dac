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

    public WarmupStableDecaySchedule(SchedulerDescriptor descriptor, ScheduleOptions options, ParameterSet parameters, long stableSteps, long decaySteps)
        : base(descriptor, options, parameters.LearningRate, parameters.TotalSteps, parameters.WarmupSteps)
    {
        _stableSteps = stableSteps;
        _decaySteps = decaySteps;
        _warmupType = parameters.Text(WarmupStableDecayDefinition.WarmupType, "linear");
        _decayType = parameters.Text(WarmupStableDecayDefinition.DecayType, "cosine");
        _minLrRatio = parameters.Number(CommonParameters.MinLrRatio, 0);
        _cycles = parameters.Number(CommonParameters.NumCycles, 0.5);
    }

    public override IReadOnlyList<long> PhaseBoundaries =>
        [.. base.PhaseBoundaries, WarmupSteps + _stableSteps, WarmupSteps + _stableSteps + _decaySteps];

    private protected override double LearningRateAt(long step) => LearningRate * Factor(step);

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
