using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>
/// The settings of timm's <c>train.py</c> (as its <c>args.yaml</c> records them) that shape the learning rate, and what
/// each becomes in our vocabulary, read from <c>timm/scheduler/scheduler_factory.py</c> (<c>scheduler_kwargs</c> and
/// <c>create_scheduler_v2</c>, timm 1.0) and train.py's argument parser and learning-rate rule. <see cref="TimmImport"/>
/// is driven by these rows. Defaults are train.py's parser defaults: what train.py uses when the setting is absent from a
/// <c>--config</c> YAML (an <c>args.yaml</c> written by train.py holds every one of them).
/// </summary>
internal static class TimmMappings
{
    /// <summary>The <c>sched</c> that builds timm's <c>PlateauLRScheduler</c>, a wrapper of PyTorch's ReduceLROnPlateau.</summary>
    public const string Plateau = "plateau";

    /// <summary>train.py's default <c>decay_milestones</c>.</summary>
    public static ImmutableArray<double> DefaultMilestones { get; } = [90, 180, 270];

    /// <summary>train.py's default <c>eval_metric</c>, which sets the plateau's mode.</summary>
    public const string DefaultEvalMetric = "top1";

    /// <summary>Each <c>sched</c> create_scheduler_v2 builds, with the scheduler of ours it becomes, in the factory's order.</summary>
    public static ImmutableArray<(string Sched, string Scheduler)> Schedules { get; } =
    [
        ("cosine", "CosineLRScheduler"),
        ("tanh", "TanhLRScheduler"),
        ("step", "StepLRScheduler"),
        ("multistep", "MultiStepLRScheduler"),
        (Plateau, "ReduceLROnPlateau"),
        ("poly", "PolyLRScheduler"),
    ];

    /// <summary>The cycle schedulers: they take <c>t_initial</c> and cycles, and the factory adds the cooldown to their length.</summary>
    public static ImmutableArray<string> Cycles { get; } = ["cosine", "tanh", "poly"];

    /// <summary>The schedulers the factory hands its warmup and noise arguments to as they are.</summary>
    public static ImmutableArray<string> WarmupAndNoise { get; } = ["cosine", "tanh", "step", "multistep", "poly"];

    public static ImportRule Sched { get; } = new("sched", ScheduleKeys.Scheduler)
    {
        Type = ImportValueType.Text,
        Note = "Required (train.py always records it); create_scheduler_v2 builds nothing from any other value, and train.py then fails.",
    };

    public static ImportRule SchedOnUpdates { get; } = new("sched_on_updates", null)
    {
        Type = ImportValueType.Boolean,
        Note = "true: every length is times updates_per_epoch and the schedule steps per update (t_in_epochs=False); false: per epoch (steps_per_epoch).",
    };

    public static ImportRule Lr { get; } = new("lr", ScheduleKeys.LearningRate)
    {
        Note = "null or 0 (train.py tests `not args.lr`): train.py computes it from lr_base, after args.yaml is written.",
    };

    public static ImportRule LrBase { get; } = new("lr_base", null) { Default = 0.1, Note = "Read only when lr is null or 0." };

    public static ImportRule LrBaseSize { get; } = new("lr_base_size", null) { Type = ImportValueType.Integer, Default = 256, Note = "Read only when lr is null or 0: the batch size lr_base is for." };

    public static ImportRule LrBaseScale { get; } = new("lr_base_scale", null) { Type = ImportValueType.Text, Note = "Read only when lr is null or 0: sqrt, or linear; empty: sqrt for an opt naming ada or lamb." };

    public static ImportRule BatchSize { get; } = new("batch_size", null) { Type = ImportValueType.Integer, Default = 128, Note = "Read only when lr is null or 0: the batch size of one process." };

    public static ImportRule GradAccumSteps { get; } = new("grad_accum_steps", null)
    {
        Type = ImportValueType.Integer,
        Default = 1,
        Note = "Divides --batches-per-epoch into updates_per_epoch (rounding up, as train.py does) and multiplies the batch of the lr rule; train.py reads it as max(1, value).",
    };

    public static ImportRule Opt { get; } = new("opt", null) { Type = ImportValueType.Text, Note = "Read only when lr is null or 0 and lr_base_scale is empty." };

    public static ImportRule Epochs { get; } = new("epochs", ScheduleKeys.TotalSteps)
    {
        Type = ImportValueType.Integer,
        Default = 300,
        Origin = "num_epochs of create_scheduler_v2",
        Note = "The run's length: with a cycle scheduler, the cycles' length plus cooldown_epochs; otherwise epochs.",
    };

    public static ImportRule CooldownEpochs { get; } = new("cooldown_epochs", null)
    {
        Type = ImportValueType.Integer,
        UsedBy = Cycles,
        Default = 0,
        Note = "Added to total_steps after the cycles (get_cycle_length() + cooldown_t), at lr_min.",
    };

    public static ImportRule LrNoiseStd { get; } = new("lr_noise_std", null) { Default = 1, Note = "Not carried: timm stores noise_std and never draws with it." };

    public static ImportRule StartEpoch { get; } = new("start_epoch", null) { Type = ImportValueType.Integer, Note = "Where a resumed run started; the curve still starts at step 0." };

    public static ImportRule EvalMetric { get; } = new("eval_metric", ScheduleKeys.Mode)
    {
        Type = ImportValueType.Text,
        UsedBy = [Plateau],
        Origin = "eval_metric (min when it names a loss, else max)",
    };

