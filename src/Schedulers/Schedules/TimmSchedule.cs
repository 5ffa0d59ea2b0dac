namespace Schedulers;

/// <summary>
/// A timm scheduler stepped with <c>step_update(num_updates=step)</c>: timm's linear warmup
/// (<c>warmup_lr_init + step * slope</c> for <c>step &lt; warmup_t</c>), then the curve, on the step itself or, with
/// <c>warmup_prefix</c>, on the steps since the warmup ended; then timm's noise at the steps of <c>noise_range_t</c>.
/// </summary>
internal sealed class TimmSchedule : LearningRateSchedule
{
    /// <summary>The most phase boundaries listed (a curve of many short cycles keeps its values past them).</summary>
    private const int MaxListedBoundaries = 10_000;

    private readonly TimmCurve _curve;
    private readonly double _warmupStart;
    private readonly double _warmupSlope;
    private readonly bool _prefix;
    private readonly TimmNoise? _noise;

    /// <param name="descriptor">The scheduler's descriptor.</param>
    /// <param name="options">The canonical configuration.</param>
    /// <param name="learningRate">The base learning rate.</param>
    /// <param name="totalSteps">The training length, when given.</param>
    /// <param name="warmup">warmup_t, warmup_lr_init and the value the warmup climbs to (timm's <c>warmup_steps</c> are <c>(target - warmup_lr_init) / warmup_t</c>).</param>
    /// <param name="prefix">warmup_prefix.</param>
    /// <param name="curve">The curve after the warmup.</param>
    /// <param name="noise">The noise, when <c>noise_range_t</c> is given.</param>
    public TimmSchedule(SchedulerDescriptor descriptor, ScheduleOptions options, double learningRate, long? totalSteps, (long Steps, double Start, double Target) warmup, bool prefix, TimmCurve curve, TimmNoise? noise)
        : base(descriptor, options, learningRate, totalSteps, warmup.Steps)
    {
        _curve = curve;
        _warmupStart = warmup.Start;
        _warmupSlope = warmup.Steps > 0 ? (warmup.Target - warmup.Start) / warmup.Steps : 0;
        _prefix = prefix;
        _noise = noise;
    }

    public override IReadOnlyList<long> PhaseBoundaries
    {
        get
        {
            var curve = _curve.Boundaries.Take(MaxListedBoundaries).Select(CurveToStep).Where(step => step > WarmupSteps);
            long[] noise = _noise is null ? [] : [_noise.Start, .. _noise.End is { } end ? new[] { end } : []];
            return [.. base.PhaseBoundaries.Concat(curve).Concat(noise).Where(step => step > 0).Distinct().Order()];
        }
    }

    private protected override CourseEnd? OwnCourseEnd => _curve.CourseEnd is { } end && _prefix && WarmupSteps > 0 ? end.After(WarmupSteps, ScheduleKeys.WarmupT) : _curve.CourseEnd;

    internal override long ConstantRunEnd(long step)
    {
        if (step < WarmupSteps || (_noise?.Applies(step) ?? false))
        {
            return step + 1;
        }

        var end = CurveToStep(_curve.NextChange(StepToCurve(step)));
        return _noise is { } noise && noise.Start > step ? Math.Min(end, noise.Start) : end;
    }

    private protected override double LearningRateAt(long step)
    {
        var learningRate = QuietLearningRateAt(step);
        return _noise is { } noise && noise.Applies(step) ? noise.Apply(learningRate, step) : learningRate;
    }

    private protected override void Fill<T>(long firstStep, Span<T> destination)
    {
        if (_noise is not { } noise)
        {
            FillQuiet(firstStep, destination);
            return;
        }

        // The noisy steps come from the closed form, one by one: each has its own draw, and the values stay exact.
        var noisyFrom = (int)Math.Clamp(noise.Start - firstStep, 0, destination.Length);
        var noisyTo = noise.End is { } end ? (int)Math.Clamp(end - firstStep, noisyFrom, destination.Length) : destination.Length;
        FillQuiet(firstStep, destination[..noisyFrom]);
        for (var i = noisyFrom; i < noisyTo; i++)
        {
            destination[i] = Lanes.From<T>(LearningRateAt(firstStep + i));
        }

        FillQuiet(firstStep + noisyTo, destination[noisyTo..]);
    }

    /// <summary>The value before noise: timm's warmup, then the curve.</summary>
    private double QuietLearningRateAt(long step) =>
        step < WarmupSteps ? _warmupStart + (step * _warmupSlope) : _curve.LearningRateAt(StepToCurve(step));

    private void FillQuiet<T>(long firstStep, Span<T> destination)
        where T : unmanaged
    {
        var warming = (int)Math.Clamp(WarmupSteps - firstStep, 0, destination.Length);
        if (warming > 0)
        {
            Kernels.Map(destination[..warming], firstStep, new AffineOperator(_warmupStart, _warmupSlope));
        }

        if (warming < destination.Length)
        {
            _curve.Fill(StepToCurve(firstStep + warming), destination[warming..]);
        }
    }

    private long StepToCurve(long step) => _prefix ? step - WarmupSteps : step;

    private long CurveToStep(long t) => !_prefix || t > long.MaxValue - WarmupSteps ? t : t + WarmupSteps;
}
