namespace Schedulers;

/// <summary>PyTorch's <c>ExponentialLR</c>.</summary>
internal sealed class ExponentialLR : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = PyTorchParameters.Describe(
        "ExponentialLR",
        "Multiplies the learning rate by gamma at every step.",
        "gamma^step",
        PyTorchParameters.GammaDescriptor(ParameterPresence.Required, "Multiplier applied at every step."));

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        PyTorchParameters.Schedule(Descriptor, canonicalOptions, parameters, new Curve(parameters.Number(ScheduleKeys.Gamma)));

    /// <summary>PyTorch's <c>ExponentialLR</c>: <c>gamma^t</c>, filled as a geometric sequence.</summary>
    internal sealed class Curve(double gamma) : DecayCurve
    {
        private readonly GeometricTable _powers = GeometricTable.FromRatio(gamma);

        public override double Factor(long t) => Math.Pow(gamma, t);

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination) => Kernels.Geometric(destination, firstT, _powers, scale);
    }
}
