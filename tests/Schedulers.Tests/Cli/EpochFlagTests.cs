using System.Globalization;

namespace Schedulers.Tests.Cli;

/// <summary><c>--steps-per-epoch</c>: the key's flag, generated from its descriptor like every other.</summary>
public sealed class EpochFlagTests
{
    [Theory]
    [InlineData("--steps-per-epoch")]
    [InlineData("--steps_per_epoch")]
    public void The_curve_in_epochs_runs_total_steps_epochs_of_steps_per_epoch_steps(string flag)
    {
        var run = CliRun.Of("curve", "--scheduler", "CosineAnnealingLR", "--learning-rate", "0.1", "--T-max", "4", "--total-steps", "5", flag, "3");
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"CosineAnnealingLR","learning_rate":0.1,"T_max":4,"total_steps":5,"steps_per_epoch":3}""");

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().HaveCount(1 + 16);
        run.Lines.Skip(1).Select(line => double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture))
            .Should().Equal(Enumerable.Range(0, 16).Select(step => schedule.GetLearningRate(step)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("2.5")]
    public void A_steps_per_epoch_that_is_not_a_whole_number_of_at_least_1_exits_2_naming_it(string value)
    {
        var run = CliRun.Of("curve", "--scheduler", "StepLR", "--learning-rate", "0.1", "--step-size", "3", "--steps-per-epoch", value, "--steps", "10");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("steps_per_epoch");
    }

    [Fact]
    public void Validate_says_the_lengths_were_counted_in_epochs()
    {
        var run = CliRun.Of("validate", "--scheduler", "cosine", "--learning-rate", "3e-4", "--warmup-steps", "1", "--total-steps", "10", "--steps-per-epoch", "100");

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines[0].Should().Be("valid: cosine, start lr 0, peak lr 3e-4 at step 100, final lr 0 at step 1000, warmup ends at step 100, total_steps 1000, in epochs of 100 steps");
    }

    /// <summary>sd-scripts steps every PyTorch class once per optimizer step: its steps_per_epoch is OneCycleLR's sizing argument, never epoch units.</summary>
    [Theory]
    [InlineData("OneCycleLR", "[\"epochs=3\", \"steps_per_epoch=100\"]", "total_steps = epochs * steps_per_epoch")]
    [InlineData("StepLR", "[\"step_size=3\", \"steps_per_epoch=100\"]", "TypeError")]
    public void A_Kohya_steps_per_epoch_in_lr_scheduler_args_is_refused(string pyTorchClass, string arguments, string explanation)
    {
        var config = Path.Combine(Directory.CreateTempSubdirectory("schedulers-epochs-").FullName, "kohya.toml");
        File.WriteAllText(config, $"lr_scheduler_type = \"{pyTorchClass}\"\nlearning_rate = 1e-3\nmax_train_steps = 300\nlr_scheduler_args = {arguments}\n");

        var run = CliRun.Of("curve", "--config", config, "--from", "kohya", "--steps", "10");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("steps_per_epoch").And.Contain(explanation);
        Directory.Delete(Path.GetDirectoryName(config)!, recursive: true);
    }

    [Fact]
    public void Describe_lists_steps_per_epoch_among_a_schedulers_parameters()
    {
        var run = CliRun.Of("describe", "StepLR");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("steps_per_epoch");
    }
}
