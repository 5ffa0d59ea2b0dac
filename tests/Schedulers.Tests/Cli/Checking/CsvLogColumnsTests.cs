using Schedulers.Cli;

namespace Schedulers.Tests.Cli.Checking;

/// <summary>Which header is the step and which the learning rate, by name alone.</summary>
public sealed class CsvLogColumnsTests
{
    [Theory]
    [InlineData("Wall time,Step,Value", 1, 2)]
    [InlineData("step,lr", 0, 1)]
    [InlineData("Step,Learning_Rate", 0, 1)]
    [InlineData(" step , lr ", 0, 1)]
    [InlineData("global_step,learning_rate,loss", 0, 1)]
    [InlineData("_step,train/global_step,train/learning_rate", 1, 2)]
    [InlineData("_step,train/learning_rate,train/loss", 0, 1)]
    [InlineData("Step,step - train/lr,step - train/lr__MIN,step - train/lr__MAX", 0, 1)]
    [InlineData("step,lr/unet,lr/d*lr/unet", 0, 1)]
    [InlineData("step,optimizer/lr", 0, 1)]
    public void The_step_and_rate_columns_are_found_by_name(string header, int step, int rate)
    {
        CsvLogColumns.Find(header.Split(','), LogColumns.FromHeaders, "log.csv").Should().Be((step, rate));
    }

    [Fact]
    public void A_named_column_wins_over_the_names_and_ignores_case()
    {
        CsvLogColumns.Find(["iteration", "LR/UNet", "lr/textencoder"], new LogColumns("Iteration", "lr/unet"), "log.csv").Should().Be((0, 1));
    }

    [Fact]
    public void The_same_column_for_both_is_refused()
    {
        var find = () => CsvLogColumns.Find(["step", "lr"], new LogColumns("lr", "lr"), "log.csv");

        find.Should().Throw<Schedulers.Cli.UsageException>().Which.Message.Should().Contain("cannot both be column 'lr'");
    }
}
