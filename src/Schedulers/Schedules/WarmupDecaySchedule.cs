namespace Schedulers;

/// <summary>
/// A linear warmup followed by a decay curve that runs on its own clock (steps since the warmup ended): the shape of
/// every Hugging Face-family scheduler except <c>warmup_stable_decay</c> and <c>piecewise_constant</c>.
/// </summary>
internal sealed class WarmupDecaySchedule : LearningRateSchedule
{
    private readonly WarmupPhase _warmup;
    private readonly DecayCurve _decay;
    private readonly double _decayScale;

    public WarmupDecaySchedule(SchedulerDescriptor descriptor, ScheduleOptions options, ParameterSet parameters, DecayCurve decay)
        : this(descriptor, options, parameters.LearningRate, parameters.TotalSteps, parameters.Warmup, decay, parameters.LearningRate)
    {
    }

    /// <summary>
    /// A schedule whose base learning rate, warmup and decay scale are the scheduler's own rather than the contract's
    /// (the Keras family): the decay's value is <paramref name="decayScale"/> times its factor, which lets a curve whose
    /// factor is the learning rate itself (scale 1) keep its original's order of operations.
    /// </summary>
    public WarmupDecaySchedule(SchedulerDescriptor descriptor, ScheduleOptions options, double learningRate, long? totalSteps, WarmupPhase warmup, DecayCurve decay, double decayScale)
        : base(descriptor, options, learningRate, totalSteps, warmup.Steps)
    {
        _warmup = warmup;
        _decay = decay;
        _decayScale = decayScale;
    }

    public override IReadOnlyList<long> PhaseBoundaries =>
        [.. base.PhaseBoundaries, .. _decay.Boundaries.Select(boundary => boundary + WarmupSteps)];

    private protected override CourseEnd? OwnCourseEnd => _decay.CourseEnd is { } end && WarmupSteps > 0 ? end.After(WarmupSteps, ScheduleKeys.WarmupSteps) : _decay.CourseEnd;

    internal override long ConstantRunEnd(long step)
    {
        if (_warmup.Covers(step))
        {
            return step + 1;
        }

        var end = _decay.ConstantRunEnd(step - WarmupSteps);
        return end > long.MaxValue - WarmupSteps ? long.MaxValue : end + WarmupSteps;
    }

    private protected override double LearningRateAt(long step) =>
        _warmup.Covers(step) ? _warmup.LearningRateAt(step) : _decay.LearningRateAt(step - WarmupSteps, _decayScale);

    private protected override void Fill<T>(long firstStep, Span<T> destination)
    {
        var warming = (int)Math.Clamp(WarmupSteps - firstStep, 0, destination.Length);
        if (warming > 0)
        {
            _warmup.Fill(firstStep, destination[..warming]);
        }

        if (warming < destination.Length)
        {
            _decay.Fill(firstStep + warming - WarmupSteps, _decayScale, destination[warming..]);
        }
    }
}
