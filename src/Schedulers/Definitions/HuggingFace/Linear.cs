namespace Schedulers;

/// <summary><c>linear</c>: a linear warmup, then a linear decay to 0 (or to a floor given by <c>min_lr</c> / <c>min_lr_ratio</c>).</summary>
internal sealed class Linear : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = new(
        "linear",
        SchedulerFamily.HuggingFace,
        "A linear warmup, then a linear decay to 0 (or to the floor) at total_steps.",
        "r + (1 - r) * max(0, (N - step) / max(1, N - W)), r = min ratio (0)",
        WarmupSupport.Linear,
        decaysAfterWarmup: true,
        [
            CommonParameters.LearningRateDescriptor,
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Required),
            .. CommonParameters.LinearWarmup(),
            CommonParameters.MinLrDescriptor(ParameterPresence.Optional),
            CommonParameters.MinLrRatioDescriptor(ParameterPresence.Optional),
        ]);

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        new WarmupDecaySchedule(Descriptor, canonicalOptions, parameters, new Curve(parameters.TotalSteps!.Value - parameters.WarmupSteps, parameters.MinLrRatio()) { Floor = parameters.MinLr() });

    /// <summary><c>r + (1 - r) * max(0, (D - t) / max(1, D))</c> over <c>D = N - W</c> steps, with floor ratio <c>r</c>.</summary>
    internal sealed class Curve(long decaySteps, double floorRatio) : DecayCurve
    {
        protected override long? End => decaySteps;

        public override double Factor(long t)
        {
            // D - t equals N - step exactly, the numerator Hugging Face uses.
            var remaining = (double)(decaySteps - Math.Min(t, decaySteps)) / Math.Max(1L, decaySteps);
            return floorRatio + ((1.0 - floorRatio) * Math.Max(0.0, remaining));
        }

        // scale * (r + (1 - r) * (D - t) / D) is affine in t.
        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination) =>
            Kernels.Map(destination, firstT, new AffineOperator(scale * (floorRatio + (1.0 - floorRatio)), -scale * (1.0 - floorRatio) / Math.Max(1L, decaySteps)));
    }
}
