using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>
/// sd-scripts' learning-rate settings and what each becomes in our vocabulary, read from its argument parser and
/// <c>get_scheduler_fix</c>. <see cref="KohyaImport"/> is driven by these rows; the Kohya GUI's JSON uses the same names.
/// </summary>
internal static class KohyaMappings
{
    /// <summary>Stands, in <see cref="ImportRule.UsedBy"/>, for any PyTorch class named by <c>lr_scheduler_type</c>.</summary>
    public const string PyTorchClasses = "lr_scheduler_type";

    /// <summary>The default of sd-scripts' argument parser for <c>lr_scheduler</c>.</summary>
    public const string DefaultSchedule = "constant";

    /// <summary>The default of sd-scripts' argument parser for <c>learning_rate</c>.</summary>
    public const double DefaultLearningRate = 2e-6;

    /// <summary>The default of sd-scripts' argument parser for <c>max_train_steps</c>.</summary>
    public const long DefaultMaxTrainSteps = 1600;

    /// <summary>The schedules whose <c>num_warmup_steps</c> sd-scripts checks only to refuse anything but 0.</summary>
    private static readonly ImmutableArray<string> NoWarmup = [DefaultSchedule, PyTorchClasses];

    /// <summary>The schedules sd-scripts passes <c>num_warmup_steps</c> to (piecewise_constant is built before the warmup is looked at).</summary>
    private static readonly ImmutableArray<string> Warmup =
        ["constant_with_warmup", "linear", "cosine", "cosine_with_restarts", "polynomial", "inverse_sqrt", "cosine_with_min_lr", "warmup_stable_decay"];

    /// <summary>The values of <c>lr_scheduler</c> sd-scripts builds here, in the order a refusal lists them.</summary>
    public static ImmutableArray<string> Schedules { get; } =
        ["constant", "constant_with_warmup", "linear", "cosine", "cosine_with_restarts", "cosine_with_min_lr", "polynomial", "inverse_sqrt", "warmup_stable_decay", "piecewise_constant"];

    public static ImportRule LearningRate { get; } = new("learning_rate", ScheduleKeys.LearningRate) { Default = DefaultLearningRate, Note = "sd-scripts' default applies when it is absent." };

    public static ImportRule MaxTrainSteps { get; } = new("max_train_steps", ScheduleKeys.TotalSteps)
    {
        Type = ImportValueType.Integer,
        Default = DefaultMaxTrainSteps,
        Note = "Multiplied by num_processes, which is not in the file; sd-scripts' default applies when it is absent.",
    };

    public static ImportRule MaxTrainEpochs { get; } = new("max_train_epochs", ScheduleKeys.TotalSteps)
    {
        Type = ImportValueType.Integer,
        Note = "When > 0 it replaces max_train_steps: max_train_epochs × ceil(batches per epoch / num_processes / gradient_accumulation_steps), the batches per epoch from --batches-per-epoch.",
    };

    public static ImportRule GradientAccumulationSteps { get; } = new("gradient_accumulation_steps", null)
    {
        Type = ImportValueType.Integer,
        Note = "Divides the batches per epoch when max_train_epochs gives the length (default 1).",
    };

    public static ImportRule Scheduler { get; } = new("lr_scheduler", ScheduleKeys.Scheduler) { Type = ImportValueType.Text };

    public static ImportRule WarmupSteps { get; } = new("lr_warmup_steps", ScheduleKeys.WarmupSteps) { Type = ImportValueType.Steps, UsedBy = Warmup, Default = 0 };

    public static ImportRule MinLrRatio { get; } = new("lr_scheduler_min_lr_ratio", ScheduleKeys.MinLrRatio)
    {
        UsedBy = ["cosine_with_min_lr"],
        Note = "Required unless min_lr is in lr_scheduler_args: transformers refuses the schedule without either.",
    };

    public static ImportRule SchedulerType { get; } = new("lr_scheduler_type", ScheduleKeys.Scheduler)
    {
        Type = ImportValueType.Text,
        Note = "A PyTorch class; it replaces lr_scheduler.",
    };

    public static ImportRule SchedulerArguments { get; } = new("lr_scheduler_args", null)
    {
        Type = ImportValueType.Keywords,
        Note = "Keyword arguments of the schedule function: see Keywords (a PyTorch class takes its own, which are ours).",
    };