    public static ImportRule LrNoise { get; } = new("lr_noise", TimmKeys.NoiseRangeT)
    {
        Type = ImportValueType.Fractions,
        UsedBy = WarmupAndNoise,
        Origin = "lr_noise × t_initial, rounded up",
        Note = "Fractions of t_initial (epochs, times updates_per_epoch on updates); t is whole, so t >= x is t >= ceil(x).",
    };

    public static ImportRule WarmupEpochs { get; } = new("warmup_epochs", TimmKeys.WarmupT) { Type = ImportValueType.Epochs, UsedBy = WarmupAndNoise, Default = 5 };

    /// <summary>
    /// The settings that reach only some schedulers, with the key of ours each becomes there. A setting has one row for
    /// each way it is carried; with a scheduler no row names, the factory does not pass it.
    /// </summary>
    public static ImmutableArray<ImportRule> ScheduleParameters { get; } =
    [
        new("epochs", TimmKeys.TInitial) { Type = ImportValueType.Epochs, UsedBy = Cycles, Default = 300 },
        WarmupEpochs,
        new("warmup_lr", TimmKeys.WarmupLrInit) { UsedBy = WarmupAndNoise, Default = 1e-5, Note = "Carried only with a warmup (timm never reads it without one)." },
        new("warmup_prefix", TimmKeys.WarmupPrefix)
        {
            Type = ImportValueType.Boolean,
            UsedBy = WarmupAndNoise,
            Note = "Carried with a warmup, also when false: the factory passes it, overriding the step schedulers' own default of true.",
        },
        new("min_lr", TimmKeys.LrMin) { UsedBy = Cycles, Default = 0 },
        new("min_lr", ScheduleKeys.MinLr) { UsedBy = [Plateau], Default = 0 },
        new("decay_epochs", TimmKeys.DecayT) { Type = ImportValueType.Epochs, UsedBy = ["step"], Default = 90 },
        new("decay_milestones", TimmKeys.DecayT) { Type = ImportValueType.EpochList, UsedBy = ["multistep"] },
        new("decay_rate", TimmKeys.DecayRate) { UsedBy = ["step", "multistep"], Default = 0.1 },
        new("decay_rate", ScheduleKeys.Power) { UsedBy = ["poly"], Default = 0.1, Origin = "decay_rate (create_scheduler_v2 passes it as poly's power)" },
        new("decay_rate", ScheduleKeys.Factor) { UsedBy = [Plateau], Default = 0.1 },
        new("lr_cycle_mul", TimmKeys.CycleMul) { UsedBy = Cycles, Default = 1, Note = "Carried only with lr_cycle_limit >= 2: one cycle is the same curve whatever it is." },
        new("lr_cycle_decay", TimmKeys.CycleDecay) { UsedBy = Cycles, Default = 0.5, Note = "Carried only with lr_cycle_limit >= 2, as lr_cycle_mul." },
        new("lr_cycle_limit", TimmKeys.CycleLimit) { Type = ImportValueType.Integer, UsedBy = Cycles, Default = 1 },
        new("lr_k_decay", TimmKeys.KDecay) { UsedBy = ["cosine", "poly"], Default = 1 },
        LrNoise,
        new("lr_noise_pct", TimmKeys.NoisePct) { UsedBy = WarmupAndNoise, Default = 0.67, Note = "Carried only with lr_noise." },
        new("seed", TimmKeys.NoiseSeed) { Type = ImportValueType.Integer, UsedBy = WarmupAndNoise, Default = 42, Note = "Carried only with lr_noise: the noise generator is seeded with seed + t." },
        new("patience_epochs", ScheduleKeys.Patience) { Type = ImportValueType.Integer, UsedBy = [Plateau], Default = 10 },
        EvalMetric,
    ];

    /// <summary>
    /// What timm's PlateauLRScheduler does that our ReduceLROnPlateau (PyTorch's) cannot: a plateau configuration with any
    /// of these is refused. The default is train.py's, so an absent warmup_epochs is its 5 epochs.
    /// </summary>
    public static ImmutableArray<ImportRule> PlateauRefusals { get; } =
    [
        WarmupEpochs with
        {
            Target = null,
            UsedBy = [Plateau],
            Note = "Refused when > 0: PlateauLRScheduler warms up over the first epochs before PyTorch's ReduceLROnPlateau takes over; ours has no warmup.",
        },
        LrNoise with { Target = null, UsedBy = [Plateau], Note = "Refused when set: PlateauLRScheduler adds noise on top of ReduceLROnPlateau; ours has none." },
        SchedOnUpdates with { UsedBy = [Plateau], Note = "Refused when true: create_scheduler_v2 asserts 'Plateau LR only supports step per epoch'." },
    ];

    /// <summary>The settings of train.py's learning-rate rule, read when <c>lr</c> is null or 0.</summary>
    public static ImmutableArray<ImportRule> LearningRateRule { get; } = [LrBase, LrBaseSize, LrBaseScale, BatchSize, GradAccumSteps, Opt];

    /// <summary>Every setting the import reads, in train.py's parser order (the order a refusal lists them).</summary>
    public static ImmutableArray<ImportRule> Settings { get; } =
    [
        Sched, SchedOnUpdates, Lr, .. LearningRateRule, Epochs, CooldownEpochs, LrNoiseStd, StartEpoch,
        .. ScheduleParameters.Where(rule => rule.Source != Epochs.Source).DistinctBy(rule => rule.Source),
    ];
}
