namespace Schedulers.Tests.Validation;

/// <summary>
/// Which key gives a scheduler its base learning rate (issue 16): OneCycleLR's max_lr and CyclicLR's base_lr stand for
/// learning_rate when it is not given; Keras's initial_learning_rate; PiecewiseConstantDecay's values. The base rate is
/// what LearningRate reports and what a parameter group's factor is relative to.
/// </summary>
public sealed class BaseLearningRateTests
{
    private static ScheduleConfigurationException RefusalOf(string json) =>
        FluentActions.Invoking(() => LearningRateSchedule.FromJson(json)).Should().Throw<ScheduleConfigurationException>().Which;

    [Fact]
    public void OneCycleLR_given_max_lr_and_no_learning_rate_peaks_at_max_lr()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"OneCycleLR","max_lr":3e-4,"total_steps":1000}""");

        schedule.LearningRate.Should().Be(3e-4);
        schedule.GetLearningRate(299).Should().Be(3e-4); // The end of the rise: pct_start * total_steps - 1.
    }

    [Fact]
    public void OneCycleLR_given_max_lr_is_the_same_schedule_as_given_learning_rate()
    {
        var byMaxLr = LearningRateSchedule.FromJson("""{"scheduler":"OneCycleLR","max_lr":3e-4,"total_steps":1000}""");
        var byLearningRate = LearningRateSchedule.FromJson("""{"scheduler":"OneCycleLR","learning_rate":3e-4,"total_steps":1000}""");
        var first = new double[1001];
        var second = new double[1001];

        byMaxLr.Evaluate(0, first);
        byLearningRate.Evaluate(0, second);

        first.Should().Equal(second);
    }

    [Fact]
    public void OneCycleLR_without_either_name_of_its_peak_is_refused_naming_both()
    {
        RefusalOf("""{"scheduler":"OneCycleLR","total_steps":1000}""").Keys.Should().BeEquivalentTo(ScheduleKeys.LearningRate, ScheduleKeys.MaxLr);
    }

    [Fact]
    public void CyclicLR_given_base_lr_and_no_learning_rate_cycles_up_from_base_lr()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"CyclicLR","base_lr":0.001,"max_lr":0.006,"step_size_up":5}""");

        schedule.LearningRate.Should().Be(0.001);
        schedule.GetLearningRate(0).Should().Be(0.001);
        schedule.GetLearningRate(5).Should().BeApproximately(0.006, 1e-17);
    }

    [Fact]
    public void CyclicLR_given_base_lr_equal_to_max_lr_is_refused_as_a_cycle_without_height()
    {
        RefusalOf("""{"scheduler":"CyclicLR","base_lr":0.01,"max_lr":0.01}""").Keys.Should().Equal(ScheduleKeys.MaxLr);
    }

    [Fact]
    public void OneCycleLR_given_max_lr_is_built_by_the_builder()
    {
        var schedule = LearningRateSchedule.CreateBuilder().WithScheduler("OneCycleLR").With(ScheduleKeys.MaxLr, 3e-4).WithTotalSteps(1000).Build();

        schedule.LearningRate.Should().Be(3e-4);
    }

    [Fact]
    public void A_OneCycleLR_given_only_max_lr_is_written_and_read_back_the_same()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"OneCycleLR","max_lr":3e-4,"total_steps":1000}""");

        LearningRateSchedule.FromJson(schedule.ToJson()).GetLearningRate(500).Should().Be(schedule.GetLearningRate(500));
        schedule.Options.Contains(ScheduleKeys.LearningRate).Should().BeFalse();
    }

    [Fact]
    public void A_composite_s_child_given_max_lr_does_not_inherit_the_composite_s_learning_rate()
    {
        var schedule = LearningRateSchedule.FromJson(
            """{"scheduler":"SequentialLR","learning_rate":0.1,"milestones":[10],"schedulers":[{"scheduler":"constant"},{"scheduler":"OneCycleLR","max_lr":0.5,"total_steps":100}]}""");

        schedule.GetLearningRate(10 + 29).Should().Be(0.5);
    }

    [Fact]
    public void A_OneCycleLR_child_under_a_refused_learning_rate_is_not_blamed_for_its_missing_peak()
    {
        RefusalOf("""{"scheduler":"SequentialLR","learning_rate":-1,"milestones":[],"schedulers":[{"scheduler":"OneCycleLR","total_steps":100}]}""")
            .Keys.Should().Equal(ScheduleKeys.LearningRate);
    }

    [Theory]
    [InlineData("""{"scheduler":"ExponentialDecay","initial_learning_rate":0.004,"decay_steps":10,"decay_rate":0.9}""", 0.004)]
    [InlineData("""{"scheduler":"PolynomialDecay","initial_learning_rate":0.004,"decay_steps":10,"end_learning_rate":0.001}""", 0.004)]
    [InlineData("""{"scheduler":"PolynomialDecay","initial_learning_rate":0.004,"decay_steps":10,"end_learning_rate":0.01}""", 0.01)]
    [InlineData("""{"scheduler":"CosineDecay","initial_learning_rate":0.004,"decay_steps":10}""", 0.004)]
    [InlineData("""{"scheduler":"CosineDecay","initial_learning_rate":0,"decay_steps":10,"warmup_target":0.004,"warmup_steps":5}""", 0.004)]
    [InlineData("""{"scheduler":"PiecewiseConstantDecay","boundaries":[10,20],"values":[0.001,0.004,0.0001]}""", 0.004)]
    public void A_Keras_schedule_s_base_learning_rate_is_the_rate_its_curve_is_relative_to(string json, double expected)
    {
        LearningRateSchedule.FromJson(json).LearningRate.Should().Be(expected);
    }

    [Fact]
    public void A_group_follows_a_Keras_warmup_from_0_with_finite_values()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"CosineDecay","initial_learning_rate":0,"decay_steps":10,"warmup_target":0.004,"warmup_steps":4}""");
        var stepper = new ScheduleStepper(schedule, ParameterGroup.Scaled("head", 0.008));

        stepper.Step();
        stepper.Step();

        stepper.Value.Should().Be(0.004); // Half of the warmup: half of the group's base value.
    }
}
