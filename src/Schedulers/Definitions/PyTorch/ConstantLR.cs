namespace Schedulers;

/// <summary>PyTorch's <c>ConstantLR</c>.</summary>
internal sealed class ConstantLR : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = PyTorchParameters.Describe(
        "ConstantLR",
        "The learning rate times factor until total_iters, then the learning rate.",
        "step < total_iters: factor; else 1",
        new ParameterDescriptor(ScheduleKeys.Factor, ParameterKind.Number, ParameterPresence.Optional, "Multiplier before total_iters.",
            ParameterValue.FromNumber(1.0 / 3), "1/3", ValueRange.Between(0, false, 1, true)),
        PyTorchParameters.TotalItersDescriptor("Steps during which the factor applies."));

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        PyTorchParameters.Schedule(Descriptor, canonicalOptions, parameters,
            new Curve(parameters.Number(ScheduleKeys.Factor), parameters.Integer(ScheduleKeys.TotalIters)) { CourseEnd = new(parameters.Integer(ScheduleKeys.TotalIters), ScheduleKeys.TotalIters) });

    /// <summary>PyTorch's <c>ConstantLR</c>: <c>factor</c> until <c>total_iters</c>, then 1.</summary>
    internal sealed class Curve(double factor, long totalIters) : DecayCurve
    {
        public override IEnumerable<long> Boundaries => [totalIters];

        protected override long? End => totalIters;

        public override double Factor(long t) => t < totalIters ? factor : 1.0;

        protected override long NextChange(long t) => totalIters;

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination) => Kernels.Constant(destination, scale * factor);
    }
}
