namespace Schedulers.Tests.Cli;

public sealed class HelpTests
{
    [Theory]
    [InlineData("curve")]
    [InlineData("compare")]
    [InlineData("validate")]
    [InlineData("describe")]
    [InlineData("convert")]
    [InlineData("check")]
    public void Every_command_has_help_with_examples_of_itself(string command)
    {
        var run = CliRun.Of(command, "--help");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain($"schedulers {command}").And.Contain("Examples:");
        run.Lines.SkipWhile(line => line != "Examples:").Skip(1).Should().NotBeEmpty().And.OnlyContain(line => line.StartsWith($"  schedulers {command}", StringComparison.Ordinal));
    }

    [Fact]
    public void The_root_help_names_the_tool_and_lists_each_command_on_one_line()
    {
        var run = CliRun.Of("--help");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("schedulers [command] [options]");
        foreach (var command in new[] { "curve", "compare", "validate", "describe", "convert" })
        {
            run.Lines.Should().ContainSingle(line => line.TrimStart().StartsWith(command + " ", StringComparison.Ordinal));
        }
    }
}
