using System.CommandLine;
using System.Globalization;

namespace Schedulers.Cli;

/// <summary><c>schedulers compare</c>: several configurations over the same steps, side by side as CSV, or drawn together.</summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var configs = new Option<FileInfo[]>("--config")
        {
            Description = "A configuration file; give --config once per curve (two or more).",
            HelpName = "FILE",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };

        // System.CommandLine reports an empty file name for a single FileInfo as a parse error, but for an array it
        // throws when the value is read: refuse it while parsing.
        configs.Validators.Add(result =>
        {
            if (result.Tokens.Any(token => string.IsNullOrWhiteSpace(token.Value)))
            {
                result.AddError("--config needs a file name, not an empty argument.");
            }
        });
        var source = ConfigurationInput.SourceOption();
        var numProcesses = ConfigurationInput.NumProcessesOption();
        var facts = new DataSetFactOptions();
        var huggingFaceRun = new HuggingFaceRunOptions();
        var range = new CurveRange();
        var plot = new PlotOptions();
        var destination = new OutputOption();
        var command = new Command("compare", "Compare configurations over the same steps: a CSV with one column per configuration, or one plot.");
        command.Options.Add(configs);
        command.Options.Add(source);
        command.Options.Add(numProcesses);
        facts.AddTo(command);
        huggingFaceRun.AddTo(command);
        range.AddTo(command);
        plot.AddTo(command);
        destination.AddTo(command);
        command.SetAction(parseResult =>
        {
            var files = parseResult.GetValue(configs) ?? [];
            if (files.Length < 2)
            {
                throw new UsageException("compare needs two or more --config files.");
            }

            // The data-set facts are shared: compare runs of the same data set (one Kohya GUI file per scheduler choice).
            var dataSet = facts.Read(parseResult);
            var run = huggingFaceRun.Read(parseResult);
            var explicitProcesses = parseResult.GetResult(numProcesses) is { Implicit: false } ? parseResult.GetValue(numProcesses) : (long?)null;
            var problems = new List<string>();
            var curves = new List<PlottedCurve>();
            var loaded = new List<ImportedConfiguration>();
            foreach (var file in files)
            {
                try
                {
                    var configuration = ConfigurationInput.Load(file, parseResult.GetValue(source), parseResult.GetValue(numProcesses), dataSet, explicitProcesses, run);
                    var schedule = configuration.CreateSchedule();
                    loaded.Add(configuration);
                    curves.Add(PlottedCurve.Of(file, schedule));
                }
                catch (ScheduleConfigurationException exception)
                {
                    problems.AddRange(exception.Problems.Select(problem => $"{file.Name}: {problem.Message}"));
                }
                catch (UsageException exception)
                {
                    problems.AddRange(exception.Problems.Select(problem => $"{file.Name}: {problem}"));
                }
            }

            if (problems.Count > 0)
            {
                throw new UsageException([.. problems]);
            }

            var longest = curves.Max(curve => curve.Schedule.Horizon + 1);
            var (first, count) = range.Read(parseResult, longest, "none of the configurations has an end");
            var logY = plot.LogY(parseResult);
            foreach (var configuration in loaded)
            {
                Notes.Print(configuration, error);
            }

            Notes.Print(ImportedConfiguration.Native(ScheduleOptions.Empty).WithNotes(dataSet.UnusedNotes()), error);

            if (plot.File(parseResult) is { } image)
            {
                CurvePlot.Save(curves, first, count, logY, image);
                output.WriteLine($"plot: {image} ({curves.Count} curves, {count} steps)");
                return ExitCodes.Success;
            }

            destination.Write(parseResult, output, writer => CurveWriter.WriteCsv([.. curves.Select(curve => curve.Schedule)], [.. curves.Select(curve => curve.Name)], first, count, writer));
            return ExitCodes.Success;
        });
        return command;
    }
}
