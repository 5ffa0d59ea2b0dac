namespace Schedulers;

/// <summary>
/// <c>cosine</c> and <c>cosine_with_min_lr</c>: a linear warmup, then a cosine decay (transformers' formula); the
/// second requires the floor.
/// </summary>
internal sealed class Cosine : CurveDefinition
{
    private Cosine(string name, string summary, ParameterPresence floorPresence) =>
        Descriptor = new(
            name,
            SchedulerFamily.HuggingFace,
            summary,
            "max(0, r + (1 - r) * 0.5 * (1 + cos(pi * 2 * num_cycles * p))), p = (step - W) / max(1, N - W), r = min ratio",
            WarmupSupport.Linear,
            decaysAfterWarmup: true,
            [
                CommonParameters.LearningRateDescriptor,
                CommonParameters.TotalStepsDescriptor(ParameterPresence.Required),
                .. CommonParameters.LinearWarmup(),
                CommonParameters.CosineCyclesDescriptor,
                CommonParameters.MinLrDescriptor(floorPresence),
                CommonParameters.MinLrRatioDescriptor(floorPresence),
            ]);

    public static Cosine Standard { get; } = new(
        "cosine", "A linear warmup, then a cosine decay to 0 (or to the floor) at total_steps.", ParameterPresence.Optional);

    public static Cosine WithMinLr { get; } = new(
        "cosine_with_min_lr", "A linear warmup, then a cosine decay to a required floor (min_lr or min_lr_ratio).", ParameterPresence.OneOfRequired);

    public override SchedulerDescriptor Descriptor { get; }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        new WarmupDecaySchedule(
            Descriptor,
            canonicalOptions,
            parameters,
            new Curve(parameters.TotalSteps!.Value - parameters.WarmupSteps, parameters.Number(ScheduleKeys.NumCycles), parameters.MinLrRatio()) { Floor = parameters.MinLr() });

    /// <summary><c>max(0, f * (1 - r) + r)</c> with <c>f = 0.5 * (1 + cos(pi * num_cycles * 2 * p))</c>, <c>p = t / max(1, D)</c>, in transformers' order of operations.</summary>
    internal sealed class Curve : DecayCurve
    {
        private readonly long _decaySteps;
        private readonly double _cycles;
        private readonly double _floorRatio;
        private readonly RotationTable? _rotation;
        private readonly double _angleSpan;

        public Curve(long decaySteps, double cycles, double floorRatio)
        {
            _decaySteps = decaySteps;
            _cycles = cycles;
            _floorRatio = floorRatio;
            var angle = new CosineAngle(decaySteps, cycles);
            _angleSpan = angle.Span;
            _rotation = Rotation.TableFor(angle.Span, angle.Delta);
        }

        protected override long? End => _decaySteps;

        public override double Factor(long t)
        {
            var factor = 0.5 * (1.0 + Math.Cos(new CosineAngle(_decaySteps, _cycles).At(Math.Min(t, _decaySteps))));
            return Math.Max(0.0, (factor * (1.0 - _floorRatio)) + _floorRatio);
        }

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination)
        {
            var half = scale * 0.5 * (1.0 - _floorRatio);
            if (!CorrectedRotation.TryRotate(destination, firstT, new CosineAngle(_decaySteps, _cycles), _rotation, _angleSpan, half + (scale * _floorRatio), half, Floor))
            {
                base.FillMoving(firstT, scale, destination);
            }
        }
    }
}
