namespace Schedulers.Cli;

/// <summary>
/// What a Hugging Face run's length depends on besides its <c>TrainingArguments</c>: the data set's size and the number
/// of processes are launch facts, never in the file, so they come from options. Each is <see langword="null"/> when not given.
/// <c>check</c> adds the length its log gives (<see cref="LoggedMaxSteps"/>).
/// </summary>
/// <param name="Examples"><c>--examples</c>: the training examples, <c>len(train_dataset)</c>.</param>
/// <param name="WorldSize"><c>--world-size</c>: the data-parallel processes (or DataParallel's GPUs) sharing each epoch.</param>
/// <param name="EpochRule"><c>--hf-epoch-rule</c>: how the Trainer counts an epoch's optimizer steps.</param>
internal sealed record HuggingFaceRunFacts(long? Examples, long? WorldSize, HuggingFaceEpochRule? EpochRule)
{
    /// <summary>No fact given.</summary>
    public static HuggingFaceRunFacts None { get; } = new(null, null, null);

    /// <summary>
    /// The <c>max_steps</c> of the run's <c>trainer_state.json</c> (<c>check --log</c>): the length the Trainer computed and
    /// built its schedule over, which stands in for a <c>max_steps</c> the file does not set (<see cref="HuggingFaceLoggedLength"/>).
    /// Not an option, so never listed by <see cref="Given"/>.
    /// </summary>
    public long? LoggedMaxSteps { get; init; }

    /// <summary>The options given, as a user wrote them, for a note that says they were not needed.</summary>
    public IEnumerable<string> Given()
    {
        if (Examples is { } examples)
        {
            yield return $"--examples {examples}";
        }

        if (WorldSize is { } worldSize)
        {
            yield return $"--world-size {worldSize}";
        }

        if (EpochRule is { } rule)
        {
            yield return $"--hf-epoch-rule {rule.ToString().ToLowerInvariant()}";
        }
    }

    /// <summary>A note for each option given that the configuration does not use, saying why.</summary>
    public IEnumerable<string> Unused(string why) => Given().Select(option => $"{option} is not used: {why}.");
}
