using System.CommandLine;
using System.CommandLine.Help;

namespace Schedulers.Cli;

/// <summary>
/// The <c>schedulers</c> command line. Output goes to the writers given, so tests run it in-process exactly as a user
/// would, exit codes included. A refused input prints every problem on standard error, nothing on standard output, and
/// exits with 2; no user mistake prints a stack trace.
/// </summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        // A plain command named after the tool (a RootCommand takes the assembly's name), with RootCommand's options.
        var root = new Command("schedulers", """
            Learning-rate schedules from the command line: curves, plots, checks and imports of Kohya / Hugging Face settings.

            Start with:
              schedulers describe                       every scheduler and its parameters
              schedulers validate --config my.json      every problem at once, or a one-line summary
              schedulers curve --config my.json         the learning rate at each step (CSV)
              schedulers compare --config a.json --config b.json --plot compare.png
              schedulers convert --config my_lora.toml --from kohya
              schedulers replay --config plateau.json --metrics val_loss.txt
              schedulers check --config training_args.json --from hf --log trainer_state.json
              schedulers serve --open                   design a schedule in the browser
            """)
        {
            CurveCommand.Create(output, error),
            CompareCommand.Create(output, error),
            ValidateCommand.Create(output, error),
            DescribeCommand.Create(output),
            ConvertCommand.Create(output, error),
            ReplayCommand.Create(output, error),
            CheckCommand.Create(output, error),
            ServeCommand.Create(output, error),
            new HelpOption(),
            new VersionOption(),
        };

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine("Run 'schedulers --help' for usage.");
            return ExitCodes.Refused;
        }

        try
        {
            var exitCode = parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
            if (parseResult.Action is HelpAction)
            {
                CommandExamples.Write(parseResult.CommandResult.Command.Name, output);
            }

            return exitCode;
        }
        catch (ScheduleConfigurationException exception)
        {
            foreach (var problem in exception.Problems)
            {
                error.WriteLine($"error: {problem.Message}");
            }

            return ExitCodes.Refused;
        }
        catch (UsageException exception)
        {
            foreach (var problem in exception.Problems)
            {
                error.WriteLine($"error: {problem}");
            }

            return ExitCodes.Refused;
        }
    }
}
