using System.CommandLine;

namespace Schedulers.Cli;

/// <summary><c>schedulers curve</c>: the learning rate at each step of a range, as CSV or JSON.</summary>
internal static class CurveCommand
{
    public static Command Create(TextWriter output)
    {
        var input = new ConfigurationInput();
        var steps = new Option<long?>("--steps")
        {
            Description = "Number of steps to print (default: total_steps + 1 when the configuration has total_steps).",
            HelpName = "N",
        };
        var start = new Option<long>("--start")
        {
            Description = "First step to print (default 0).",
            HelpName = "S",
            DefaultValueFactory = _ => 0,
        };
        var format = new Option<CurveFormat>("--format")
        {
            Description = "csv (header step,lr) or json.",
            DefaultValueFactory = _ => CurveFormat.Csv,
        };

        var command = new Command("curve", "Print the learning rate at each step of a schedule.");
        input.AddTo(command);
        command.Options.Add(steps);
        command.Options.Add(start);
        command.Options.Add(format);
        command.SetAction(parseResult =>
        {
            // Everything is checked before the first byte is written, so a refusal leaves standard output empty.
            var schedule = LearningRateSchedule.Create(input.Read(parseResult));
            var first = parseResult.GetValue(start);
            var count = parseResult.GetValue(steps) ?? (schedule.TotalSteps + 1)
                ?? throw new UsageException($"--steps is required: '{schedule.Name}' has no total_steps to take the curve length from.");
            if (first < 0)
            {
                throw new UsageException($"--start {first} is negative: steps count from 0.");
            }

            if (count < 1)
            {
                throw new UsageException($"--steps {count} is not a positive number of steps.");
            }

            if (first > long.MaxValue - count)
            {
                throw new UsageException($"--start {first} with --steps {count} runs past the largest step ({long.MaxValue}).");
            }

            CurveWriter.Write(schedule, first, count, parseResult.GetValue(format), output);
            return ExitCodes.Success;
        });
        return command;
    }
}
