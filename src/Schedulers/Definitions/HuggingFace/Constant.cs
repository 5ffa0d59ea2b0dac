namespace Schedulers;

/// <summary><c>constant</c>: factor 1. Kohya's rule: a warmup is refused, pointing to <c>constant_with_warmup</c>.</summary>
internal sealed class Constant : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = new(
        "constant",
        SchedulerFamily.HuggingFace,
        "The learning rate, unchanged at every step.",
        "1",
        WarmupSupport.None,
        decaysAfterWarmup: false,
        [
            CommonParameters.LearningRateDescriptor,
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
        ],
        warmupRefusal: "constant does not use warmup: set it to 0 or use constant_with_warmup");

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        new WarmupDecaySchedule(Descriptor, canonicalOptions, parameters, Curve.Instance);

    /// <summary>Factor 1 for ever.</summary>
    internal sealed class Curve : DecayCurve
    {
        public static Curve Instance { get; } = new();

        public override double Factor(long t) => 1.0;

        protected override long NextChange(long t) => long.MaxValue;

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination) => Kernels.Constant(destination, scale);
    }
}
