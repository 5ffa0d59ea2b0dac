namespace Schedulers;

/// <summary><c>constant</c>: factor 1. Kohya's rule: a warmup is refused, pointing to <c>constant_with_warmup</c>.</summary>
internal sealed class ConstantDefinition : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = new(
        "constant",
        SchedulerFamily.HuggingFace,
        "The learning rate, unchanged at every step.",
        "1",
        WarmupSupport.None,
        decaysAfterWarmup: false,
        [
            CommonParameters.LearningRateDescriptor,
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
        ],
        warmupRefusal: "constant does not use warmup: set it to 0 or use constant_with_warmup");

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        new WarmupDecaySchedule(Descriptor, canonicalOptions, parameters, ConstantCurve.Instance);
}
