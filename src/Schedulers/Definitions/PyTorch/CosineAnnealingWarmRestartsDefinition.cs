namespace Schedulers;

/// <summary>PyTorch's <c>CosineAnnealingWarmRestarts</c> (SGDR).</summary>
internal sealed class CosineAnnealingWarmRestartsDefinition : CurveDefinition
{
    public const string T0 = "T_0";
    public const string TMult = "T_mult";

    public override SchedulerDescriptor Descriptor { get; } = PyTorchParameters.Describe(
        "CosineAnnealingWarmRestarts",
        "Cosine annealing to eta_min over cycles of T_0, T_0 * T_mult, ... steps, restarting at the learning rate.",
        "eta_min + (learning_rate - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2",
        new ParameterDescriptor(T0, ParameterKind.Integer, ParameterPresence.Required, "Steps of the first cycle.", range: ValueRange.AtLeast(1)),
        new ParameterDescriptor(TMult, ParameterKind.Integer, ParameterPresence.Optional, "Growth factor of each cycle's length.",
            ParameterValue.FromNumber(1), range: ValueRange.AtLeast(1)),
        PyTorchParameters.EtaMinDescriptor);

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        PyTorchParameters.Schedule(Descriptor, canonicalOptions, parameters,
            new WarmRestartsCurve(parameters.Integer(T0, 1), parameters.Integer(TMult, 1), parameters.Number(PyTorchParameters.EtaMin, 0) / parameters.LearningRate) { Floor = parameters.Number(PyTorchParameters.EtaMin, 0) });
}
