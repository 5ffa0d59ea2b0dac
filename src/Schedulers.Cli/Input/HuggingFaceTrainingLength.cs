using System.Globalization;
using System.Text.Json;

namespace Schedulers.Cli;

/// <summary>
/// The number of optimizer steps a Hugging Face Trainer run takes, which its schedule is built over: <c>max_steps</c>
/// when > 0, else (<c>max_steps: -1</c>, <c>TrainingArguments</c>' default) the Trainer's epoch formula, read from
/// <c>Trainer.set_initial_training_values</c>:
/// <c>batches = ceil(examples / (per_device_train_batch_size × world_size))</c> (floor with <c>dataloader_drop_last</c>),
/// <c>steps_per_epoch = max(ceil(batches / gradient_accumulation_steps), 1)</c> (older releases floor it, as
/// <see cref="HuggingFaceEpochRule.Floor"/>), <c>N = ceil(num_train_epochs × steps_per_epoch)</c>. The data set's size
/// and the world size come from <see cref="HuggingFaceRunFacts"/>; the rest from the file.
/// </summary>
internal static class HuggingFaceTrainingLength
{
    /// <summary>The largest count (examples, processes, batch size, accumulation) read: far past any real run, small enough to multiply exactly.</summary>
    public const long MaxCount = 1_000_000_000_000;

    /// <summary>The longest run computed: every step count up to it is exact in double precision.</summary>
    public const double MaxSteps = 9_007_199_254_740_992;

    /// <summary>
    /// The run's length and the origin a refusal names for it, or <see langword="null"/> with <paramref name="problems"/>
    /// saying why it cannot be known. Facts given and not needed, and facts assumed, are noted.
    /// </summary>
    public static (long Steps, string Origin)? Resolve(JsonElement root, HuggingFaceRunFacts facts, ImportBuilder import, List<string> problems)
    {
        var maxSteps = HuggingFaceImport.Number(root, HuggingFaceMappings.MaxSteps.Source, problems);
        if (maxSteps is > 0 and var steps)
        {
            if (steps != Math.Floor(steps) || steps > MaxSteps)
            {
                problems.Add($"max_steps = {Format(steps)} is not a whole number of steps in [1, 2^53] (or -1 to train for num_train_epochs).");
                return null;
            }

            foreach (var note in facts.Unused($"max_steps {Format(steps)} sets the run's length"))
            {
                import.Note(note);
            }

            return ((long)steps, HuggingFaceMappings.MaxSteps.Origin);
        }

        // The Trainer asks only whether max_steps > 0 (set_initial_training_values): 0 trains for num_train_epochs, as -1 does.
        if (maxSteps is 0)
        {
            import.Note("max_steps 0 is not > 0, so the Trainer trains for num_train_epochs, as with its default -1.");
        }

        if (maxSteps is { } negative && negative != Math.Floor(negative))
        {
            problems.Add($"max_steps = {Format(negative)} is not a whole number: give the run's number of optimizer steps (>= 1), or -1 to train for num_train_epochs.");
            return null;
        }

        return facts.LoggedMaxSteps is { } logged
            ? HuggingFaceLoggedLength.Resolve(root, maxSteps, logged, facts, import, problems)
            : FromEpochs(root, maxSteps, facts, import, problems);
    }

