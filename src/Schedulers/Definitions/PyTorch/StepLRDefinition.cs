namespace Schedulers;

/// <summary>PyTorch's <c>StepLR</c>.</summary>
internal sealed class StepLRDefinition : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = PyTorchParameters.Describe(
        "StepLR",
        "Multiplies the learning rate by gamma every step_size steps.",
        "gamma^floor(step / step_size)",
        new ParameterDescriptor("step_size", ParameterKind.Integer, ParameterPresence.Required, "Steps between decays.", range: ValueRange.AtLeast(1)),
        PyTorchParameters.GammaDescriptor(ParameterPresence.Optional, "Multiplier applied at each decay."));

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        PyTorchParameters.Schedule(Descriptor, canonicalOptions, parameters,
            new StepCurve(parameters.Integer("step_size", 1), parameters.Number(PyTorchParameters.Gamma, 0.1)));
}
