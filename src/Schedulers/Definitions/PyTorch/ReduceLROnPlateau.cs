namespace Schedulers;

/// <summary>
/// PyTorch's <c>ReduceLROnPlateau</c>: the learning rate follows reported metrics, not the step, so the configuration
/// is checked like every other but builds a <see cref="PlateauScheduler"/> instead of a curve. A linear warmup may
/// precede it (the plateau logic starts when the warmup ends).
/// </summary>
internal sealed class ReduceLROnPlateau : SchedulerDefinition
{
    public const string Name = "ReduceLROnPlateau";

    public override SchedulerDescriptor Descriptor { get; } = new(
        Name,
        SchedulerFamily.PyTorch,
        "Multiplies the learning rate by factor when the reported metric has not improved for more than patience reports; follows metrics, not the step (no curve: replay metrics, or step it in a training loop).",
        "lr = max(lr * factor, min_lr) after patience + 1 reports without improvement, then cooldown reports of rest",
        WarmupSupport.Linear,
        decaysAfterWarmup: false,
        [
            CommonParameters.LearningRateDescriptor,
            new(ScheduleKeys.TotalSteps, ParameterKind.Integer, ParameterPresence.Optional,
                "Only the base of warmup_ratio: the plateau logic itself has no length.", range: ValueRange.AtLeast(1)),
            .. CommonParameters.LinearWarmup(),
            new(ScheduleKeys.Mode, ParameterKind.Choice, ParameterPresence.Optional, "min: lower metrics are better (a loss); max: higher are better (an accuracy).",
                ParameterValue.FromText("min"), choices: ["min", "max"]),
            new(ScheduleKeys.Factor, ParameterKind.Number, ParameterPresence.Optional, "Multiplier applied to the learning rate at each reduction.",
                ParameterValue.FromNumber(0.1), range: ValueRange.Between(0, false, 1, false)),
            new(ScheduleKeys.Patience, ParameterKind.Integer, ParameterPresence.Optional, "Reports without improvement tolerated before a reduction.",
                ParameterValue.FromNumber(10), range: ValueRange.AtLeast(0)),
            new(ScheduleKeys.Threshold, ParameterKind.Number, ParameterPresence.Optional, "Least change that counts as an improvement (a share of the best in rel mode, an amount in abs mode).",
                ParameterValue.FromNumber(1e-4), range: ValueRange.AtLeast(0)),
            new(ScheduleKeys.ThresholdMode, ParameterKind.Choice, ParameterPresence.Optional, "rel: better than best * (1 -/+ threshold); abs: better than best -/+ threshold.",
                ParameterValue.FromText("rel"), choices: ["rel", "abs"]),
            new(ScheduleKeys.Cooldown, ParameterKind.Integer, ParameterPresence.Optional, "Reports after a reduction during which no bad report is counted.",
                ParameterValue.FromNumber(0), range: ValueRange.AtLeast(0)),
            new(ScheduleKeys.MinLr, ParameterKind.Number, ParameterPresence.Optional, "Lowest learning rate a reduction may reach (per parameter group from C#).",
                ParameterValue.FromNumber(0), range: ValueRange.FromZeroToLearningRate()),
            new(ScheduleKeys.Eps, ParameterKind.Number, ParameterPresence.Optional, "A reduction smaller than eps is skipped.",
                ParameterValue.FromNumber(1e-8), range: ValueRange.AtLeast(0)),
        ],
        metricDriven: true);

    public override string NoCurveReason =>
        "follows reported metrics, not the step, so it has no curve: create it with PlateauScheduler in C#, or replay logged metrics with `schedulers replay --config FILE --metrics FILE`.";

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        if (parameters.Given(ScheduleKeys.TotalSteps) is { } total && !parameters.Has(ScheduleKeys.WarmupRatio))
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.TotalSteps, total,
                $"{total} has no effect on ReduceLROnPlateau, which follows metrics and has no length; it is only the base of warmup_ratio. Remove it, or give warmup_ratio."));
        }
    }

    /// <summary>The plateau settings, from parameters that passed validation.</summary>
    public static PlateauSettings Settings(ParameterSet parameters, ScheduleOptions canonicalOptions) => new(
        canonicalOptions,
        parameters.LearningRate,
        parameters.Warmup,
        parameters.Text(ScheduleKeys.Mode) == "max",
        parameters.Number(ScheduleKeys.Factor),
        parameters.Integer(ScheduleKeys.Patience),
        parameters.Number(ScheduleKeys.Threshold),
        parameters.Text(ScheduleKeys.ThresholdMode) == "rel",
        parameters.Integer(ScheduleKeys.Cooldown),
        parameters.Number(ScheduleKeys.MinLr),
        parameters.Number(ScheduleKeys.Eps));
}
