namespace Schedulers;

/// <summary><c>inverse_sqrt</c>: transformers' inverse square root decay after a linear warmup; it has no end value.</summary>
internal sealed class InverseSqrtDefinition : CurveDefinition
{
    public const string Timescale = "timescale";
    private const long DefaultTimescale = 10_000;

    public override SchedulerDescriptor Descriptor { get; } = new(
        "inverse_sqrt",
        SchedulerFamily.HuggingFace,
        "A linear warmup, then 1 / sqrt of the (shifted, scaled) step; keeps decaying for ever.",
        "1 / sqrt((step + timescale - W) / timescale)",
        WarmupSupport.Linear,
        decaysAfterWarmup: true,
        [
            CommonParameters.LearningRateDescriptor,
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
            .. CommonParameters.LinearWarmup(),
            new(Timescale, ParameterKind.Integer, ParameterPresence.Optional,
                "Steps over which the decay halves the factor's square (larger decays more slowly).",
                defaultDescription: "warmup steps if > 0, else 10000", range: ValueRange.AtLeast(1)),
        ]);

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        var timescale = parameters.Integer(Timescale, parameters.WarmupSteps > 0 ? parameters.WarmupSteps : DefaultTimescale);
        return new WarmupDecaySchedule(Descriptor, canonicalOptions, parameters, new InverseSqrtCurve(timescale));
    }
}
