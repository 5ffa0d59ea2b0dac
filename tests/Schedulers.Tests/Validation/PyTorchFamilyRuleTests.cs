namespace Schedulers.Tests.Validation;

/// <summary>The refusals of OneCycleLR, CyclicLR and the composites.</summary>
public sealed class PyTorchFamilyRuleTests
{
    private static ScheduleConfigurationException RefusalOf(string json) =>
        FluentActions.Invoking(() => LearningRateSchedule.FromJson(json)).Should().Throw<ScheduleConfigurationException>().Which;

    [Theory]
    [InlineData("""{"scheduler":"OneCycleLR","learning_rate":0.01,"total_steps":100,"warmup_steps":10}""")]
    [InlineData("""{"scheduler":"CyclicLR","learning_rate":0.01,"max_lr":0.1,"warmup_steps":10}""")]
    [InlineData("""{"scheduler":"SequentialLR","learning_rate":0.01,"milestones":[],"schedulers":[{"scheduler":"constant"}],"warmup_steps":10}""")]
    [InlineData("""{"scheduler":"ChainedScheduler","learning_rate":0.01,"schedulers":[{"scheduler":"constant"}],"warmup_steps":10}""")]
    public void A_warmup_on_a_PyTorch_scheduler_is_refused_pointing_to_a_composition(string json)
    {
        var refusal = RefusalOf(json);

        refusal.Keys.Should().Equal(ScheduleKeys.WarmupSteps);
        refusal.Message.Should().Contain("SequentialLR").And.NotContainAny("NaN");
    }

    [Fact]
    public void OneCycleLR_refuses_a_max_lr_that_disagrees_with_learning_rate_naming_both()
    {
        RefusalOf("""{"scheduler":"OneCycleLR","learning_rate":0.01,"max_lr":0.02,"total_steps":100}""").Keys.Should().Equal(ScheduleKeys.MaxLr, ScheduleKeys.LearningRate);
    }

    [Theory]
    [InlineData("1e-320")]
    [InlineData("1e-40")]
    public void OneCycleLR_refuses_a_div_factor_so_small_that_the_initial_learning_rate_overflows(string divFactor)
    {
        var refusal = RefusalOf($$"""{"scheduler":"OneCycleLR","learning_rate":2e-5,"total_steps":692,"div_factor":{{divFactor}}}""");

        refusal.Keys.Should().Equal("div_factor");
        refusal.Message.Should().Contain(divFactor).And.Contain("at least 2E-35");
    }

    [Fact]
    public void OneCycleLR_accepts_a_max_lr_equal_to_learning_rate()
    {
        LearningRateSchedule.FromJson("""{"scheduler":"OneCycleLR","learning_rate":0.01,"max_lr":0.01,"total_steps":100}""").GetLearningRate(29).Should().Be(0.01);
    }

    [Theory]
    [InlineData("""{"scheduler":"OneCycleLR","learning_rate":0.01,"total_steps":100,"pct_start":0.01}""")]
    [InlineData("""{"scheduler":"OneCycleLR","learning_rate":0.01,"total_steps":100,"pct_start":1.0}""")]
    [InlineData("""{"scheduler":"OneCycleLR","learning_rate":0.01,"total_steps":100,"pct_start":0.6,"three_phase":true}""")]
    public void OneCycleLR_refuses_a_pct_start_that_leaves_a_phase_without_steps(string json)
    {
        RefusalOf(json).Keys.Should().Contain([ScheduleKeys.PctStart, ScheduleKeys.TotalSteps]);
    }

    [Fact]
    public void OneCycleLR_requires_total_steps()
    {
        RefusalOf("""{"scheduler":"OneCycleLR","learning_rate":0.01}""").Keys.Should().Equal(ScheduleKeys.TotalSteps);
    }

