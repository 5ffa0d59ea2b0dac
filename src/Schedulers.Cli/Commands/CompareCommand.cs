using System.CommandLine;
using System.Globalization;

namespace Schedulers.Cli;

/// <summary><c>schedulers compare</c>: several configurations over the same steps, side by side as CSV, or drawn together.</summary>
internal static class CompareCommand
{
    private const int ChunkLength = 16_384;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var configs = new Option<FileInfo[]>("--config")
        {
            Description = "A configuration file; give --config once per curve (two or more).",
            HelpName = "FILE",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var source = ConfigurationInput.SourceOption();
        var numProcesses = ConfigurationInput.NumProcessesOption();
        var range = new CurveRange();
        var plot = new PlotOptions();
        var destination = new OutputOption();
        var command = new Command("compare", "Compare configurations over the same steps: a CSV with one column per configuration, or one plot.");
        command.Options.Add(configs);
        command.Options.Add(source);
        command.Options.Add(numProcesses);
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

            var problems = new List<string>();
            var curves = new List<PlottedCurve>();
            var loaded = new List<ImportedConfiguration>();
            foreach (var file in files)
            {
                try
                {
                    var configuration = ConfigurationInput.Load(file, parseResult.GetValue(source), parseResult.GetValue(numProcesses));
                    var schedule = configuration.CreateSchedule();
                    loaded.Add(configuration);
                    var stem = Path.GetFileNameWithoutExtension(file.Name);
                    curves.Add(new PlottedCurve(stem == schedule.Name ? stem : $"{stem} ({schedule.Name})", schedule));
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

            var longest = curves.Max(curve => curve.Schedule.TotalSteps + 1);
            var (first, count) = range.Read(parseResult, longest, "none of the configurations");
            var logY = plot.LogY(parseResult);
            foreach (var configuration in loaded)
            {
                Notes.Print(configuration, error);
            }

            if (plot.File(parseResult) is { } image)
            {
                CurvePlot.Save(curves, first, count, logY, image);
                output.WriteLine($"plot: {image} ({curves.Count} curves, {count} steps)");
                return ExitCodes.Success;
            }

            destination.Write(parseResult, output, writer => WriteTable(curves, first, count, writer));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Header <c>step,NAME,NAME...</c> and one row per step, each column filled chunk by chunk by its evaluator.</summary>
    private static void WriteTable(List<PlottedCurve> curves, long start, long count, TextWriter writer)
    {
        writer.Write("step," + string.Join(',', curves.Select(curve => Quote(curve.Name))) + "\n");
        var columns = curves.Select(_ => new double[(int)Math.Min(ChunkLength, count)]).ToArray();
        for (long done = 0; done < count; done += columns[0].Length)
        {
            var length = (int)Math.Min(columns[0].Length, count - done);
            for (var c = 0; c < curves.Count; c++)
            {
                curves[c].Schedule.Evaluate(start + done, columns[c].AsSpan(0, length));
            }

            for (var i = 0; i < length; i++)
            {
                writer.Write((start + done + i).ToString(CultureInfo.InvariantCulture));
                foreach (var column in columns)
                {
                    writer.Write(',');
                    writer.Write(column[i].ToString("R", CultureInfo.InvariantCulture));
                }

                writer.Write('\n');
            }
        }

        writer.Flush();
    }

    private static string Quote(string name) => name.Contains(',', StringComparison.Ordinal) || name.Contains('"', StringComparison.Ordinal) ? $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : name;
}
