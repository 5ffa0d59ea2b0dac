using System.CommandLine;

namespace Schedulers.Cli;

/// <summary>
/// The configuration <c>check</c> compares with, read as every command reads it, with the run's length taken from the
/// log's <c>max_steps</c> where the configuration has none: our JSON (or flags) without <c>total_steps</c> for a
/// scheduler that takes it, or a Hugging Face <c>TrainingArguments</c> file, JSON or YAML, with <c>max_steps</c> unset or
/// -1 (the Trainer then computed the length from <c>num_train_epochs</c>, and wrote it in <c>trainer_state.json</c>;
/// the import takes it as a run fact, <see cref="HuggingFaceLoggedLength"/>).
/// </summary>
internal sealed record CheckedConfiguration(ImportedConfiguration Configuration, LearningRateSchedule Schedule, bool LengthFromLog)
{
    public static CheckedConfiguration Read(ConfigurationInput input, ParseResult parseResult, RunLog log)
    {
        var configuration = input.Read(parseResult, log.MaxSteps);
        var options = configuration.Options;
        if (configuration.Origins.TryGetValue(ScheduleKeys.TotalSteps, out var origin) && origin == HuggingFaceLoggedLength.Origin)
        {
            return new CheckedConfiguration(configuration, configuration.CreateSchedule(), LengthFromLog: true);
        }

        if (log.MaxSteps is { } steps
            && !options.Contains(ScheduleKeys.TotalSteps)
            && options.Scheduler is { } name
            && SchedulerCatalog.Find(name) is { } scheduler
            && scheduler.Takes(ScheduleKeys.TotalSteps))
        {
            var lengthened = configuration with
            {
                Options = options.With(ScheduleKeys.TotalSteps, steps),
                Origins = configuration.Origins.SetItem(ScheduleKeys.TotalSteps, HuggingFaceLoggedLength.Origin),
            };
            return new CheckedConfiguration(lengthened, lengthened.CreateSchedule(), LengthFromLog: true);
        }

        return new CheckedConfiguration(configuration, configuration.CreateSchedule(), LengthFromLog: false);
    }
}
