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
    /// <summary>Values are typed in lower case (the parser ignores case), so help shows them so: <c>json|kohya|hf|timm</c>, not <c>Hf|Json|Kohya|Timm</c>.</summary>
    private static void NameEnumValuesInLowerCase(Command command)
    {
        foreach (var option in command.Options.Where(option => option.HelpName is null))
        {
            var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
            if (type.IsEnum)
            {
                option.HelpName = string.Join('|', Enum.GetNames(type).Select(name => name.ToLowerInvariant()));
            }
        }

        foreach (var subcommand in command.Subcommands)
        {
            NameEnumValuesInLowerCase(subcommand);
        }
    }

    private const string GenericAdditionalArguments = "Arguments passed to the application that is being run.";

    private const string SdScriptsArguments = "With --from kohya: sd-scripts arguments (--lr_scheduler cosine --max_train_steps 1600 ...), read as sd-scripts reads its command line.";

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

        NameEnumValuesInLowerCase(root);
        var parseResult = root.Parse(args);
        if (args.Length > 0 && !args[0].StartsWith('-') && root.Subcommands.All(command => command.Name != args[0]))
        {
            // One line that says what was meant, instead of the parser's several about an unmatched token.
            var names = root.Subcommands.Select(command => command.Name).ToArray();
            error.WriteLine($"error: '{args[0]}' is not a command.{Spelling.DidYouMean(args[0], names)} Commands: {string.Join(", ", names)}.");
            error.WriteLine("Run 'schedulers --help' for usage.");
            return ExitCodes.Refused;
        }

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
            if (parseResult.Action is HelpAction)
            {
                // The parser's words for the tokens after "--" speak of "the application being run"; here they are sd-scripts'.
                using var help = new StringWriter();
                var helpExit = parseResult.Invoke(new InvocationConfiguration { Output = help, Error = error, EnableDefaultExceptionHandler = false });
                output.Write(help.ToString().Replace(GenericAdditionalArguments, SdScriptsArguments, StringComparison.Ordinal));
                CommandExamples.Write(parseResult.CommandResult.Command.Name, output);
                return helpExit;
            }

            return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
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
