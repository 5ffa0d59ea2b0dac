namespace Schedulers;

/// <summary><c>cosine_with_restarts</c>: diffusers' hard restarts, <c>num_cycles</c> whole cosine decays from the peak to 0.</summary>
internal sealed class CosineWithRestartsDefinition : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = new(
        "cosine_with_restarts",
        SchedulerFamily.HuggingFace,
        "A linear warmup, then num_cycles cosine decays to 0, each restarting at the peak.",
        "p >= 1: 0; else max(0, 0.5 * (1 + cos(pi * ((num_cycles * p) mod 1))))",
        WarmupSupport.Linear,
        decaysAfterWarmup: true,
        [
            CommonParameters.LearningRateDescriptor,
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Required),
            .. CommonParameters.LinearWarmup(),
            new(CommonParameters.NumCycles, ParameterKind.Integer, ParameterPresence.Optional,
                "Number of hard restarts (whole cosine decays).", ParameterValue.FromNumber(1), range: ValueRange.AtLeast(1)),
        ]);

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        new WarmupDecaySchedule(
            Descriptor,
            canonicalOptions,
            parameters,
            new CosineWithRestartsCurve(parameters.TotalSteps!.Value - parameters.WarmupSteps, parameters.Integer(CommonParameters.NumCycles, 1)));
}
