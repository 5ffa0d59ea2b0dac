namespace Schedulers;

/// <summary><c>constant_with_warmup</c>: a linear warmup, then factor 1.</summary>
internal sealed class ConstantWithWarmup : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = new(
        "constant_with_warmup",
        SchedulerFamily.HuggingFace,
        "A linear warmup to the learning rate, then constant.",
        "1",
        WarmupSupport.Linear,
        decaysAfterWarmup: false,
        [
            CommonParameters.LearningRateDescriptor,
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
            .. CommonParameters.LinearWarmup(ParameterPresence.OneOfRequired),
        ]);

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        new WarmupDecaySchedule(Descriptor, canonicalOptions, parameters, Constant.Curve.Instance);
}
