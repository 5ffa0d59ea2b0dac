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

    [Fact]
    public void The_help_shows_choices_in_the_lower_case_they_are_typed_in()
    {
        var run = CliRun.Of("curve", "--help");

        run.Output.Should().Contain("--from <json|kohya|hf|timm>").And.Contain("--hf-epoch-rule <ceil|floor>");
    }

    [Fact]
    public void The_help_says_the_arguments_after_the_separator_are_sd_scripts_arguments()
    {
        var run = CliRun.Of("curve", "--help");

        run.Output.Should().Contain("sd-scripts arguments").And.NotContain("the application that is being run");
    }

    [Fact]
    public void A_misspelt_command_is_answered_with_the_command_it_probably_meant()
    {
        var run = CliRun.Of("curv", "--scheduler", "cosine");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("'curv' is not a command. Did you mean \"curve\"?");
    }

    [Fact]
    public void A_misspelt_scheduler_to_describe_is_answered_with_the_one_it_probably_meant()
    {
        var run = CliRun.Of("describe", "cosin");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("Did you mean \"cosine\"?");
    }
}
