namespace Schedulers;

/// <summary>Descriptors shared by several schedulers, so that a key means the same thing, with the same range, everywhere.</summary>
internal static class CommonParameters
{
    /// <summary>The largest step count accepted: every step up to it is exactly representable as a double.</summary>
    public const double MaxSteps = 9007199254740992.0;

    /// <summary>
    /// The largest magnitude of any other number: no learning rate or factor comes near it, and below it every curve
    /// stays finite in single precision (float's largest value is 3.4e38).
    /// </summary>
    public const double MaxNumber = 1e30;

    public static ParameterDescriptor LearningRateDescriptor { get; } = new(
        ScheduleKeys.LearningRate, ParameterKind.Number, ParameterPresence.Required,
        "Peak learning rate; every value is learning_rate * factor(step).",
        range: ValueRange.GreaterThan(0));

    public static ParameterDescriptor TotalStepsDescriptor(ParameterPresence presence) => new(
        ScheduleKeys.TotalSteps, ParameterKind.Integer, presence,
        "Training length: where a decay ends, the base of ratios, and the default curve length.",
        range: ValueRange.AtLeast(1));

    public static ParameterDescriptor WarmupStepsDescriptor(ParameterPresence presence) => new(
        ScheduleKeys.WarmupSteps, ParameterKind.Integer, presence,
        "Length of the warmup, in steps.",
        defaultValue: presence == ParameterPresence.Optional ? ParameterValue.FromNumber(0) : null,
        range: ValueRange.AtLeast(0),
        alternatives: [ScheduleKeys.WarmupRatio]);

    public static ParameterDescriptor WarmupRatioDescriptor(ParameterPresence presence) => new(
        ScheduleKeys.WarmupRatio, ParameterKind.Number, presence,
        "Warmup as a share of total_steps: warmup_steps = ceil(warmup_ratio * total_steps) (Hugging Face Trainer's rule).",
        range: ValueRange.Between(0, true, 1, false),
        alternatives: [ScheduleKeys.WarmupSteps]);

    public static ParameterDescriptor WarmupStartLrDescriptor { get; } = new(
        ScheduleKeys.WarmupStartLr, ParameterKind.Number, ParameterPresence.Optional,
        "Learning rate at step 0 of the warmup (timm's warmup_lr_init, optax's init_value); needs a warmup.",
        defaultValue: ParameterValue.FromNumber(0),
        range: ValueRange.FromZeroToLearningRate());

    public static ParameterDescriptor MinLrDescriptor(ParameterPresence presence) => new(
        ScheduleKeys.MinLr, ParameterKind.Number, presence,
        "Floor of the decay as a learning rate: min_lr_ratio = min_lr / learning_rate.",
        range: ValueRange.FromZeroToLearningRate(),
        alternatives: [ScheduleKeys.MinLrRatio]);

    public static ParameterDescriptor MinLrRatioDescriptor(ParameterPresence presence, string? defaultDescription = null) => new(
        ScheduleKeys.MinLrRatio, ParameterKind.Number, presence,
        "Floor of the decay as a share of learning_rate.",
        defaultValue: presence == ParameterPresence.Optional && defaultDescription is null ? ParameterValue.FromNumber(0) : null,
        defaultDescription: defaultDescription,
        range: ValueRange.Between(0, true, 1, false),
        alternatives: [ScheduleKeys.MinLr]);

    public static ParameterDescriptor CosineCyclesDescriptor { get; } = new(
        ScheduleKeys.NumCycles, ParameterKind.Number, ParameterPresence.Optional,
        "Number of cosine waves over the decay (0.5: one half-cosine from the peak to the floor).",
        defaultValue: ParameterValue.FromNumber(0.5),
        range: ValueRange.GreaterThan(0));

    /// <summary>
    /// Epoch units, taken by every step-driven scheduler (<see cref="SchedulerDescriptor"/> adds it; no scheduler lists
    /// it): its lengths are counted in epochs and its value changes once per epoch (see <see cref="EpochSchedule"/>).
    /// </summary>
    public static ParameterDescriptor StepsPerEpochDescriptor { get; } = new(
        ScheduleKeys.StepsPerEpoch, ParameterKind.Integer, ParameterPresence.Optional,
        "Epoch units: every length of the schedule is counted in epochs of this many steps, and the value changes once per epoch, lr(step) = lr_in_epochs(floor(step / steps_per_epoch)).",
        defaultValue: ParameterValue.FromNumber(1),
        defaultDescription: "1 (lengths in steps)",
        range: ValueRange.AtLeast(1));

    /// <summary>The parameters of a scheduler with the contract's linear warmup, in the order documentation lists them.</summary>
    public static IEnumerable<ParameterDescriptor> LinearWarmup(ParameterPresence presence = ParameterPresence.Optional) =>
    [
        WarmupStepsDescriptor(presence),
        WarmupRatioDescriptor(presence == ParameterPresence.Optional ? ParameterPresence.Optional : ParameterPresence.OneOfRequired),
        WarmupStartLrDescriptor,
    ];
}
