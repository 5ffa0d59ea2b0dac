namespace Schedulers.Cli;

/// <summary>How the Hugging Face Trainer counts the optimizer steps of an epoch, which changed between releases.</summary>
internal enum HuggingFaceEpochRule
{
    /// <summary>
    /// Current transformers (<c>Trainer.set_initial_training_values</c>): <c>max(ceil(batches / gradient_accumulation_steps), 1)</c>,
    /// the remainder of an epoch making one more optimizer step.
    /// </summary>
    Ceil,

    /// <summary>Older releases (<c>_inner_training_loop</c>): <c>max(batches // gradient_accumulation_steps, 1)</c>.</summary>
    Floor,
}
