namespace Schedulers;

/// <summary>
/// <c>cosine</c> and <c>cosine_with_min_lr</c>: a linear warmup, then a cosine decay (transformers' formula); the
/// second requires the floor.
/// </summary>
internal sealed class CosineDefinition : CurveDefinition
{
    private CosineDefinition(string name, string summary, ParameterPresence floorPresence) =>
        Descriptor = new(
            name,
            SchedulerFamily.HuggingFace,
            summary,
            "max(0, r + (1 - r) * 0.5 * (1 + cos(pi * 2 * num_cycles * p))), p = (step - W) / max(1, N - W), r = min ratio",
            WarmupSupport.Linear,
            decaysAfterWarmup: true,
            [
                CommonParameters.LearningRateDescriptor,
                CommonParameters.TotalStepsDescriptor(ParameterPresence.Required),
                .. CommonParameters.LinearWarmup(),
                CommonParameters.CosineCyclesDescriptor,
                CommonParameters.MinLrDescriptor(floorPresence),
                CommonParameters.MinLrRatioDescriptor(floorPresence),
            ]);

    public static CosineDefinition Cosine { get; } = new(
        "cosine", "A linear warmup, then a cosine decay to 0 (or to the floor) at total_steps.", ParameterPresence.Optional);

    public static CosineDefinition CosineWithMinLr { get; } = new(
        "cosine_with_min_lr", "A linear warmup, then a cosine decay to a required floor (min_lr or min_lr_ratio).", ParameterPresence.OneOfRequired);

    public override SchedulerDescriptor Descriptor { get; }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        new WarmupDecaySchedule(
            Descriptor,
            canonicalOptions,
            parameters,
            new CosineCurve(parameters.TotalSteps!.Value - parameters.WarmupSteps, parameters.Number(CommonParameters.NumCycles, 0.5), parameters.MinLrRatio()) { Floor = parameters.MinLr() });
}
