namespace Schedulers;

/// <summary><c>linear</c>: a linear warmup, then a linear decay to 0 (or to a floor given by <c>min_lr</c> / <c>min_lr_ratio</c>).</summary>
internal sealed class LinearDefinition : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = new(
        "linear",
        SchedulerFamily.HuggingFace,
        "A linear warmup, then a linear decay to 0 (or to the floor) at total_steps.",
        "r + (1 - r) * max(0, (N - step) / max(1, N - W)), r = min ratio (0)",
        WarmupSupport.Linear,
        decaysAfterWarmup: true,
        [
            CommonParameters.LearningRateDescriptor,
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Required),
            .. CommonParameters.LinearWarmup(),
            CommonParameters.MinLrDescriptor(ParameterPresence.Optional),
            CommonParameters.MinLrRatioDescriptor(ParameterPresence.Optional),
        ]);

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        new WarmupDecaySchedule(Descriptor, canonicalOptions, parameters, new LinearCurve(parameters.TotalSteps!.Value - parameters.WarmupSteps, parameters.MinLrRatio()) { Floor = parameters.MinLr() });
}
