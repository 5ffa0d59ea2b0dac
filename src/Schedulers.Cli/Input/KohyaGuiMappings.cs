using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>
/// The Kohya GUI's (kohya_ss) settings that shape the learning rate, read as its <c>update_my_data</c> (when a saved
/// file is opened) and <c>train_model</c> (lora_gui.py, when training starts) read them. Numbers may be written as
/// strings and <c>""</c> means unset (the row's <see cref="ImportRule.Default"/>, which is what the GUI falls back to); a key
/// the file lacks keeps the GUI field's default (<see cref="ImportRule.WhenAbsent"/>).
/// <see cref="KohyaGuiImport"/> turns them into the sd-scripts settings the GUI writes, which <see cref="KohyaMappings"/>
/// then translates.
/// </summary>
internal static class KohyaGuiMappings
{
    public static ImportRule LearningRate { get; } = new("learning_rate", ScheduleKeys.LearningRate)
    {
        Default = 0,
        Note = "The optimizer's default rate. 0 is not passed (sd-scripts' default 2e-6 applies); with unet_lr and text_encoder_lr both 0, the GUI refuses to train.",
    };

    public static ImportRule UnetLr { get; } = new("unet_lr", ScheduleKeys.LearningRate)
    {
        Default = 0,
        Note = "The U-Net group's rate; with text_encoder_lr 0 the GUI trains the U-Net only (network_train_unet_only).",
    };

    public static ImportRule TextEncoderLr { get; } = new("text_encoder_lr", ScheduleKeys.LearningRate)
    {
        Default = 0,
        Note = "The text encoder group's rate; with unet_lr 0 the GUI trains the text encoder only (network_train_text_encoder_only).",
    };

    public static ImportRule Scheduler { get; } = new("lr_scheduler", ScheduleKeys.Scheduler) { Type = ImportValueType.Text, Note = "\"\" is not passed: sd-scripts' default constant applies." };

    public static ImportRule WarmupPercent { get; } = new("lr_warmup", ScheduleKeys.WarmupSteps)
    {
        Type = ImportValueType.Integer,
        Default = 0,
        Note = "A percentage of the training steps: round(lr_warmup × max_train_steps / 100) (Python's round, halves to even), or, from the GUI releases that save lr_warmup_steps, the share lr_warmup / 100, which sd-scripts truncates (int(share × N)).",
    };

    public static ImportRule WarmupSteps { get; } = new("lr_warmup_steps", ScheduleKeys.WarmupSteps)
    {
        Type = ImportValueType.Integer,
        Default = 0,
        Note = "Absolute warmup steps; wins over lr_warmup when > 0 (but with dataset_config the GUI replaces it by its lr_warmup conversion).",
    };

    public static ImportRule MaxTrainSteps { get; } = new("max_train_steps", ScheduleKeys.TotalSteps)
    {
        Type = ImportValueType.Integer,
        Default = 0,
        Note = "0 or \"\": the GUI computes ceil(images × repeats / train_batch_size / gradient_accumulation_steps × epoch × reg_factor); with dataset_config it passes nothing and sd-scripts' default 1600 applies.",
    };

    public static ImportRule MaxTrainEpochs { get; } = new("max_train_epochs", ScheduleKeys.TotalSteps) { Type = ImportValueType.Integer, Default = 0, Note = "Passed when > 0: sd-scripts' epoch rule then replaces max_train_steps." };

    public static ImportRule Epoch { get; } = new("epoch", null)
    {
        Type = ImportValueType.Integer,
        Default = 0,
        WhenAbsent = 1,
        Note = "Multiplies the GUI's step count (\"\" reads as 0, as update_my_data reads it; a file without the key keeps the field's default 1).",
    };

    public static ImportRule TrainBatchSize { get; } = new("train_batch_size", null)
    {
        Type = ImportValueType.Integer,
        WhenAbsent = 1,
        Note = "Divides the GUI's step count (a file without the key keeps the field's default 1).",
    };

    public static ImportRule GradientAccumulationSteps { get; } = new("gradient_accumulation_steps", null)
    {
        Type = ImportValueType.Integer,
        Default = 0,
        WhenAbsent = 1,
        Note = "Divides the GUI's step count, and sd-scripts' epoch rule (\"\" reads as 0; a file without the key keeps the field's default 1).",
    };

