using System.Collections.Immutable;

namespace Schedulers;

/// <summary>What every PyTorch-family scheduler shares: the base learning rate, an optional curve length, and Kohya's refusal of warmups.</summary>
internal static class PyTorchParameters
{
    public static SchedulerDescriptor Describe(string name, string summary, string formula, params ParameterDescriptor[] parameters) => new(
        name,
        SchedulerFamily.PyTorch,
        summary,
        formula,
        WarmupSupport.None,
        decaysAfterWarmup: false,
        [
            CommonParameters.LearningRateDescriptor,
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
            .. parameters,
        ],
        warmupRefusal: $"{name} does not use warmup_steps: compose a warmup with SequentialLR, or use an HF-family scheduler");

    public static ParameterDescriptor GammaDescriptor(ParameterPresence presence, string description) => new(
        ScheduleKeys.Gamma, ParameterKind.Number, presence, description,
        defaultValue: presence == ParameterPresence.Optional ? ParameterValue.FromNumber(0.1) : null,
        // Stricter than PyTorch: a gamma above 1 grows the rate without bound, to infinity at some step of a closed
        // form defined at every step (docs/reliability.md). A growing rate is an interpolated curve or LambdaLR.
        range: ValueRange.Between(0, false, 1, true));

    public static ParameterDescriptor TotalItersDescriptor(string description) => new(
        ScheduleKeys.TotalIters, ParameterKind.Integer, ParameterPresence.Optional, description,
        ParameterValue.FromNumber(5), range: ValueRange.AtLeast(1));

    public static ParameterDescriptor EtaMinDescriptor { get; } = new(
        ScheduleKeys.EtaMin, ParameterKind.Number, ParameterPresence.Optional,
        "Minimum learning rate of the cosine.", ParameterValue.FromNumber(0), range: ValueRange.FromZeroToLearningRate());

    public static LearningRateSchedule Schedule(SchedulerDescriptor descriptor, ScheduleOptions options, ParameterSet parameters, DecayCurve curve) =>
        new WarmupDecaySchedule(descriptor, options, parameters, curve);

    public static ImmutableArray<long> SortedMilestones(ParameterSet parameters, string key) => [.. parameters.Integers(key).Order()];
}
