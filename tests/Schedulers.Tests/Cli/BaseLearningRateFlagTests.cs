namespace Schedulers.Tests.Cli;

/// <summary>The base learning rate under the names the command line's flags give it: --max-lr, --base-lr, --initial-learning-rate, and --values as Keras's learning rates.</summary>
public sealed class BaseLearningRateFlagTests
{
    [Fact]
    public void OneCycleLR_runs_from_max_lr_alone_as_curve_help_says_it_may()
    {
        var run = CliRun.Of("curve", "--scheduler", "OneCycleLR", "--max-lr", "3e-4", "--total-steps", "1000");

        run.ExitCode.Should().Be(0);
        run.Error.Should().BeEmpty();
        run.Lines[300].Should().Be("299,0.0003");
    }

    [Fact]
    public void CyclicLR_runs_from_base_lr_alone()
    {
        var run = CliRun.Of("curve", "--scheduler", "CyclicLR", "--base-lr", "0.001", "--max-lr", "0.006", "--step-size-up", "5", "--steps", "3");

        run.ExitCode.Should().Be(0);
        run.Lines[1].Should().Be("0,0.001");
    }

    [Fact]
    public void A_Keras_scheduler_runs_from_initial_learning_rate()
    {
        var run = CliRun.Of("curve", "--scheduler", "ExponentialDecay", "--initial-learning-rate", "0.1", "--decay-steps", "2", "--decay-rate", "0.5", "--staircase", "true", "--steps", "3");

        run.ExitCode.Should().Be(0);
        run.Lines.Skip(1).Should().Equal("0,0.1", "1,0.1", "2,0.05");
    }

    [Fact]
    public void A_Keras_scheduler_given_learning_rate_exits_2_pointing_to_initial_learning_rate()
    {
        var run = CliRun.Of("curve", "--scheduler", "ExponentialDecay", "--learning-rate", "0.1", "--decay-steps", "2", "--decay-rate", "0.5");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("Keras names it initial_learning_rate");
    }

    [Fact]
    public void PiecewiseConstantDecay_takes_its_values_as_a_comma_separated_flag()
    {
        var run = CliRun.Of("curve", "--scheduler", "PiecewiseConstantDecay", "--boundaries", "1,2", "--values", "0.1,0.01,0.001", "--steps", "4");

        run.ExitCode.Should().Be(0);
        run.Lines.Skip(1).Should().Equal("0,0.1", "1,0.1", "2,0.01", "3,0.001");
    }

    [Fact]
    public void A_values_flag_that_is_not_a_list_of_numbers_exits_2_naming_values()
    {
        var run = CliRun.Of("curve", "--scheduler", "PiecewiseConstantDecay", "--boundaries", "1", "--values", "0.1,abc");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("values");
    }
}