    /// <summary>The length the Trainer's epoch rule gives, with a note showing the computation; <see langword="null"/> with <paramref name="problems"/> when it cannot.</summary>
    internal static (long Steps, string Origin)? FromEpochs(JsonElement root, double? maxSteps, HuggingFaceRunFacts facts, ImportBuilder import, List<string> problems)
    {
        var written = maxSteps is { } given ? $"max_steps {Format(given)}" : "max_steps (not set: TrainingArguments' default -1)";
        var epochs = HuggingFaceImport.Number(root, HuggingFaceMappings.NumTrainEpochs.Source, problems);
        var batchRule = HuggingFaceImport.Number(root, HuggingFaceMappings.PerGpuTrainBatchSize.Source, problems) is not null
            ? HuggingFaceMappings.PerGpuTrainBatchSize
            : HuggingFaceMappings.PerDeviceTrainBatchSize;
        var batchSize = Count(root, batchRule, problems);
        var accumulation = Count(root, HuggingFaceMappings.GradientAccumulationSteps, problems);
        var dropLast = HuggingFaceImport.Boolean(root, HuggingFaceMappings.DataloaderDropLast.Source, problems) ?? false;
        var splitBatches = SplitBatches(root, problems);
        if (epochs is { } e && e <= 0)
        {
            problems.Add($"num_train_epochs = {Format(e)} trains no step: give a number of epochs > 0 (fractions are fine).");
        }

        if (facts.Examples is null)
        {
            problems.Add($"{written} takes the run's length from num_train_epochs and the number of optimizer steps in an epoch, which depends on the data set: give --examples N (len(train_dataset)), or max_steps in the file.");
        }

        if (problems.Count > 0 || facts.Examples is not { } examples)
        {
            return null;
        }

        var epochCount = epochs ?? HuggingFaceMappings.DefaultEpochs;
        if (epochs is null)
        {
            import.Note($"num_train_epochs is not set: TrainingArguments' default {Format(HuggingFaceMappings.DefaultEpochs)} applies.");
        }

        if (facts.WorldSize is null)
        {
            import.Note("--world-size is not given: assumed 1 (one process). A run launched on N processes (torchrun, accelerate launch) or DataParallel over N GPUs shares each epoch among them: give --world-size N.");
        }

        var worldSize = facts.WorldSize ?? 1;
        var rule = facts.EpochRule ?? HuggingFaceEpochRule.Ceil;

        // With split_batches, accelerate splits each batch among the processes instead of giving each its own batches.
        var perBatch = (Int128)batchSize * (splitBatches ? 1 : worldSize);
        var batches = dropLast ? examples / perBatch : (examples + perBatch - 1) / perBatch;
        var stepsPerEpoch = rule == HuggingFaceEpochRule.Ceil ? Int128.Max((batches + accumulation - 1) / accumulation, 1) : Int128.Max(batches / accumulation, 1);
        var batchText = $"{batches} batches per process = {(dropLast ? "floor" : "ceil")}(--examples {examples} / ({batchRule.Source} {batchSize}{(splitBatches ? string.Empty : $" × world size {worldSize}")}))";
        if (batches == 0)
        {
            problems.Add($"--examples {examples} makes no full batch of {batchRule.Source} {batchSize}{(splitBatches ? string.Empty : $" × world size {worldSize}")} with dataloader_drop_last true: the Trainer's data loader is empty and it refuses to train (give more examples or a smaller batch).");
            return null;
        }

        var total = Math.Ceiling(epochCount * (double)stepsPerEpoch);
        if (total > MaxSteps)
        {
            problems.Add($"num_train_epochs {Format(epochCount)} × {stepsPerEpoch} optimizer steps per epoch is more than 2^53 steps: not a run's length.");
            return null;
        }

        if (facts.EpochRule is null && rule == HuggingFaceEpochRule.Ceil && batches % accumulation != 0)
        {
            import.Note($"the epoch's last {batches % accumulation} batches make one more optimizer step, as current transformers counts it (Trainer.set_initial_training_values); releases that floored it made {Int128.Max(batches / accumulation, 1)} steps per epoch: give --hf-epoch-rule floor to import such a run.");
        }

        if (batchRule == HuggingFaceMappings.PerGpuTrainBatchSize)
        {
            import.Note("per_gpu_train_batch_size is set: the Trainer uses it instead of per_device_train_batch_size (it is deprecated, but wins when given).");
        }

        if (splitBatches)
        {
            import.Note("accelerator_config split_batches is true: each batch is split among the processes, so the world size does not divide the data set.");
        }

        if (HuggingFaceImport.Boolean(root, "auto_find_batch_size", problems) is true)
        {
            import.Note($"auto_find_batch_size is true: the Trainer halves the batch size after running out of memory, which lengthens an epoch; the length here is for {batchRule.Source} {batchSize}.");
        }

        var steps = (long)total;
        var perEpochText = $"{stepsPerEpoch} optimizer steps per epoch = max({(rule == HuggingFaceEpochRule.Ceil ? "ceil" : "floor")}({batches} batches / gradient_accumulation_steps {accumulation}), 1)";
        import.Note($"{written} trains for num_train_epochs: total_steps {steps} = ceil(num_train_epochs {Format(epochCount)} × {stepsPerEpoch}); {perEpochText}; {batchText}.");
        return (steps, $"ceil(num_train_epochs {Format(epochCount)} × {stepsPerEpoch} optimizer steps per epoch) for max_steps -1, where {perEpochText} and {batchText}");
    }

    /// <summary>A whole number >= 1 of the file (a batch size, an accumulation count), or the row's default.</summary>
    private static long Count(JsonElement root, ImportRule rule, List<string> problems)
    {
        var value = HuggingFaceImport.Number(root, rule.Source, problems) ?? rule.Default!.Value;
        if (value < 1 || value > MaxCount || value != Math.Floor(value))
        {
            problems.Add($"{rule.Source} = {Format(value)} is not a whole number in [1, {MaxCount}].");
            return 1;
        }

        return (long)value;
    }

    /// <summary><c>accelerator_config.split_batches</c>, when the file holds <c>accelerator_config</c> as an object.</summary>
    private static bool SplitBatches(JsonElement root, List<string> problems) =>
        root.TryGetProperty("accelerator_config", out var config) && config.ValueKind == JsonValueKind.Object
        && HuggingFaceImport.Boolean(config, "split_batches", problems) is true;

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
