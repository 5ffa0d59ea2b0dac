using System.CommandLine;

namespace Schedulers.Cli;

/// <summary><c>schedulers curve</c>: the learning rate at each step of a range, as CSV or JSON, or drawn.</summary>
internal static class CurveCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new ConfigurationInput();
        var range = new CurveRange();
        var plot = new PlotOptions();
        var destination = new OutputOption();
        var format = new Option<CurveFormat>("--format")
        {
            Description = "csv (header step,lr) or json.",
            DefaultValueFactory = _ => CurveFormat.Csv,
        };

        var command = new Command("curve", "Print (or draw) the learning rate at each step of a schedule.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        input.AddTo(command);
        range.AddTo(command);
        command.Options.Add(format);
        plot.AddTo(command);
        destination.AddTo(command);
        command.SetAction(parseResult =>
        {
            // Everything is checked before the first byte is written, so a refusal leaves standard output empty.
            var configuration = input.Read(parseResult);
            var schedule = configuration.CreateSchedule();
            var (first, count) = range.Read(parseResult, schedule.Horizon + 1, $"'{schedule.Name}' has no end");
            var logY = plot.LogY(parseResult);
            Notes.Print(configuration, error);
            if (plot.File(parseResult) is { } image)
            {
                CurvePlot.Save([input.Curve(parseResult, schedule)], first, count, logY, image);
                output.WriteLine($"plot: {image} ({count} steps of {schedule.Name})");
                return ExitCodes.Success;
            }

            destination.Write(parseResult, output, writer => CurveWriter.Write(schedule, first, count, parseResult.GetValue(format), writer));
            return ExitCodes.Success;
        });
        return command;
    }
}
