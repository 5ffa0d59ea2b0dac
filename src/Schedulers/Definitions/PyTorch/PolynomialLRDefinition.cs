namespace Schedulers;

/// <summary>PyTorch's <c>PolynomialLR</c>.</summary>
internal sealed class PolynomialLRDefinition : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = PyTorchParameters.Describe(
        "PolynomialLR",
        "A polynomial decay to 0 over total_iters steps.",
        "(1 - min(step, total_iters) / total_iters)^power",
        PyTorchParameters.TotalItersDescriptor("Steps over which the learning rate decays to 0."),
        new ParameterDescriptor(PolynomialDefinition.Power, ParameterKind.Number, ParameterPresence.Optional, "Exponent of the decay (1: linear).",
            ParameterValue.FromNumber(1.0), range: ValueRange.GreaterThan(0)));

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        PyTorchParameters.Schedule(Descriptor, canonicalOptions, parameters,
            new PolynomialFactorCurve(parameters.Integer(PyTorchParameters.TotalIters, 5), parameters.Number(PolynomialDefinition.Power, 1.0)));
}
