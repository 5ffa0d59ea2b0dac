namespace Schedulers;

/// <summary>PyTorch's <c>ExponentialLR</c>.</summary>
internal sealed class ExponentialLRDefinition : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = PyTorchParameters.Describe(
        "ExponentialLR",
        "Multiplies the learning rate by gamma at every step.",
        "gamma^step",
        PyTorchParameters.GammaDescriptor(ParameterPresence.Required, "Multiplier applied at every step."));

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        PyTorchParameters.Schedule(Descriptor, canonicalOptions, parameters, new ExponentialCurve(parameters.Number(PyTorchParameters.Gamma, 1)));
}
