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
}
