namespace Schedulers;

/// <summary><c>piecewise_constant</c>: diffusers' step rules, multipliers of the learning rate that change at given steps.</summary>
internal sealed class PiecewiseConstantDefinition : CurveDefinition
{
    public const string StepRulesKey = "step_rules";

    public override SchedulerDescriptor Descriptor { get; } = new(
        "piecewise_constant",
        SchedulerFamily.HuggingFace,
        "Multipliers of the learning rate that change at given steps (diffusers' step_rules).",
        "m_i for the first boundary s_i > step (boundaries ascending), else m_last",
        WarmupSupport.None,
        decaysAfterWarmup: false,
        [
            CommonParameters.LearningRateDescriptor,
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
            new(StepRulesKey, ParameterKind.Text, ParameterPresence.Required,
                "Rules \"m1:s1,m2:s2,...,m_last\": multiplier m_i below step s_i, m_last from the last step on."),
        ],
        warmupRefusal: "piecewise_constant does not use warmup: write the warmup into step_rules, or use constant_with_warmup");

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        if (parameters.Has(StepRulesKey) && StepRules.Parse(parameters.Text(StepRulesKey, string.Empty), out var error) is null)
        {
            problems.Add(ConfigurationProblem.ForKey(StepRulesKey, parameters.Given(StepRulesKey), error + "."));
        }
    }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        new PiecewiseConstantSchedule(Descriptor, canonicalOptions, parameters, StepRules.Parse(parameters.Text(StepRulesKey, string.Empty), out _)!);
}
