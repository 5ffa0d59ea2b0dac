namespace Schedulers;

/// <summary>PyTorch's <c>SequentialLR</c>: child schedules one after another, each from its own step 0 at its milestone.</summary>
internal sealed class SequentialLR : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = new(
        "SequentialLR",
        SchedulerFamily.PyTorch,
        "Runs schedulers[0] until milestones[0], then schedulers[1] from its own step 0, and so on; the usual way to put a warmup before a PyTorch scheduler.",
        "schedulers[i](step - milestones[i-1]) for milestones[i-1] <= step < milestones[i]",
        WarmupSupport.None,
        decaysAfterWarmup: false,
        [
            ChildConfigurations.LearningRateDescriptor(
                "Learning rate of the schedules that give none; may be left out when every schedule gives the same one, as in PyTorch code, where they share one optimizer."),
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
            ChildConfigurations.Descriptor("The schedules to run in turn; each inherits learning_rate unless it sets its own."),
            new(ScheduleKeys.Milestones, ParameterKind.IntegerList, ParameterPresence.Required,
                "Steps at which the next schedule starts: one fewer than schedulers, strictly increasing ([] for a single schedule).",
                range: ValueRange.AtLeast(1), allowsEmptyList: true),
        ],
        warmupRefusal: "SequentialLR has no warmup of its own: put a warmup schedule (LinearLR, or constant_with_warmup) first in schedulers");

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        ChildConfigurations.Check(parameters, problems, Descriptor.Name, "a schedule's own then overrides it for that schedule");
        if (!parameters.Has(ScheduleKeys.Milestones) || !parameters.Has(ScheduleKeys.Schedulers))
        {
            return;
        }

        var milestones = parameters.Integers(ScheduleKeys.Milestones).ToList();
        var count = parameters.Given(ScheduleKeys.Schedulers)!.Items.Length;
        if (milestones.Count != count - 1)
        {
            problems.Add(ConfigurationProblem.ForKeys([ScheduleKeys.Milestones, ScheduleKeys.Schedulers],
                $"{milestones.Count} milestones for {count} schedulers: a SequentialLR needs exactly one milestone fewer than schedulers ({count - 1})."));
        }

        if (milestones.Zip(milestones.Skip(1)).Any(pair => pair.Second <= pair.First))
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.Milestones, parameters.Given(ScheduleKeys.Milestones),
                $"{parameters.Given(ScheduleKeys.Milestones)} is not strictly increasing: each schedule must run for at least one step."));
        }
    }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        var learningRate = ChildConfigurations.LearningRate(parameters)!;
        return new SequentialSchedule(Descriptor, canonicalOptions, learningRate.NumberValue, parameters.TotalSteps,
            ChildConfigurations.Build(parameters, learningRate), [.. parameters.Integers(ScheduleKeys.Milestones)]);
    }
}
