using System.CommandLine;

namespace Schedulers.Cli;

/// <summary>
/// The <c>schedulers</c> command line. Output goes to the writers given, so tests run it in-process exactly as a user
/// would, exit codes included.
/// </summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Learning-rate schedules from the command line: curves from a configuration (JSON or flags).")
        {
            CurveCommand.Create(output),
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
            error.WriteLine($"error: {exception.Message}");
            return ExitCodes.Refused;
        }
    }
}