    /// <summary>
    /// The settings that reach only some schedules, in the order sd-scripts' parser reads them. A setting has one row for
    /// each way it is carried over; with a schedule no row names, sd-scripts ignores it.
    /// </summary>
    public static ImmutableArray<ImportRule> ScheduleParameters { get; } =
    [
        WarmupSteps,
        WarmupSteps with { Target = null, UsedBy = NoWarmup, Default = null, Note = "sd-scripts refuses a warmup other than 0 ('... does not require `num_warmup_steps`. Set None or 0.')." },
        new("lr_decay_steps", ScheduleKeys.DecaySteps) { Type = ImportValueType.Steps, UsedBy = ["warmup_stable_decay"], Default = 0 },
        new("lr_scheduler_num_cycles", ScheduleKeys.NumCycles) { Type = ImportValueType.Integer, UsedBy = ["cosine_with_restarts"], Default = 1 },
        new("lr_scheduler_num_cycles", ScheduleKeys.NumCycles)
        {
            Type = ImportValueType.Integer,
            UsedBy = ["cosine_with_min_lr", "warmup_stable_decay"],
            Default = 1,
            Scale = 0.5,
            Origin = "lr_scheduler_num_cycles / 2 (sd-scripts halves it)",
            Note = "warmup_stable_decay uses it only for a cosine decay (transformers' default decay_type).",
        },
        new("lr_scheduler_power", ScheduleKeys.Power) { UsedBy = ["polynomial"], Default = 1 },
        new("lr_scheduler_timescale", ScheduleKeys.Timescale) { Type = ImportValueType.Integer, UsedBy = ["inverse_sqrt"] },
        MinLrRatio,
        MinLrRatio with { UsedBy = ["warmup_stable_decay"], Default = 0, Note = null },
    ];

    public static ImportRule UnetLr { get; } = new("unet_lr", ScheduleKeys.LearningRate)
    {
        Note = "The U-Net's parameter group rate (learning_rate when absent); 0 leaves the U-Net out of the optimizer (networks/lora.py's assemble_params: 'NO LR skipping!').",
    };

    public static ImportRule TextEncoderLr { get; } = new("text_encoder_lr", ScheduleKeys.LearningRate)
    {
        Type = ImportValueType.NumberList,
        Note = "The text encoders' rate (learning_rate when absent or empty; nargs=\"*\"); 0 leaves them out of the optimizer. networks.lora gives the first value to every text encoder, networks.lora_flux one each to CLIP-L and T5XXL.",
    };

    public static ImportRule UnetOnly { get; } = new("network_train_unet_only", null)
    {
        Type = ImportValueType.Boolean,
        Note = "A flag: train_network.py applies the network to the U-Net only, so no text encoder group trains.",
    };

    public static ImportRule TextEncoderOnly { get; } = new("network_train_text_encoder_only", null)
    {
        Type = ImportValueType.Boolean,
        Note = "A flag: train_network.py applies the network to the text encoders only, so no U-Net group trains.",
    };

    public static ImportRule NetworkModule { get; } = new("network_module", null)
    {
        Type = ImportValueType.Text,
        Note = "Decides how a list of different text_encoder_lr values is shared among the text encoders.",
    };

    public static ImportRule NetworkArguments { get; } = new("network_args", null)
    {
        Type = ImportValueType.TextList,
        Note = "\"key=value\" strings; networks.lora_flux trains T5XXL (the second text_encoder_lr) only with train_t5xxl=True.",
    };

    /// <summary>The settings that decide which parts of the network train, at which rates (train_network.py, networks/lora.py).</summary>
    public static ImmutableArray<ImportRule> GroupSettings { get; } = [UnetLr, TextEncoderLr, UnetOnly, TextEncoderOnly, NetworkModule, NetworkArguments];

    /// <summary>The settings whose argument takes every value up to the next flag (argparse's <c>nargs="*"</c>).</summary>
    public static ImmutableArray<string> SeveralValues { get; } = [SchedulerArguments.Source, TextEncoderLr.Source, NetworkArguments.Source];

    /// <summary>Every learning-rate setting sd-scripts' parser knows, in its order (the order a refusal lists them).</summary>
    public static ImmutableArray<ImportRule> Settings { get; } =
        [LearningRate, MaxTrainSteps, MaxTrainEpochs, GradientAccumulationSteps, Scheduler, .. ScheduleParameters.DistinctBy(rule => rule.Source), SchedulerType, SchedulerArguments, .. GroupSettings];

    /// <summary>The names of <see cref="Settings"/>: what an argument list may name (or abbreviate).</summary>
    public static ImmutableArray<string> KnownKeys { get; } = [.. Settings.Select(rule => rule.Source).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The <c>lr_scheduler_args</c> each schedule function of transformers and diffusers takes besides the warmup and the
    /// training length (their names are ours); any other is refused, as Python raises <c>TypeError</c>.
    /// </summary>
    public static ImmutableArray<ImportRule> Keywords { get; } =
    [
        new("step_rules", ScheduleKeys.StepRules) { Type = ImportValueType.Text, UsedBy = ["piecewise_constant"] },
        new("lr_end", ScheduleKeys.LrEnd) { UsedBy = ["polynomial"] },
        new("min_lr", ScheduleKeys.MinLr) { UsedBy = ["cosine_with_min_lr"] },
        new("num_cycles", ScheduleKeys.NumCycles) { UsedBy = ["cosine"] },
        new("warmup_type", ScheduleKeys.WarmupType) { Type = ImportValueType.Text, UsedBy = ["warmup_stable_decay"] },
        new("decay_type", ScheduleKeys.DecayType) { Type = ImportValueType.Text, UsedBy = ["warmup_stable_decay"] },
    ];
}
