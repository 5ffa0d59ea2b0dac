namespace Schedulers.Tests.Composition;

/// <summary>
/// Composites written the way PyTorch code writes them (issue 19): every child built on the one optimizer, so each
/// carries the learning rate and the composite none. Children that agree give the composite its learning rate; children
/// that disagree cannot have come from one optimizer and are refused.
/// </summary>
public sealed class PyTorchWayCompositeTests
{
    private const string WarmupThenCosine =
        """{"scheduler":"SequentialLR","milestones":[500],"schedulers":[{"scheduler":"LinearLR","learning_rate":3e-4,"start_factor":0.01,"total_iters":500},{"scheduler":"CosineAnnealingLR","learning_rate":3e-4,"T_max":9500,"eta_min":1e-6}]}""";

    private const string WarmupThenCosineOnTheComposite =
        """{"scheduler":"SequentialLR","learning_rate":3e-4,"milestones":[500],"schedulers":[{"scheduler":"LinearLR","start_factor":0.01,"total_iters":500},{"scheduler":"CosineAnnealingLR","T_max":9500,"eta_min":1e-6}]}""";

    [Fact]
    public void A_SequentialLR_whose_schedulers_carry_the_same_learning_rate_is_built()
    {
        LearningRateSchedule.FromJson(WarmupThenCosine).LearningRate.Should().Be(3e-4);
    }

    [Fact]
    public void A_SequentialLR_written_the_PyTorch_way_is_the_same_curve_as_with_the_rate_on_the_composite()
    {
        Curve(LearningRateSchedule.FromJson(WarmupThenCosine), 12_000).Should().Equal(Curve(LearningRateSchedule.FromJson(WarmupThenCosineOnTheComposite), 12_000));
    }

    [Fact]
    public void A_ChainedScheduler_written_the_PyTorch_way_is_the_same_curve_as_with_the_rate_on_the_composite()
    {
        var pyTorchWay = LearningRateSchedule.FromJson(
            """{"scheduler":"ChainedScheduler","schedulers":[{"scheduler":"ConstantLR","learning_rate":0.1,"factor":0.5,"total_iters":3},{"scheduler":"ExponentialLR","learning_rate":0.1,"gamma":0.9}]}""");
        var onTheComposite = LearningRateSchedule.FromJson(
            """{"scheduler":"ChainedScheduler","learning_rate":0.1,"schedulers":[{"scheduler":"ConstantLR","factor":0.5,"total_iters":3},{"scheduler":"ExponentialLR","gamma":0.9}]}""");

        Curve(pyTorchWay, 50).Should().Equal(Curve(onTheComposite, 50));
    }

    [Fact]
    public void A_child_without_a_learning_rate_takes_the_one_the_other_children_agree_on()
    {
        var schedule = LearningRateSchedule.FromJson(
            """{"scheduler":"SequentialLR","milestones":[5],"schedulers":[{"scheduler":"LinearLR","learning_rate":0.02,"start_factor":0.5,"total_iters":5},{"scheduler":"constant"}]}""");

        schedule.GetLearningRate(5).Should().Be(0.02);
    }

    [Fact]
    public void A_child_giving_its_rate_as_max_lr_counts_as_carrying_it()
    {
        var schedule = LearningRateSchedule.FromJson(
            """{"scheduler":"SequentialLR","milestones":[100],"schedulers":[{"scheduler":"OneCycleLR","max_lr":0.05,"total_steps":100},{"scheduler":"constant","learning_rate":0.05}]}""");

        schedule.LearningRate.Should().Be(0.05);
    }

    [Theory]
    [InlineData("SequentialLR", ""","milestones":[10]""")]
    [InlineData("ChainedScheduler", "")]
    public void Children_with_different_learning_rates_and_none_on_the_composite_are_refused_naming_each(string composite, string milestones)
    {
        var json = $$"""{"scheduler":"{{composite}}"{{milestones}},"schedulers":[{"scheduler":"LinearLR","learning_rate":1e-3,"total_iters":10},{"scheduler":"ExponentialLR","learning_rate":3e-4,"gamma":0.9}]}""";

        var problem = Refusal(json).Problems.Should().ContainSingle().Which;

        problem.Keys.Should().Equal(ScheduleKeys.LearningRate, "schedulers[0].learning_rate", "schedulers[1].learning_rate");
        problem.Message.Should().Contain("1e-3").And.Contain("3e-4").And.Contain("share one optimizer");
    }

    [Theory]
    [InlineData("SequentialLR", ""","milestones":[10]""")]
    [InlineData("ChainedScheduler", "")]
    public void A_composite_with_no_learning_rate_anywhere_is_refused_saying_where_it_may_go(string composite, string milestones)
    {
        var json = $$"""{"scheduler":"{{composite}}"{{milestones}},"schedulers":[{"scheduler":"LinearLR","total_iters":10},{"scheduler":"ExponentialLR","gamma":0.9}]}""";

        var problem = Refusal(json).Problems.Should().ContainSingle().Which;

        problem.Keys.Should().Equal(ScheduleKeys.LearningRate);
        problem.Message.Should().Contain("the same on each of its schedulers");
    }

    [Fact]
    public void A_ChainedScheduler_with_its_own_learning_rate_still_refuses_one_on_a_child()
    {
        var json = """{"scheduler":"ChainedScheduler","learning_rate":0.1,"schedulers":[{"scheduler":"ExponentialLR","learning_rate":0.1,"gamma":0.9}]}""";

        Refusal(json).Problems.Should().ContainSingle().Which.Keys.Should().Equal("schedulers[0].learning_rate");
    }

    [Fact]
    public void A_composite_written_the_PyTorch_way_reads_back_from_its_own_json()
    {
        var schedule = LearningRateSchedule.FromJson(WarmupThenCosine);

        Curve(LearningRateSchedule.FromJson(schedule.ToJson()), 12_000).Should().Equal(Curve(schedule, 12_000));
    }

    private static double[] Curve(LearningRateSchedule schedule, int steps)
    {
        var values = new double[steps];
        schedule.Evaluate(0, values);
        return values;
    }

    private static ScheduleConfigurationException Refusal(string json) =>
        FluentActions.Invoking(() => LearningRateSchedule.FromJson(json)).Should().Throw<ScheduleConfigurationException>().Which;
}
