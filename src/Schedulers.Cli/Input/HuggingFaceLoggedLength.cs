using System.Globalization;
using System.Text.Json;

namespace Schedulers.Cli;

/// <summary>
/// The run's length when the <c>TrainingArguments</c> leave it to <c>num_train_epochs</c> (<c>max_steps</c> unset or -1)
/// and <c>check</c>'s <c>trainer_state.json</c> gives it: the Trainer computed it from the data set, built its schedule
/// over it and wrote it as the state's <c>max_steps</c>, so it is the schedule's length. The run facts are then not
/// needed; with <c>--examples</c> the epoch rule's length is still computed and compared with it, so that facts that do
/// not describe the run (or a configuration that is not the run's) are said rather than dropped.
/// </summary>
internal static class HuggingFaceLoggedLength
{
    /// <summary>The origin of a length taken from the log, as refusals and the report name it.</summary>
    public const string Origin = "the log's max_steps";

    public static (long Steps, string Origin)? Resolve(JsonElement root, double? maxSteps, long logged, HuggingFaceRunFacts facts, ImportBuilder import, List<string> problems)
    {
        var written = maxSteps is { } given ? $"max_steps is {Format(given)}" : "max_steps is not set";
        import.Note($"{written} in the configuration: the run's length comes from the log's max_steps ({logged}), which the Trainer computed from num_train_epochs.");
        if (facts.Examples is null)
        {
            foreach (var note in facts.Unused($"the log's max_steps ({logged}) gives the run's length (with --examples, the length the Trainer's epoch rule gives is compared with it)"))
            {
                import.Note(note);
            }

            return (logged, Origin);
        }

        if (HuggingFaceTrainingLength.FromEpochs(root, maxSteps, facts, import, problems) is not { } computed)
        {
            return null;
        }

        var options = string.Join(", ", facts.Given());
        import.Note(computed.Steps == logged
            ? $"the log's max_steps ({logged}) agrees with the length the Trainer's epoch rule gives for {options}."
            : $"the Trainer's epoch rule gives {computed.Steps} steps for {options}, but the log's max_steps is {logged}: the run was {(logged > computed.Steps ? "longer" : "shorter")} than these facts make it "
                + $"(another data set size, world size, batch size or epoch rule; a run stopped early still writes the max_steps it planned). The schedule is built over the log's {logged} steps, which the Trainer's own schedule had.");
        return (logged, Origin);
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