    [Fact]
    public void OneCycleLR_holds_its_final_value_past_total_steps_where_PyTorch_would_raise()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"OneCycleLR","learning_rate":0.01,"total_steps":100,"anneal_strategy":"linear"}""");

        schedule.GetLearningRate(100).Should().Be(schedule.GetLearningRate(99));
        schedule.GetLearningRate(1_000_000).Should().Be(schedule.GetLearningRate(99)).And.BeGreaterThan(0);
    }

    [Fact]
    public void CyclicLR_refuses_a_base_lr_that_disagrees_with_learning_rate_naming_both()
    {
        RefusalOf("""{"scheduler":"CyclicLR","learning_rate":0.01,"base_lr":0.02,"max_lr":0.1}""").Keys.Should().Equal(ScheduleKeys.BaseLr, ScheduleKeys.LearningRate);
    }

    [Fact]
    public void CyclicLR_refuses_a_cycle_without_height()
    {
        RefusalOf("""{"scheduler":"CyclicLR","learning_rate":0.01,"max_lr":0.01}""").Keys.Should().Equal(ScheduleKeys.MaxLr);
    }

    [Fact]
    public void CyclicLR_refuses_a_growing_exp_range_that_would_overflow()
    {
        RefusalOf("""{"scheduler":"CyclicLR","learning_rate":0.01,"max_lr":0.1,"mode":"exp_range","gamma":1.5}""").Keys.Should().Equal(ScheduleKeys.Gamma);
    }

    [Fact]
    public void A_problem_inside_a_child_is_reported_under_its_path()
    {
        var refusal = RefusalOf(
            """{"scheduler":"SequentialLR","learning_rate":0.01,"milestones":[10],"schedulers":[{"scheduler":"LinearLR","total_iters":10},{"scheduler":"CosineAnnealingLR","T_max":-3,"power":2}]}""");

        refusal.Keys.Should().BeEquivalentTo(["schedulers[1].T_max", "schedulers[1].power"]);
        refusal.Message.Should().Contain("-3");
    }

    [Fact]
    public void Every_problem_of_every_child_and_of_the_composite_is_reported_at_once()
    {
        var refusal = RefusalOf(
            """{"scheduler":"SequentialLR","learning_rate":0.01,"milestones":[10,5],"schedulers":[{"scheduler":"cosine"},{"scheduler":"StepLR"}]}""");

        refusal.Keys.Should().Contain(["schedulers[0].total_steps", "schedulers[1].step_size", ScheduleKeys.Milestones]);
    }

    [Fact]
    public void SequentialLR_refuses_a_milestone_count_that_does_not_fit_its_schedulers()
    {
        RefusalOf("""{"scheduler":"SequentialLR","learning_rate":0.01,"milestones":[10,20],"schedulers":[{"scheduler":"constant"},{"scheduler":"constant"}]}""")
            .Keys.Should().Contain([ScheduleKeys.Milestones, ScheduleKeys.Schedulers]);
    }

    [Theory]
    [InlineData("[20,10]")]
    [InlineData("[10,10]")]
    [InlineData("[0,10]")]
    public void SequentialLR_refuses_milestones_that_are_not_positive_and_strictly_increasing(string milestones)
    {
        RefusalOf($$"""{"scheduler":"SequentialLR","learning_rate":0.01,"milestones":{{milestones}},"schedulers":[{"scheduler":"constant"},{"scheduler":"constant"},{"scheduler":"constant"}]}""")
            .Keys.Should().Contain(ScheduleKeys.Milestones);
    }

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"scheduler":"constant"}""")]
    public void A_composite_refuses_schedulers_that_are_not_a_list_of_configurations(string schedulers)
    {
        RefusalOf($$"""{"scheduler":"ChainedScheduler","learning_rate":0.01,"schedulers":{{schedulers}}}""").Keys.Should().Equal(ScheduleKeys.Schedulers);
    }

    [Fact]
    public void A_ChainedScheduler_child_with_a_learning_rate_of_its_own_is_refused()
    {
        RefusalOf("""{"scheduler":"ChainedScheduler","learning_rate":0.01,"schedulers":[{"scheduler":"ExponentialLR","learning_rate":0.5,"gamma":0.9}]}""")
            .Keys.Should().Equal("schedulers[0].learning_rate");
    }

    [Fact]
    public void A_child_of_a_composite_with_a_refused_learning_rate_is_not_blamed_for_it()
    {
        RefusalOf("""{"scheduler":"SequentialLR","learning_rate":-1,"milestones":[],"schedulers":[{"scheduler":"constant"}]}""")
            .Keys.Should().Equal(ScheduleKeys.LearningRate);
    }

    [Fact]
    public void Chaining_schedules_of_different_learning_rates_in_code_is_refused()
    {
        var first = LearningRateSchedule.FromJson("""{"scheduler":"constant","learning_rate":0.01}""");
        var second = LearningRateSchedule.FromJson("""{"scheduler":"constant","learning_rate":0.02}""");

        FluentActions.Invoking(() => LearningRateSchedule.Chained(first, second)).Should().Throw<ScheduleConfigurationException>()
            .Which.Keys.Should().Equal("schedulers[1].learning_rate");
    }

    [Fact]
    public void Sequencing_in_code_with_the_wrong_milestones_is_refused()
    {
        var first = LearningRateSchedule.FromJson("""{"scheduler":"constant","learning_rate":0.01}""");

        FluentActions.Invoking(() => LearningRateSchedule.Sequential([first, first], [])).Should().Throw<ScheduleConfigurationException>()
            .Which.Keys.Should().Contain(ScheduleKeys.Milestones);
    }
}
