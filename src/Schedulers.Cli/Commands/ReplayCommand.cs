using System.CommandLine;

namespace Schedulers.Cli;

/// <summary>
/// <c>schedulers replay</c>: logged validation metrics through ReduceLROnPlateau. Row 0 is the learning rate before any
/// metric, row i the learning rate after the i-th; each metric is one step, so a warmup spans the first metrics.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new ConfigurationInput();
        var metrics = new Option<FileInfo>("--metrics")
        {
            Description = "Logged metrics, one number per line (a validation loss, or an accuracy with mode max).",
            HelpName = "FILE",
            Required = true,
        };
        var format = new Option<CurveFormat>("--format")
        {
            Description = "csv (header step,lr) or json.",
            DefaultValueFactory = _ => CurveFormat.Csv,
        };
        var destination = new OutputOption();
        var command = new Command("replay", "Replay logged metrics through ReduceLROnPlateau: the learning rate after each one.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        input.AddTo(command);
        command.Options.Add(metrics);
        command.Options.Add(format);
        destination.AddTo(command);
        command.SetAction(parseResult =>
        {
            // The configuration and every metric are checked before anything is written.
            var configuration = input.Read(parseResult);
            var plateau = configuration.CreatePlateau();
            var values = MetricsFile.Read(parseResult.GetValue(metrics)!);
            var rates = new double[values.Count + 1];
            rates[0] = plateau.Value;
            for (var i = 0; i < values.Count; i++)
            {
                plateau.Report(values[i]);
                plateau.Step();
                rates[i + 1] = plateau.Value;
            }

            Notes.Print(configuration, error);
            destination.Write(parseResult, output, writer => CurveWriter.WriteValues(plateau.Options.ToJson(), rates, parseResult.GetValue(format), writer));
            return ExitCodes.Success;
        });
        return command;
    }
}
