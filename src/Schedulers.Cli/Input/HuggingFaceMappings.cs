using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>
/// The <c>TrainingArguments</c> settings that shape the Hugging Face Trainer's schedule and what each becomes in our
/// vocabulary, read from transformers' <c>TrainingArguments</c> and <c>get_scheduler</c>. <see cref="HuggingFaceImport"/>
/// is driven by these rows; a YAML of the same arguments (LLaMA-Factory's) uses the same names.
/// </summary>
internal static class HuggingFaceMappings
{
    /// <summary>The default of <c>TrainingArguments.learning_rate</c>.</summary>
    public const double DefaultLearningRate = 5e-5;

    /// <summary>The default of <c>TrainingArguments.num_train_epochs</c>.</summary>
    public const double DefaultEpochs = 3.0;

    /// <summary>The default of <c>TrainingArguments.lr_scheduler_type</c>.</summary>
    public const string DefaultSchedule = "linear";

    /// <summary>The <c>lr_scheduler_type</c> that <c>get_scheduler</c> turns into PyTorch's ReduceLROnPlateau.</summary>
    public const string Plateau = "reduce_lr_on_plateau";

    /// <summary>The schedules <c>get_scheduler</c> builds with a warmup and <c>lr_scheduler_kwargs</c>, in the order a refusal lists them.</summary>
    public static ImmutableArray<string> KeywordSchedules { get; } = ["cosine", "cosine_with_min_lr", "cosine_with_restarts", "linear", "polynomial", "warmup_stable_decay"];

    /// <summary>The schedules it builds without <c>lr_scheduler_kwargs</c> (constant without a warmup either).</summary>
    public static ImmutableArray<string> PlainSchedules { get; } = ["constant", "constant_with_warmup", "inverse_sqrt"];

    public static ImportRule LearningRate { get; } = new("learning_rate", ScheduleKeys.LearningRate) { Default = DefaultLearningRate };

    public static ImportRule MaxSteps { get; } = new("max_steps", ScheduleKeys.TotalSteps)
    {
        Type = ImportValueType.Integer,
        Note = "A whole number >= 1; -1 (the default) takes the length from num_train_epochs and the data set (--examples, --world-size), as HuggingFaceTrainingLength computes it.",
    };

    /// <summary>With <c>max_steps</c> -1, the epochs the run lasts (fractions are fine: <c>N = ceil(num_train_epochs × steps_per_epoch)</c>).</summary>
    public static ImportRule NumTrainEpochs { get; } = new("num_train_epochs", ScheduleKeys.TotalSteps)
    {
        Default = DefaultEpochs,
        Origin = "ceil(num_train_epochs × steps per epoch)",
        Note = "Read only when max_steps is -1.",
    };

    public static ImportRule PerDeviceTrainBatchSize { get; } = new("per_device_train_batch_size", ScheduleKeys.TotalSteps)
    {
        Type = ImportValueType.Integer,
        Default = 8,
        Note = "With max_steps -1: batches per epoch = ceil(examples / (per_device_train_batch_size × world size)).",
    };

    public static ImportRule PerGpuTrainBatchSize { get; } = new("per_gpu_train_batch_size", ScheduleKeys.TotalSteps)
    {
        Type = ImportValueType.Integer,
        Note = "Deprecated; when set, the Trainer's train_batch_size uses it instead of per_device_train_batch_size.",
    };

    public static ImportRule GradientAccumulationSteps { get; } = new("gradient_accumulation_steps", ScheduleKeys.TotalSteps)
    {
        Type = ImportValueType.Integer,
        Default = 1,
        Note = "With max_steps -1: steps per epoch = max(ceil(batches / gradient_accumulation_steps), 1) (floor in older releases: --hf-epoch-rule floor).",
    };

    public static ImportRule DataloaderDropLast { get; } = new("dataloader_drop_last", ScheduleKeys.TotalSteps)
    {
        Type = ImportValueType.Boolean,
        Default = 0,
        Note = "With max_steps -1: true drops the last incomplete batch (floor instead of ceil).",
    };

    public static ImportRule WarmupSteps { get; } = new("warmup_steps", ScheduleKeys.WarmupSteps)
    {
        Type = ImportValueType.Steps,
        Default = 0,
        Note = "Wins over warmup_ratio when > 0. Below 1 it is a share of the run, rounded up, as transformers 5 reads it (ceil(N × warmup_steps)).",
    };

    public static ImportRule WarmupRatio { get; } = new("warmup_ratio", ScheduleKeys.WarmupSteps)
    {
        Default = 0,
        Origin = "ceil(max_steps × warmup_ratio)",
        Note = "Used when warmup_steps is 0, as TrainingArguments.get_warmup_steps does.",
    };

    public static ImportRule SchedulerType { get; } = new("lr_scheduler_type", ScheduleKeys.Scheduler) { Type = ImportValueType.Text };

    public static ImportRule SchedulerKeywords { get; } = new("lr_scheduler_kwargs", null)
    {
        Type = ImportValueType.Keywords,
        Note = "An object, or a string holding one; its names are in Keywords (ReduceLROnPlateau takes PyTorch's, which are ours).",
    };

    /// <summary>Every setting of the file the import reads; any other key is unrelated to the schedule.</summary>
    public static ImmutableArray<ImportRule> Settings { get; } =
        [LearningRate, MaxSteps, NumTrainEpochs, PerDeviceTrainBatchSize, PerGpuTrainBatchSize, GradientAccumulationSteps, DataloaderDropLast, WarmupSteps, WarmupRatio, SchedulerType, SchedulerKeywords];

    /// <summary>
    /// The <c>lr_scheduler_kwargs</c> each schedule function takes besides the warmup and the training length, in
    /// transformers' names, in the order a refusal lists them; any other is refused, as Python raises <c>TypeError</c>.
    /// </summary>
    public static ImmutableArray<ImportRule> Keywords { get; } =
    [
        new("num_decay_steps", ScheduleKeys.DecaySteps) { Type = ImportValueType.Integer, UsedBy = ["warmup_stable_decay"] },
        new("num_stable_steps", ScheduleKeys.StableSteps) { Type = ImportValueType.Integer, UsedBy = ["warmup_stable_decay"] },
        new("warmup_type", ScheduleKeys.WarmupType) { Type = ImportValueType.Text, UsedBy = ["warmup_stable_decay"] },
        new("decay_type", ScheduleKeys.DecayType) { Type = ImportValueType.Text, UsedBy = ["warmup_stable_decay"] },
        new("min_lr_ratio", ScheduleKeys.MinLrRatio) { UsedBy = ["warmup_stable_decay"] },
        new("num_cycles", ScheduleKeys.NumCycles) { UsedBy = ["cosine", "cosine_with_restarts", "cosine_with_min_lr", "warmup_stable_decay"] },
        new("min_lr", ScheduleKeys.MinLr) { UsedBy = ["cosine_with_min_lr"] },
        new("min_lr_rate", ScheduleKeys.MinLrRatio) { UsedBy = ["cosine_with_min_lr"] },
        new("lr_end", ScheduleKeys.LrEnd) { UsedBy = ["polynomial"] },
        new("power", ScheduleKeys.Power) { UsedBy = ["polynomial"] },
    ];
}
