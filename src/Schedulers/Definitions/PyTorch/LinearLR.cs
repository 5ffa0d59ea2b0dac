namespace Schedulers;

/// <summary>PyTorch's <c>LinearLR</c>.</summary>
internal sealed class LinearLR : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = PyTorchParameters.Describe(
        "LinearLR",
        "Moves the multiplier linearly from start_factor to end_factor over total_iters steps, then holds it.",
        "start_factor + (end_factor - start_factor) * min(step, total_iters) / total_iters",
        new ParameterDescriptor(ScheduleKeys.StartFactor, ParameterKind.Number, ParameterPresence.Optional, "Multiplier at step 0.",
            ParameterValue.FromNumber(1.0 / 3), "1/3", ValueRange.Between(0, false, 1, true)),
        new ParameterDescriptor(ScheduleKeys.EndFactor, ParameterKind.Number, ParameterPresence.Optional, "Multiplier from total_iters on.",
            ParameterValue.FromNumber(1.0), range: ValueRange.Between(0, true, 1, true)),
        PyTorchParameters.TotalItersDescriptor("Steps over which the multiplier moves."));

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        PyTorchParameters.Schedule(Descriptor, canonicalOptions, parameters,
            new Curve(parameters.Number(ScheduleKeys.StartFactor), parameters.Number(ScheduleKeys.EndFactor), parameters.Integer(ScheduleKeys.TotalIters))
            {
                Floor = parameters.LearningRate * Math.Min(parameters.Number(ScheduleKeys.StartFactor), parameters.Number(ScheduleKeys.EndFactor)),
                CourseEnd = new(parameters.Integer(ScheduleKeys.TotalIters), ScheduleKeys.TotalIters),
            });

    /// <summary>PyTorch's <c>LinearLR</c> in closed form: <c>start + (end - start) * min(t, total_iters) / total_iters</c>.</summary>
    internal sealed class Curve(double startFactor, double endFactor, long totalIters) : DecayCurve
    {
        public override IEnumerable<long> Boundaries => [totalIters];

        protected override long? End => totalIters;

        public override double Factor(long t) =>
            startFactor + ((endFactor - startFactor) * Math.Min(t, totalIters) / totalIters);

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination) =>
            Kernels.Map(destination, firstT, new AffineOperator(scale * startFactor, scale * (endFactor - startFactor) / totalIters));
    }
}
