namespace Schedulers;

/// <summary>PyTorch's <c>CosineAnnealingLR</c>.</summary>
internal sealed class CosineAnnealingLR : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = PyTorchParameters.Describe(
        "CosineAnnealingLR",
        "A cosine from the learning rate down to eta_min over T_max steps (and back up after, as PyTorch's is periodic).",
        "eta_min + (learning_rate - eta_min) * (1 + cos(pi * step / T_max)) / 2",
        new ParameterDescriptor(ScheduleKeys.TMax, ParameterKind.Integer, ParameterPresence.Required, "Steps of the half cosine.", range: ValueRange.AtLeast(1)),
        PyTorchParameters.EtaMinDescriptor);

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        PyTorchParameters.Schedule(Descriptor, canonicalOptions, parameters,
            new Curve(parameters.Integer(ScheduleKeys.TMax), parameters.Number(ScheduleKeys.EtaMin) / parameters.LearningRate) {
                Floor = parameters.Number(ScheduleKeys.EtaMin),

                // The half cosine ends at T_max; PyTorch's curve rises again after it, but the course configured is the fall.
                CourseEnd = new(parameters.Integer(ScheduleKeys.TMax), ScheduleKeys.TMax),
            });

    /// <summary>
    /// PyTorch's <c>CosineAnnealingLR</c> in closed form, <c>eta_min + (base - eta_min) * (1 + cos(pi * t / T_max)) / 2</c>,
    /// as a factor of the base (floor ratio <c>r = eta_min / base</c>). Like PyTorch's it is periodic past <c>T_max</c>.
    /// </summary>
    internal sealed class Curve(long periodSteps, double floorRatio) : DecayCurve
    {
        private readonly RotationTable _rotation = new(Math.PI / periodSteps);

        // Reducing t modulo the 2 * T_max period keeps the angle small, so huge steps lose no precision.
        public override double Factor(long t) =>
            floorRatio + ((1.0 - floorRatio) * (1.0 + Math.Cos(Angle.At(t))) / 2.0);

        private CycleAngle Angle => new(0, periodSteps, 2 * periodSteps);

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination)
        {
            var half = scale * (1.0 - floorRatio) / 2.0;
            Kernels.Rotate(destination, firstT, Angle, _rotation, half + (scale * floorRatio), half, Floor);
            ExactAtMultiples(firstT, periodSteps, scale, destination);
        }
    }
}
