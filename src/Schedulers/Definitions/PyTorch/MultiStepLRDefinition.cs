namespace Schedulers;

/// <summary>PyTorch's <c>MultiStepLR</c>.</summary>
internal sealed class MultiStepLRDefinition : CurveDefinition
{
    public const string Milestones = "milestones";

    public override SchedulerDescriptor Descriptor { get; } = PyTorchParameters.Describe(
        "MultiStepLR",
        "Multiplies the learning rate by gamma at each milestone (a repeated milestone counts twice).",
        "gamma^(number of milestones <= step)",
        new ParameterDescriptor(Milestones, ParameterKind.IntegerList, ParameterPresence.Required, "Steps at which the learning rate is multiplied by gamma.", range: ValueRange.AtLeast(1)),
        PyTorchParameters.GammaDescriptor(ParameterPresence.Optional, "Multiplier applied at each milestone."));

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        PyTorchParameters.Schedule(Descriptor, canonicalOptions, parameters,
            new MultiStepCurve(PyTorchParameters.SortedMilestones(parameters, Milestones), parameters.Number(PyTorchParameters.Gamma, 0.1)));
}
