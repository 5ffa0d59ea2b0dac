namespace Schedulers;

/// <summary>PyTorch's <c>PolynomialLR</c>.</summary>
internal sealed class PolynomialLR : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = PyTorchParameters.Describe(
        "PolynomialLR",
        "A polynomial decay to 0 over total_iters steps.",
        "(1 - min(step, total_iters) / total_iters)^power",
        PyTorchParameters.TotalItersDescriptor("Steps over which the learning rate decays to 0."),
        new ParameterDescriptor(ScheduleKeys.Power, ParameterKind.Number, ParameterPresence.Optional, "Exponent of the decay (1: linear).",
            ParameterValue.FromNumber(1.0), range: ValueRange.GreaterThan(0)));

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        PyTorchParameters.Schedule(Descriptor, canonicalOptions, parameters,
            new Curve(parameters.Integer(ScheduleKeys.TotalIters), parameters.Number(ScheduleKeys.Power)) { CourseEnd = new(parameters.Integer(ScheduleKeys.TotalIters), ScheduleKeys.TotalIters) });

    /// <summary>PyTorch's <c>PolynomialLR</c>: <c>(1 - min(t, total_iters) / total_iters)^power</c>.</summary>
    internal sealed class Curve(long totalIters, double power) : DecayCurve
    {
        private readonly PowerKernel _kernel = new(power);

        public override IEnumerable<long> Boundaries => [totalIters];

        protected override long? End => totalIters;

        public override double Factor(long t) => Math.Pow(1.0 - ((double)Math.Min(t, totalIters) / totalIters), power);

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination) =>
            _kernel.Fill(destination, firstT, totalIters, scale, 0.0);
    }
}
