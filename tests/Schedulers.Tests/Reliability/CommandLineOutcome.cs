using System.Globalization;
using Schedulers.Tests.Cli;

namespace Schedulers.Tests.Reliability;

/// <summary>What the command line may do with any input: exit 0 with usable output, or exit 2 with a message and no output.</summary>
internal static class CommandLineOutcome
{
    /// <summary><c>check</c>'s exit 1 (the run's log did not follow the configuration): a whole report, the verdict last.</summary>
    public static void CheckDiffers(CliRun run, string input)
    {
        run.Error.Should().NotContain("   at ", "no input may print a stack trace ({0})", input);
        run.Lines.Should().NotBeEmpty("exit 1 is check's report of a difference ({0})", input);
        run.Lines[^1].Should().StartWith("result: the run did not follow", "exit 1 is check's report of a difference ({0})", input);
    }

    /// <summary>Checks the run; true when it succeeded, false when it refused the input.</summary>
    public static bool Check(CliRun run, string input)
    {
        run.Error.Should().NotContain("   at ", "no input may print a stack trace ({0})", input);
        if (run.ExitCode == 2)
        {
            run.Output.Should().BeEmpty("a refusal prints nothing on standard output ({0})", input);
            run.Error.Should().Contain("error:", "a refusal says why ({0})", input);
            return false;
        }

        run.ExitCode.Should().Be(0, "the only exit codes are 0 and 2 ({0}); standard error: {1}", input, run.Error);
        run.Output.Should().NotBeEmpty("a success prints something ({0})", input);
        if (run.Output.StartsWith("step,", StringComparison.Ordinal))
        {
            foreach (var line in run.Lines.Skip(1))
            {
                foreach (var field in line.Split(',').Skip(1))
                {
                    var value = double.Parse(field, CultureInfo.InvariantCulture);
                    (double.IsFinite(value) && value >= 0).Should().BeTrue("every printed value is finite and >= 0 ({0})", input);
                }
            }
        }

        return true;
    }
}
