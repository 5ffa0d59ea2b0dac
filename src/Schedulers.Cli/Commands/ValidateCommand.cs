using System.CommandLine;

namespace Schedulers.Cli;

/// <summary>
/// <c>schedulers validate</c>: every problem of a configuration at once (exit 2), or a one-line summary of the schedule
/// it makes (exit 0), followed for an imported file by where each value came from.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new ConfigurationInput();
        var command = new Command("validate", "Check a configuration: list every problem (exit 2), or summarise the valid schedule on one line (exit 0); for an imported file, one more line per value saying where it came from.")
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
                output.WriteLine($"valid: {plateau.Options.Scheduler}, learning_rate {HumanNumber.Format(plateau.Groups[0].BaseValue)}, follows metrics (replay logged ones with schedulers replay)");
                WriteProvenance(configuration, output);
                return ExitCodes.Success;
            }

            var schedule = configuration.CreateSchedule();
            Notes.Print(configuration, error);
            output.WriteLine(ScheduleSummary.Of(schedule));
            WriteProvenance(configuration, output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteProvenance(ImportedConfiguration configuration, TextWriter output)
    {
        foreach (var line in ImportProvenance.Lines(configuration))
        {
            output.WriteLine(line);
        }
    }
}
