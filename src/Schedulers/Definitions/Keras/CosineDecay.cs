namespace Schedulers;

/// <summary>Keras's <c>CosineDecay</c>, with its optional linear warmup from <c>initial_learning_rate</c> to <c>warmup_target</c>.</summary>
internal sealed class CosineDecay : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = KerasParameters.Describe(
        "CosineDecay",
        "Keras's cosine decay over decay_steps to alpha times its start, then held; with warmup_target and warmup_steps, first a linear warmup from initial_learning_rate to warmup_target, from which the decay starts.",
        "lr0 * ((1 - alpha) * 0.5 * (1 + cos(pi * min(t, decay_steps) / decay_steps)) + alpha), t = step - warmup_steps, lr0 = warmup_target if given, else initial_learning_rate",
        [
            KerasParameters.InitialLearningRateDescriptor(
                "Learning rate at step 0 (Keras's name for learning_rate): where the decay starts, or with warmup_target where the warmup starts (then 0 is valid).",
                ValueRange.AtLeast(0)),
            KerasParameters.DecayStepsDescriptor("Steps of the cosine decay (after the warmup)."),
            KerasParameters.AlphaDescriptor("Floor of the decay as a share of the rate it starts from."),
            new(ScheduleKeys.WarmupTarget, ParameterKind.Number, ParameterPresence.Optional,
                "Learning rate at the end of Keras's warmup, where the decay starts; needs warmup_steps.",
                range: ValueRange.GreaterThan(0)),
            new(ScheduleKeys.WarmupSteps, ParameterKind.Integer, ParameterPresence.Optional,
                "Length of Keras's linear warmup from initial_learning_rate to warmup_target; needs warmup_target (0: no warmup).",
                ParameterValue.FromNumber(0), range: ValueRange.AtLeast(0)),
        ],
        warmupRefusal: "CosineDecay warms up Keras's way only: warmup_steps with warmup_target, from initial_learning_rate");

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        var warmup = parameters.Given(ScheduleKeys.WarmupSteps);
        var warms = warmup is { NumberValue: > 0 };
        var target = parameters.Given(ScheduleKeys.WarmupTarget);
        if (warms && !parameters.Written(ScheduleKeys.WarmupTarget))
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.WarmupSteps, warmup,
                $"{warmup} has no effect without warmup_target (Keras ignores warmup_steps then): give warmup_target, the learning rate the warmup rises to, or remove warmup_steps.",
                ConfigurationRemedy.Remove(ScheduleKeys.WarmupSteps, "Keras ignores warmup_steps without warmup_target")));
        }

        if (target is not null && !warms && !(warmup is null && parameters.Written(ScheduleKeys.WarmupSteps)))
        {
            // Without a warmup Keras decays from warmup_target and ignores initial_learning_rate: the lenient path keeps
            // Keras's curve by making warmup_target the initial learning rate.
            problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.WarmupTarget, target,
                $"{target} needs warmup_steps > 0: without a warmup Keras decays from warmup_target and ignores initial_learning_rate. Give warmup_steps, or remove warmup_target and set initial_learning_rate to the rate the decay starts from.",
                ConfigurationRemedy.Remove(ScheduleKeys.WarmupTarget, "Keras ignores initial_learning_rate without warmup_steps")
                    with { Then = ConfigurationRemedy.Set(ScheduleKeys.InitialLearningRate, target, "Keras decays from warmup_target when there is no warmup") }));
        }

        if (!parameters.Written(ScheduleKeys.WarmupTarget) && parameters.Given(ScheduleKeys.InitialLearningRate) is { NumberValue: 0 } zero)
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.InitialLearningRate, zero,
                $"{zero} is where the decay starts without a warmup, so every learning rate would be 0: give initial_learning_rate > 0, or warm up from it with warmup_target and warmup_steps."));
        }
    }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        var initial = parameters.Number(ScheduleKeys.InitialLearningRate);
        var warmup = parameters.Integer(ScheduleKeys.WarmupSteps);

        // Keras's decay starts from warmup_target after a warmup, else from initial_learning_rate: that rate is the base.
        var start = warmup > 0 ? parameters.Number(ScheduleKeys.WarmupTarget) : initial;
        var alpha = parameters.Number(ScheduleKeys.Alpha);
        var curve = new Cosine.Curve(parameters.Integer(ScheduleKeys.DecaySteps), 0.5, alpha) { Floor = start * alpha, CourseEnd = new(parameters.Integer(ScheduleKeys.DecaySteps), ScheduleKeys.DecaySteps) };
        return new WarmupDecaySchedule(Descriptor, canonicalOptions, start, parameters.TotalSteps,
            warmup > 0 ? new WarmupPhase(warmup, initial, start) : WarmupPhase.None, curve, start);
    }
}
