using System.CommandLine;

namespace Schedulers.Cli;

/// <summary><c>schedulers convert</c>: an sd-scripts or Hugging Face configuration as our JSON.</summary>
internal static class ConvertCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new ConfigurationInput();
        var destination = new OutputOption();
        var command = new Command("convert", "Print the equivalent configuration in our JSON (after validating it); notes on stderr list what the import ignored.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        input.AddTo(command);
        destination.AddTo(command);
        command.SetAction(parseResult =>
        {
            var configuration = input.Read(parseResult);
            var json = configuration.IsMetricDriven ? configuration.CreatePlateau().Options.ToJson() : configuration.CreateSchedule().ToJson();
            Notes.Print(configuration, error);
            destination.Write(parseResult, output, writer => writer.Write(json + "\n"));
            return ExitCodes.Success;
        });
        return command;
    }
}
