namespace Schedulers;

/// <summary>PyTorch's <c>ChainedScheduler</c>: child schedules applied together, their factors multiplied.</summary>
internal sealed class ChainedScheduler : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = new(
        "ChainedScheduler",
        SchedulerFamily.PyTorch,
        "Applies every schedule in schedulers at once: the learning rate times the product of their factors.",
        "learning_rate * product over i of schedulers[i](step) / learning_rate",
        WarmupSupport.None,
        decaysAfterWarmup: false,
        [
            ChildConfigurations.LearningRateDescriptor(
                "The one learning rate the schedules' factors multiply; may be left out when every schedule gives the same one, as in PyTorch code, where they share one optimizer."),
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
            ChildConfigurations.Descriptor("The schedules whose factors multiply; they take the chain's learning_rate."),
        ],
        warmupRefusal: "ChainedScheduler has no warmup of its own: chain a warmup schedule (LinearLR), or put one before it with SequentialLR");

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems) =>
        ChildConfigurations.Check(parameters, problems, Descriptor.Name, "and none on its schedules", child =>
            parameters.Written(ScheduleKeys.LearningRate) && child.TryGetValue(ScheduleKeys.LearningRate, out var own)
                ? ConfigurationProblem.ForKey(ScheduleKeys.LearningRate, own,
                    $"{own} would have no effect: a ChainedScheduler multiplies its schedules' factors of one learning rate; set learning_rate on the ChainedScheduler and remove it here.")
                : null);

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        var learningRate = ChildConfigurations.LearningRate(parameters)!;
        return new ChainedSchedule(Descriptor, canonicalOptions, learningRate.NumberValue, parameters.TotalSteps, ChildConfigurations.Build(parameters, learningRate));
    }
}
