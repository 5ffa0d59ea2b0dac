using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Schedulers.Cli;

/// <summary>
/// The configuration <c>check</c> compares with, read as every command reads it, with the run's length taken from the
/// log's <c>max_steps</c> where the configuration has none: our JSON (or flags) without <c>total_steps</c> for a
/// scheduler that takes it, or a Hugging Face <c>TrainingArguments</c> JSON with <c>max_steps</c> unset or -1 (the
/// Trainer then computed the length from <c>num_train_epochs</c>, and wrote it in <c>trainer_state.json</c>).
/// </summary>
internal sealed record CheckedConfiguration(ImportedConfiguration Configuration, LearningRateSchedule Schedule, bool LengthFromLog)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CheckedConfiguration Read(ConfigurationInput input, ParseResult parseResult, RunLog log)
    {
        if (log.MaxSteps is { } maxSteps
            && parseResult.GetValue<ConfigurationSource>("--from") == ConfigurationSource.Hf
            && parseResult.GetValue<FileInfo>("--config") is { } file
            && WithMaxSteps(file, maxSteps) is { } imported)
        {
            var note = $"max_steps is not set in {file.Name}: the run's length comes from the log's max_steps ({maxSteps}), which the Trainer computed from num_train_epochs.";
            var withNote = imported with { Notes = imported.Notes.Add(note) };
            return new CheckedConfiguration(withNote, withNote.CreateSchedule(), LengthFromLog: true);
        }

        var configuration = input.Read(parseResult);
        var options = configuration.Options;
        if (log.MaxSteps is { } steps
            && !options.Contains(ScheduleKeys.TotalSteps)
            && options.Scheduler is { } name
            && SchedulerCatalog.Find(name) is { } scheduler
            && scheduler.Takes(ScheduleKeys.TotalSteps))
        {
            var lengthened = configuration with
            {
                Options = options.With(ScheduleKeys.TotalSteps, steps),
                Origins = configuration.Origins.SetItem(ScheduleKeys.TotalSteps, "the log's max_steps"),
            };
            return new CheckedConfiguration(lengthened, lengthened.CreateSchedule(), LengthFromLog: true);
        }

        return new CheckedConfiguration(configuration, configuration.CreateSchedule(), LengthFromLog: false);
    }

    /// <summary>
    /// The TrainingArguments file with the logged <c>max_steps</c> where it has none (absent, null or &lt;= 0); null when
    /// it has its own, or is not a JSON object this can read, which the ordinary import then reads or refuses.
    /// </summary>
    private static ImportedConfiguration? WithMaxSteps(FileInfo file, long maxSteps)
    {
        string lengthened;
        try
        {
            if (JsonNode.Parse(File.ReadAllText(file.FullName, StrictUtf8)) is not JsonObject settings)
            {
                return null;
            }

            if (settings.TryGetPropertyValue("max_steps", out var own)
                && own is not null
                && (own.GetValueKind() != JsonValueKind.Number || own.GetValue<double>() > 0))
            {
                return null;
            }

            settings["max_steps"] = maxSteps;
            lengthened = settings.ToJsonString();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException or FormatException
            or DecoderFallbackException or IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return HuggingFaceImport.Read(lengthened, HuggingFaceRunFacts.None);
    }
}
