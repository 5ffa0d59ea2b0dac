using System.Text.Json;

namespace Schedulers.Tests.Cli;

/// <summary>LambdaLR is in the catalog, but no command of the command line can make it.</summary>
public sealed class CodeOnlySchedulerTests
{
    [Fact]
    public void Describe_says_a_code_only_scheduler_is_made_from_CSharp()
    {
        CliRun.Of("describe", "LambdaLR").Lines.Should().Contain(line => line.Contains("code only", StringComparison.Ordinal) && line.Contains("LearningRateSchedule.FromFunction", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("LambdaLR", true, false)]
    [InlineData("ReduceLROnPlateau", false, true)]
    [InlineData("cosine", false, false)]
    public void The_json_form_tells_a_gui_which_schedulers_make_no_curve(string name, bool codeOnly, bool metricDriven)
    {
        var scheduler = JsonDocument.Parse(CliRun.Of("describe", name, "--format", "json").Output).RootElement.GetProperty("schedulers")[0];

        scheduler.GetProperty("code_only").GetBoolean().Should().Be(codeOnly);
        scheduler.GetProperty("metric_driven").GetBoolean().Should().Be(metricDriven);
    }

    [Fact]
    public void The_scheduler_flag_help_leaves_out_code_only_schedulers()
    {
        CliRun.Of("curve", "--help").Lines.Should().NotContain(line => line.Contains("LambdaLR", StringComparison.Ordinal));
    }

    [Fact]
    public void A_curve_of_LambdaLR_is_refused_with_exit_code_2_pointing_to_FromFunction()
    {
        var run = CliRun.Of("curve", "--scheduler", "LambdaLR", "--learning-rate", "0.1", "--steps", "3");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("LearningRateSchedule.FromFunction");
    }
}
