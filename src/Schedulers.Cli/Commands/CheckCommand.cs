using System.CommandLine;
using System.Globalization;

namespace Schedulers.Cli;

/// <summary>
/// <c>schedulers check</c>: a finished run's logged learning rates against its configuration's curve. Exit 0 when every
/// logged rate is the curve's (within the relative tolerance), 1 when not (the report says whether the log lags the
/// curve, is scaled, or simply differs), 2 when the configuration or the log is refused.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new ConfigurationInput();
        var log = new Option<FileInfo>("--log")
        {
            Description = "The run's logged learning rates: a Hugging Face trainer_state.json, or a CSV with step and learning-rate columns (a TensorBoard or W&B export).",
            HelpName = "FILE",
            Required = true,
        };
        var alignment = new Option<LogAlignment?>("--alignment")
        {
            Description = "Which step's rate the log holds at step s: previous (lr(s - 1), transformers >= 4.51) or current (lr(s), earlier). Default: found from the log.",
        };
        var tolerance = new Option<double>("--tolerance")
        {
            Description = "Relative tolerance of a match (default 1e-6: logs keep float32).",
            HelpName = "R",
            DefaultValueFactory = _ => 1e-6,
        };
        var stepColumn = new Option<string>("--step-column")
        {
            Description = "CSV logs: the step column's header, where the header names do not decide.",
            HelpName = "NAME",
        };
        var rateColumn = new Option<string>("--lr-column")
        {
            Description = "CSV logs: the learning-rate column's header, where the header names do not decide (sd-scripts logs lr/unet and lr/textencoder).",
            HelpName = "NAME",
        };
        var command = new Command("check", "Check a finished run's logged learning rates against its configuration (exit 0 followed, 1 did not, 2 refused).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        input.AddTo(command);
        command.Options.Add(log);
        command.Options.Add(alignment);
        command.Options.Add(tolerance);
        command.Options.Add(stepColumn);
        command.Options.Add(rateColumn);
        command.SetAction(parseResult =>
        {
            var relative = parseResult.GetValue(tolerance);
            if (!double.IsFinite(relative) || relative is < 0 or >= 1)
            {
                throw new UsageException($"--tolerance {relative.ToString("R", CultureInfo.InvariantCulture)} is not a relative tolerance in [0, 1).");
            }

            var file = parseResult.GetValue(log)!;
            if (!file.Exists)
            {
                throw new UsageException($"--log: {file.FullName} does not exist.");
            }

            var logged = LogFile.Read(file, new LogColumns(parseResult.GetValue(stepColumn), parseResult.GetValue(rateColumn)));
            var configuration = CheckedConfiguration.Read(input, parseResult, logged);
            var check = RunCheck.Of(configuration.Schedule, logged.Rates, parseResult.GetValue(alignment), relative);
            Notes.Print(configuration.Configuration, error);
            CheckReport.Write(logged, configuration, check, relative, output);
            return check.Followed ? ExitCodes.Success : ExitCodes.Differs;
        });
        return command;
    }
}
