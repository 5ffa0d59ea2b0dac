namespace Schedulers;

/// <summary>PyTorch's <c>StepLR</c>.</summary>
internal sealed class StepLR : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = PyTorchParameters.Describe(
        "StepLR",
        "Multiplies the learning rate by gamma every step_size steps.",
        "gamma^floor(step / step_size)",
        new ParameterDescriptor(ScheduleKeys.StepSize, ParameterKind.Integer, ParameterPresence.Required, "Steps between decays.", range: ValueRange.AtLeast(1)),
        PyTorchParameters.GammaDescriptor(ParameterPresence.Optional, "Multiplier applied at each decay."));

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        PyTorchParameters.Schedule(Descriptor, canonicalOptions, parameters,
            new Curve(parameters.Integer(ScheduleKeys.StepSize), parameters.Number(ScheduleKeys.Gamma)));

    /// <summary>PyTorch's <c>StepLR</c>: <c>gamma^floor(t / step_size)</c>.</summary>
    internal sealed class Curve(long stepSize, double gamma) : DecayCurve
    {
        public override double Factor(long t) => Math.Pow(gamma, t / stepSize);

        protected override long NextChange(long t) => ((t / stepSize) + 1) * stepSize;

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination) => FillConstantRuns(firstT, scale, destination);
    }
}
