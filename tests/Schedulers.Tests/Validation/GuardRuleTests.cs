namespace Schedulers.Tests.Validation;

public sealed class GuardRuleTests
{
    private static ScheduleConfigurationException RefusalOf(string json) =>
        FluentActions.Invoking(() => LearningRateSchedule.FromJson(json)).Should().Throw<ScheduleConfigurationException>().Which;

    [Theory]
    [InlineData("""{"scheduler":"constant","learning_rate":0.001,"warmup_steps":10}""", ScheduleKeys.WarmupSteps, "constant_with_warmup")]
    [InlineData("""{"scheduler":"constant","learning_rate":0.001,"total_steps":100,"warmup_ratio":0.5}""", ScheduleKeys.WarmupRatio, "constant_with_warmup")]
    [InlineData("""{"scheduler":"piecewise_constant","learning_rate":0.001,"step_rules":"1:10,0.5","warmup_steps":5}""", ScheduleKeys.WarmupSteps, "step_rules")]
    public void A_positive_warmup_on_a_scheduler_without_one_is_refused_with_the_way_out(string json, string key, string advice)
    {
        var refusal = RefusalOf(json);

        refusal.Keys.Should().Equal(key);
        refusal.Message.Should().Contain(advice);
    }

    [Theory]
    [InlineData("""{"scheduler":"constant","learning_rate":0.001,"warmup_steps":0}""")]
    [InlineData("""{"scheduler":"constant","learning_rate":0.001,"total_steps":100,"warmup_ratio":0}""")]
    [InlineData("""{"scheduler":"piecewise_constant","learning_rate":0.001,"step_rules":"1:10,0.5","warmup_steps":0}""")]
    public void A_warmup_of_zero_is_accepted_by_a_scheduler_without_warmup(string json)
    {
        LearningRateSchedule.FromJson(json).WarmupSteps.Should().Be(0);
    }

