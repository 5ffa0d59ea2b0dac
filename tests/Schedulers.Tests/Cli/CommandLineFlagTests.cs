using Schedulers.Cli;

namespace Schedulers.Tests.Cli;

public sealed class CommandLineFlagTests
{
    [Theory]
    [InlineData(ScheduleKeys.WarmupSteps, "--warmup-steps")]
    [InlineData(ScheduleKeys.MinLrRatio, "--min-lr-ratio")]
    [InlineData(ScheduleKeys.TMax, "--T-max")]
    [InlineData(ScheduleKeys.Gamma, "--gamma")]
    public void A_keys_flag_is_the_key_in_kebab_case(string key, string flag)
    {
        CommandLineFlag.For(key).Should().Be(flag);
    }

    [Fact]
    public void A_keys_alias_is_the_key_as_the_contract_spells_it()
    {
        CommandLineFlag.AliasFor(ScheduleKeys.WarmupStartLr).Should().Be("--warmup_start_lr");
    }

    [Fact]
    public void The_alias_sets_the_same_key_as_the_flag()
    {
        var run = CliRun.Of("curve", "--scheduler", "cosine", "--learning_rate", "0.001", "--total_steps", "7");

        run.ExitCode.Should().Be(0);
        run.Lines.Should().HaveCount(9, "a header and steps 0 to 7");
    }

    [Theory]
    [InlineData("--warmup-step", "--warmup-steps")]
    [InlineData("--learning-rte", "--learning-rate")]
    [InlineData("--total_step", "--total_steps")]
    [InlineData("--lr", "--learning-rate")]
    [InlineData("--num-warmup-steps", "--warmup-steps")]
    public void A_misspelt_flag_is_refused_with_the_flag_it_probably_meant(string misspelt, string meant)
    {
        var run = CliRun.Of("curve", "--scheduler", "cosine", "--learning-rate", "3e-4", "--total-steps", "1000", misspelt, "100");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain($"{misspelt}: did you mean {meant}?");
    }

    [Fact]
    public void A_misspelt_flag_without_from_kohya_gets_no_sd_scripts_hint()
    {
        var run = CliRun.Of("curve", "--scheduler", "cosine", "--learning-rate", "3e-4", "--warmup-step", "100", "--total-steps", "1000");

        run.ExitCode.Should().Be(2);
        run.Error.Should().NotContain("sd-scripts");
    }

    [Fact]
    public void The_help_of_a_flag_that_means_different_things_says_what_it_does_in_each_scheduler()
    {
        var run = CliRun.Of("curve", "--help");

        var help = string.Join(" ", run.Output.Split('\n').Select(line => line.Trim()));
        foreach (var scheduler in new[] { "OneCycleLR", "CyclicLR" })
        {
            help.Should().Contain($"{scheduler}: {SchedulerCatalog.Find(scheduler)!.Find(ScheduleKeys.MaxLr)!.Description}");
        }
    }

    [Fact]
    public void Timms_decay_t_flag_is_read_as_a_list_for_MultiStepLRScheduler()
    {
        var run = CliRun.Of("curve", "--scheduler", "MultiStepLRScheduler", "--learning-rate", "0.1", "--decay-t", "3,5", "--decay-rate", "0.5", "--total-steps", "5");

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Skip(1).Select(line => double.Parse(line.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture))
            .Should().Equal(0.1, 0.1, 0.05, 0.05, 0.025, 0.025);
    }

    [Fact]
    public void Timms_decay_t_flag_is_read_as_a_number_for_StepLRScheduler()
    {
        var run = CliRun.Of("curve", "--scheduler", "StepLRScheduler", "--learning-rate", "0.1", "--decay-t", "2.5", "--decay-rate", "0.5", "--total-steps", "3");

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Skip(1).Select(line => double.Parse(line.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture))
            .Should().Equal(0.1, 0.1, 0.1, 0.05);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("4,8")]
    public void The_noise_range_flag_takes_a_step_or_two(string range)
    {
        var run = CliRun.Of("curve", "--scheduler", "CosineLRScheduler", "--learning-rate", "0.1", "--t-initial", "20", "--noise-range-t", range, "--total-steps", "10");

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().HaveCount(12, "a header and steps 0 to 10");
    }
}