    public static ImportRule AdditionalParameters { get; } = new("additional_parameters", null)
    {
        Type = ImportValueType.Text,
        Note = "sd-scripts arguments the GUI appends to its command line, after the config file: its learning-rate arguments (and --unet_lr, --text_encoder_lr, --network_train_unet_only, --network_train_text_encoder_only) win over the file's settings.",
    };

    public static ImportRule NumProcesses { get; } = new("num_processes", null) { Type = ImportValueType.Integer, Default = 0, Note = "Passed to accelerate launch when > 0; sd-scripts multiplies the training steps by it." };

    public static ImportRule RegDataDir { get; } = new("reg_data_dir", null) { Type = ImportValueType.Text, Note = "A regularisation folder doubles the GUI's step count (reg_factor 2)." };

    public static ImportRule TrainDataDir { get; } = new("train_data_dir", null) { Type = ImportValueType.Text, Note = "The image folder the GUI counts (this import counts --dataset-dir instead, or takes --images)." };

    public static ImportRule DatasetConfig { get; } = new("dataset_config", null) { Type = ImportValueType.Text, Note = "A data-set TOML: the GUI counts no folders, and sd-scripts' own length rules apply." };

    public static ImportRule SchedulerArguments { get; } = new("lr_scheduler_args", null)
    {
        Type = ImportValueType.Text,
        Note = "One string: the GUI removes double quotes and splits it at whitespace into sd-scripts' \"key=value\" list.",
    };

    public static ImportRule SchedulerType { get; } = new("lr_scheduler_type", ScheduleKeys.Scheduler) { Type = ImportValueType.Text, Note = "A PyTorch class; \"\" is not passed." };

    public static ImportRule NumCycles { get; } = new("lr_scheduler_num_cycles", ScheduleKeys.NumCycles) { Type = ImportValueType.Integer, Default = 1, Note = "\"\" reads as 1 (update_my_data); sd-scripts uses it where KohyaMappings says." };

    public static ImportRule Power { get; } = new("lr_scheduler_power", ScheduleKeys.Power) { Default = 1, Note = "\"\" reads as 1.0 (update_my_data); sd-scripts uses it with polynomial only." };

    /// <summary>Read and passed to sd-scripts as the GUI would, in the order it writes them.</summary>
    public static ImmutableArray<ImportRule> Settings { get; } =
    [
        LearningRate, UnetLr, TextEncoderLr, Scheduler, WarmupPercent, WarmupSteps, MaxTrainSteps, MaxTrainEpochs, Epoch, TrainBatchSize,
        GradientAccumulationSteps, NumProcesses, RegDataDir, TrainDataDir, DatasetConfig, SchedulerArguments, SchedulerType, NumCycles, Power,
        AdditionalParameters,
    ];

    /// <summary>sd-scripts learning-rate settings a GUI file may hold besides the above; passed on as sd-scripts reads them.</summary>
    public static ImmutableArray<ImportRule> PassedThrough { get; } =
    [
        new("lr_decay_steps", ScheduleKeys.DecaySteps) { Type = ImportValueType.Integer },
        new("lr_scheduler_timescale", ScheduleKeys.Timescale) { Type = ImportValueType.Integer },
        new("lr_scheduler_min_lr_ratio", ScheduleKeys.MinLrRatio),
    ];

    /// <summary>Settings that change the rate of some weights without changing the schedule: noted when set.</summary>
    public static ImmutableArray<ImportRule> Noted { get; } =
    [
        new("t5xxl_lr", null) { Note = "Flux's T5-XXL group trains at this rate; it follows the same schedule (scale the curve of learning_rate)." },
        new("loraplus_lr_ratio", null) { Note = "LoRA+: the lora_up weights of each group train at its rate × this ratio, on the same schedule." },
        new("loraplus_unet_lr_ratio", null) { Note = "LoRA+ for the U-Net: its lora_up weights train at unet_lr × this ratio, on the same schedule." },
        new("loraplus_text_encoder_lr_ratio", null) { Note = "LoRA+ for the text encoder: its lora_up weights train at text_encoder_lr × this ratio, on the same schedule." },
    ];
}