    [Theory]
    [InlineData("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_steps":10,"warmup_ratio":0.1}""", ScheduleKeys.WarmupSteps, ScheduleKeys.WarmupRatio)]
    [InlineData("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"min_lr":0.0001,"min_lr_ratio":0.1}""", ScheduleKeys.MinLr, ScheduleKeys.MinLrRatio)]
    [InlineData("""{"scheduler":"warmup_stable_decay","learning_rate":0.001,"total_steps":100,"decay_steps":10,"decay_ratio":0.1}""", ScheduleKeys.DecaySteps, ScheduleKeys.DecayRatio)]
    public void Two_keys_for_the_same_thing_are_refused_naming_both(string json, string first, string second)
    {
        RefusalOf(json).Keys.Should().Contain([first, second]);
    }

    [Theory]
    [InlineData("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"lr_end":0.0001}""", ScheduleKeys.LrEnd)]
    [InlineData("""{"scheduler":"linear","learning_rate":0.001,"total_steps":100,"num_cycles":2}""", ScheduleKeys.NumCycles)]
    [InlineData("""{"scheduler":"cosine_with_restarts","learning_rate":0.001,"total_steps":100,"min_lr":0.0001}""", ScheduleKeys.MinLr)]
    [InlineData("""{"scheduler":"warmup_stable_decay","learning_rate":0.001,"total_steps":100,"decay_steps":10,"warmup_start_lr":0.0001}""", ScheduleKeys.WarmupStartLr)]
    public void A_key_the_scheduler_does_not_use_is_refused(string json, string key)
    {
        var refusal = RefusalOf(json);

        refusal.Keys.Should().Equal(key);
        refusal.Message.Should().Contain("not used by");
    }

    [Fact]
    public void An_unknown_key_is_refused_with_a_suggestion()
    {
        var refusal = RefusalOf("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_step":10}""");

        refusal.Keys.Should().Equal("warmup_step");
        refusal.Message.Should().Contain("Did you mean \"warmup_steps\"");
    }

    [Fact]
    public void A_misspelt_scheduler_is_refused_with_a_suggestion()
    {
        RefusalOf("""{"scheduler":"cosine_with_restart","learning_rate":0.001,"total_steps":100}""")
            .Message.Should().Contain("Did you mean \"cosine_with_restarts\"");
    }

    [Fact]
    public void Scheduler_names_are_matched_case_insensitively_and_reported_in_the_catalog_spelling()
    {
        LearningRateSchedule.FromJson("""{"scheduler":"Cosine","learning_rate":0.001,"total_steps":100}""").Name.Should().Be("cosine");
    }

    [Fact]
    public void Parameter_names_are_matched_exactly()
    {
        RefusalOf("""{"scheduler":"cosine","learning_rate":0.001,"Total_Steps":100}""").Keys.Should().Contain(["Total_Steps", ScheduleKeys.TotalSteps]);
    }

    [Theory]
    [InlineData("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100.5}""", ScheduleKeys.TotalSteps)]
    [InlineData("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_steps":2.5}""", ScheduleKeys.WarmupSteps)]
    [InlineData("""{"scheduler":"inverse_sqrt","learning_rate":0.001,"timescale":0.5}""", ScheduleKeys.Timescale)]
    public void A_fractional_step_count_is_refused(string json, string key)
    {
        var refusal = RefusalOf(json);

        refusal.Keys.Should().Equal(key);
        refusal.Message.Should().Contain("not a whole number");
    }

    [Theory]
    [InlineData("""{"scheduler":"constant","learning_rate":"NaN"}""", ScheduleKeys.LearningRate)]
    [InlineData("""{"scheduler":"constant","learning_rate":"Infinity"}""", ScheduleKeys.LearningRate)]
    [InlineData("""{"scheduler":"constant","learning_rate":1e999}""", ScheduleKeys.LearningRate)]
    [InlineData("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"num_cycles":"0.5"}""", ScheduleKeys.NumCycles)]
    [InlineData("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"num_cycles":null}""", ScheduleKeys.NumCycles)]
    [InlineData("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":[100]}""", ScheduleKeys.TotalSteps)]
    public void A_value_that_is_not_a_finite_number_is_refused(string json, string key)
    {
        RefusalOf(json).Keys.Should().Equal(key);
    }

    [Fact]
    public void A_non_finite_number_from_code_is_refused()
    {
        FluentActions.Invoking(() => LearningRateSchedule.CreateBuilder().WithScheduler("constant").WithLearningRate(double.PositiveInfinity).Build())
            .Should().Throw<ScheduleConfigurationException>().Which.Keys.Should().Equal(ScheduleKeys.LearningRate);
    }

    [Theory]
    [InlineData("""{"scheduler":"linear","learning_rate":0.001,"total_steps":100,"warmup_steps":100}""")]
    [InlineData("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":10,"warmup_ratio":0.95}""")]
    [InlineData("""{"scheduler":"inverse_sqrt","learning_rate":0.001,"total_steps":10,"warmup_steps":10}""")]
    public void A_warmup_that_leaves_no_room_for_the_decay_is_refused(string json)
    {
        RefusalOf(json).Message.Should().Contain("leaves no room for the decay");
    }

    [Fact]
    public void A_warmup_as_long_as_the_run_is_accepted_where_no_decay_follows()
    {
        LearningRateSchedule.FromJson("""{"scheduler":"constant_with_warmup","learning_rate":0.001,"total_steps":10,"warmup_steps":10}""")
            .WarmupSteps.Should().Be(10);
    }

    [Theory]
    [InlineData("""{"scheduler":"cosine","learning_rate":0.001,"warmup_steps":10}""", ScheduleKeys.TotalSteps)]
    [InlineData("""{"scheduler":"constant_with_warmup","learning_rate":0.001}""", ScheduleKeys.WarmupSteps)]
    [InlineData("""{"scheduler":"piecewise_constant","learning_rate":0.001}""", ScheduleKeys.StepRules)]
    [InlineData("""{"scheduler":"warmup_stable_decay","learning_rate":0.001,"total_steps":100}""", ScheduleKeys.DecaySteps)]
    [InlineData("""{"learning_rate":0.001}""", ScheduleKeys.Scheduler)]
    [InlineData("""{"scheduler":"constant"}""", ScheduleKeys.LearningRate)]
    public void A_missing_required_parameter_is_refused(string json, string key)
    {
        RefusalOf(json).Keys.Should().Contain(key);
    }

    [Theory]
    [InlineData("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_ratio":0.1,"warmup_start_lr":0.001}""", ScheduleKeys.WarmupStartLr)]
    [InlineData("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_start_lr":0.0001}""", ScheduleKeys.WarmupStartLr)]
    [InlineData("""{"scheduler":"linear","learning_rate":0.001,"total_steps":100,"min_lr":0.002}""", ScheduleKeys.MinLr)]
    [InlineData("""{"scheduler":"polynomial","learning_rate":0.001,"total_steps":100,"power":0}""", ScheduleKeys.Power)]
    [InlineData("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"num_cycles":0}""", ScheduleKeys.NumCycles)]
    [InlineData("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_ratio":1}""", ScheduleKeys.WarmupRatio)]
    [InlineData("""{"scheduler":"polynomial","learning_rate":1e-8,"total_steps":100}""", ScheduleKeys.LrEnd)]
    public void A_value_outside_its_range_is_refused(string json, string key)
    {
        RefusalOf(json).Keys.Should().Contain(key);
    }

    [Theory]
    [InlineData("""{"scheduler":"warmup_stable_decay","learning_rate":0.001,"total_steps":100,"warmup_steps":50,"decay_steps":60}""")]
    [InlineData("""{"scheduler":"warmup_stable_decay","learning_rate":0.001,"total_steps":100,"warmup_steps":10,"stable_steps":80,"decay_steps":20}""")]
    public void A_warmup_stable_decay_that_does_not_fit_in_total_steps_is_refused(string json)
    {
        RefusalOf(json).Keys.Should().Contain([ScheduleKeys.DecaySteps, ScheduleKeys.TotalSteps]);
    }

    [Theory]
    [InlineData("""{"scheduler":"warmup_stable_decay","learning_rate":0.001,"total_steps":100,"decay_steps":10,"decay_type":"linear","num_cycles":1}""", ScheduleKeys.NumCycles)]
    public void A_warmup_stable_decay_shape_parameter_with_nothing_to_shape_is_refused(string json, string key)
    {
        RefusalOf(json).Keys.Should().Equal(key);
    }

    [Fact]
    public void A_warmup_type_with_a_warmup_of_zero_is_accepted_as_the_zero_warmup_itself_is()
    {
        var schedule = LearningRateSchedule.FromJson(
            """{"scheduler":"warmup_stable_decay","learning_rate":0.001,"total_steps":100,"warmup_steps":0,"decay_steps":10,"warmup_type":"cosine"}""");

        schedule.GetLearningRate(0).Should().Be(0.001);
    }

    [Theory]
    [InlineData("1:10,abc:20,0.1")]
    [InlineData("1:10,1:10,0.1")]
    [InlineData("1:0,0.1")]
    [InlineData("1;10,0.1")]
    [InlineData("-1:10,0.1")]
    [InlineData("1:10,")]
    public void Malformed_step_rules_are_refused(string rules)
    {
        RefusalOf($$"""{"scheduler":"piecewise_constant","learning_rate":0.001,"step_rules":"{{rules}}"}""").Keys.Should().Equal(ScheduleKeys.StepRules);
    }

    [Fact]
    public void A_key_given_twice_is_refused()
    {
        RefusalOf("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"total_steps":200}""").Keys.Should().Equal(ScheduleKeys.TotalSteps);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var refusal = RefusalOf("""{"scheduler":"constant","learning_rate":-1,"warmup_steps":5,"power":2,"colour":"blue"}""");

        refusal.Keys.Should().BeEquivalentTo([ScheduleKeys.LearningRate, ScheduleKeys.WarmupSteps, ScheduleKeys.Power, "colour"]);
        refusal.Problems.Should().HaveCount(4);
    }

    [Fact]
    public void A_problem_quotes_the_value_as_it_was_written()
    {
        var problem = RefusalOf("""{"scheduler":"linear","learning_rate":1.50E-3,"total_steps":100,"min_lr":2.0e-3}""").Problems.Single();

        problem.ReceivedValue.Should().Be("2.0e-3");
        problem.Message.Should().StartWith("min_lr: 2.0e-3").And.Contain("[0, learning_rate)");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{"scheduler":"cosine",}""")]
    public void Unreadable_json_is_refused_with_the_configuration_exception(string json)
    {
        RefusalOf(json).Problems.Should().ContainSingle();
    }

    [Fact]
    public void The_refusal_is_an_argument_exception()
    {
        RefusalOf("""{"scheduler":"constant"}""").Should().BeAssignableTo<ArgumentException>();
    }
}
