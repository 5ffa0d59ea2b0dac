namespace Schedulers;

/// <summary>PyTorch's <c>CosineAnnealingLR</c>.</summary>
internal sealed class CosineAnnealingLRDefinition : CurveDefinition
{
    public const string TMax = "T_max";

    public override SchedulerDescriptor Descriptor { get; } = PyTorchParameters.Describe(
        "CosineAnnealingLR",
        "A cosine from the learning rate down to eta_min over T_max steps (and back up after, as PyTorch's is periodic).",
        "eta_min + (learning_rate - eta_min) * (1 + cos(pi * step / T_max)) / 2",
        new ParameterDescriptor(TMax, ParameterKind.Integer, ParameterPresence.Required, "Steps of the half cosine.", range: ValueRange.AtLeast(1)),
        PyTorchParameters.EtaMinDescriptor);

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        PyTorchParameters.Schedule(Descriptor, canonicalOptions, parameters,
            new CosineAnnealingCurve(parameters.Integer(TMax, 1), parameters.Number(PyTorchParameters.EtaMin, 0) / parameters.LearningRate) { Floor = parameters.Number(PyTorchParameters.EtaMin, 0) });
}
