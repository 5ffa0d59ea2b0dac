using System.CommandLine;
using System.Globalization;

namespace Schedulers.Cli;

/// <summary>
/// <c>schedulers validate</c>: every problem of a configuration at once (exit 2), or a one-line summary of the schedule
/// it makes (exit 0).
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new ConfigurationInput();
        var command = new Command("validate", "Check a configuration: list every problem (exit 2), or summarise the valid schedule on one line (exit 0).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        input.AddTo(command);
        command.SetAction(parseResult =>
        {
            var configuration = input.Read(parseResult);
            if (configuration.IsMetricDriven)
            {
                var plateau = configuration.CreatePlateau();
                Notes.Print(configuration, error);
                output.WriteLine($"valid: {plateau.Options.Scheduler}, learning_rate {Format(plateau.Groups[0].BaseValue)}, follows metrics (replay logged ones with schedulers replay)");
                return ExitCodes.Success;
            }

            var schedule = configuration.CreateSchedule();
            Notes.Print(configuration, error);
            output.WriteLine(Summary(schedule));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Scheduler, peak and final learning rate, warmup end and training length, from the evaluator's values.</summary>
    public static string Summary(LearningRateSchedule schedule)
    {
        var horizon = schedule.TotalSteps ?? (schedule.PhaseBoundaries.Count > 0 ? schedule.PhaseBoundaries.Max() : 0);
        var envelope = CurveEnvelope.Of(schedule, 0, horizon + 1, columns: 1_024);
        var peak = envelope.High.Max();
        var parts = new List<string>
        {
            $"valid: {schedule.Name}",
            $"peak lr {Format(peak)}",
            $"final lr {Format(schedule.GetLearningRate(horizon))} at step {horizon}",
            schedule.WarmupSteps > 0 ? $"warmup ends at step {schedule.WarmupSteps}" : "no warmup",
            schedule.TotalSteps is { } total ? $"total_steps {total}" : "no total_steps",
        };
        if (schedule.StepsPerEpoch > 1)
        {
            // Lengths above are optimizer steps; the configuration counted them in epochs.
            parts.Add($"in epochs of {schedule.StepsPerEpoch} steps");
        }

        return string.Join(", ", parts);
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
