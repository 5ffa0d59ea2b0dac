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
}
