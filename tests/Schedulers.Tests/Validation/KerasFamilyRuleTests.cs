namespace Schedulers.Tests.Validation;

/// <summary>The refusals of the Keras family: Keras's name for the base rate, CosineDecay's warmup pair, and the ranges where Keras would return NaN.</summary>
public sealed class KerasFamilyRuleTests
{
    private static ScheduleConfigurationException RefusalOf(string json) =>
        FluentActions.Invoking(() => LearningRateSchedule.FromJson(json)).Should().Throw<ScheduleConfigurationException>().Which;

    [Theory]
    [InlineData("""{"scheduler":"ExponentialDecay","learning_rate":0.001,"decay_steps":10,"decay_rate":0.9}""")]
    [InlineData("""{"scheduler":"InverseTimeDecay","learning_rate":0.001,"decay_steps":10,"decay_rate":0.5}""")]
    [InlineData("""{"scheduler":"PolynomialDecay","learning_rate":0.001,"decay_steps":10}""")]
    [InlineData("""{"scheduler":"CosineDecay","learning_rate":0.001,"decay_steps":10}""")]
    [InlineData("""{"scheduler":"CosineDecayRestarts","learning_rate":0.001,"first_decay_steps":10}""")]
    public void A_learning_rate_given_to_a_Keras_scheduler_is_refused_with_a_pointer_to_initial_learning_rate(string json)
    {
        var refusal = RefusalOf(json);

        refusal.Keys.Should().Equal(ScheduleKeys.LearningRate);
        refusal.Message.Should().Contain("Keras names it initial_learning_rate");
    }

    [Fact]
    public void A_Keras_scheduler_without_initial_learning_rate_is_refused_naming_it()
    {
        RefusalOf("""{"scheduler":"ExponentialDecay","decay_steps":10,"decay_rate":0.9}""").Keys.Should().Equal(ScheduleKeys.InitialLearningRate);
    }

    [Fact]
    public void A_learning_rate_given_to_PiecewiseConstantDecay_is_refused_because_its_values_are_the_learning_rates()
    {
        var refusal = RefusalOf("""{"scheduler":"PiecewiseConstantDecay","learning_rate":0.1,"boundaries":[10],"values":[0.1,0.01]}""");

        refusal.Keys.Should().Equal(ScheduleKeys.LearningRate);
        refusal.Message.Should().Contain("values");
    }

    [Fact]
    public void CosineDecay_refuses_warmup_steps_without_a_warmup_target()
    {
        RefusalOf("""{"scheduler":"CosineDecay","initial_learning_rate":0.001,"decay_steps":100,"warmup_steps":10}""").Keys.Should().Equal(ScheduleKeys.WarmupSteps);
    }

    [Theory]
    [InlineData("""{"scheduler":"CosineDecay","initial_learning_rate":0.001,"decay_steps":100,"warmup_target":0.01}""")]
    [InlineData("""{"scheduler":"CosineDecay","initial_learning_rate":0.001,"decay_steps":100,"warmup_target":0.01,"warmup_steps":0}""")]
    public void CosineDecay_refuses_a_warmup_target_without_warmup_steps(string json)
    {
        RefusalOf(json).Keys.Should().Equal(ScheduleKeys.WarmupTarget);
    }

    [Fact]
    public void CosineDecay_accepts_a_warmup_of_0_without_a_target()
    {
        LearningRateSchedule.FromJson("""{"scheduler":"CosineDecay","initial_learning_rate":0.001,"decay_steps":100,"warmup_steps":0}""")
            .GetLearningRate(0).Should().Be(0.001);
    }

    [Fact]
    public void CosineDecay_refuses_an_initial_learning_rate_of_0_without_a_warmup()
    {
        RefusalOf("""{"scheduler":"CosineDecay","initial_learning_rate":0,"decay_steps":100}""").Keys.Should().Equal(ScheduleKeys.InitialLearningRate);
    }

    [Fact]
    public void CosineDecay_warms_up_from_an_initial_learning_rate_of_0()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"CosineDecay","initial_learning_rate":0,"decay_steps":100,"warmup_target":0.002,"warmup_steps":4}""");

        schedule.GetLearningRate(0).Should().Be(0);
        schedule.GetLearningRate(2).Should().Be(0.001);
        schedule.GetLearningRate(4).Should().Be(0.002);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void CosineDecayRestarts_refuses_a_t_mul_below_1_whose_periods_would_shrink_to_nothing(double tMul)
    {
        RefusalOf($$"""{"scheduler":"CosineDecayRestarts","initial_learning_rate":0.001,"first_decay_steps":10,"t_mul":{{tMul}}}""").Keys.Should().Equal(ScheduleKeys.TMul);
    }

    [Fact]
    public void CosineDecayRestarts_refuses_an_m_mul_above_1_whose_peaks_would_grow_without_bound()
    {
        RefusalOf("""{"scheduler":"CosineDecayRestarts","initial_learning_rate":0.001,"first_decay_steps":10,"m_mul":1.5}""").Keys.Should().Equal(ScheduleKeys.MMul);
    }

    [Theory]
    [InlineData("""{"scheduler":"ExponentialDecay","initial_learning_rate":0.001,"decay_steps":0,"decay_rate":0.9}""", "decay_steps")]
    [InlineData("""{"scheduler":"ExponentialDecay","initial_learning_rate":0.001,"decay_steps":10,"decay_rate":1.5}""", "decay_rate")]
    [InlineData("""{"scheduler":"InverseTimeDecay","initial_learning_rate":0.001,"decay_steps":10,"decay_rate":-1}""", "decay_rate")]
    [InlineData("""{"scheduler":"PolynomialDecay","initial_learning_rate":0.001,"decay_steps":10,"power":0}""", "power")]
    [InlineData("""{"scheduler":"PolynomialDecay","initial_learning_rate":0.001,"decay_steps":10,"end_learning_rate":-0.1}""", "end_learning_rate")]
    [InlineData("""{"scheduler":"CosineDecay","initial_learning_rate":0.001,"decay_steps":10,"alpha":1}""", "alpha")]
    public void A_Keras_value_out_of_its_range_is_refused_naming_its_key(string json, string key)
    {
        RefusalOf(json).Keys.Should().Equal(key);
    }

    [Fact]
    public void PiecewiseConstantDecay_refuses_boundaries_that_are_not_strictly_increasing()
    {
        RefusalOf("""{"scheduler":"PiecewiseConstantDecay","boundaries":[20,20],"values":[0.1,0.01,0.001]}""").Keys.Should().Equal(ScheduleKeys.Boundaries);
    }

    [Fact]
    public void PiecewiseConstantDecay_refuses_values_that_are_not_one_more_than_boundaries()
    {
        var refusal = RefusalOf("""{"scheduler":"PiecewiseConstantDecay","boundaries":[10,20],"values":[0.1,0.01,0.001,0.0001]}""");

        refusal.Keys.Should().Equal(ScheduleKeys.Values);
        refusal.Message.Should().Contain("4 learning rates for 2 boundaries");
    }

    [Theory]
    [InlineData("""[0.1, "0.01"]""")]
    [InlineData("""[0.1, -0.01]""")]
    [InlineData("""[0.1, 1e31]""")]
    [InlineData("""[]""")]
    public void PiecewiseConstantDecay_refuses_values_that_are_not_learning_rates(string values)
    {
        RefusalOf($$"""{"scheduler":"PiecewiseConstantDecay","boundaries":[10],"values":{{values}}}""").Keys.Should().Contain(ScheduleKeys.Values);
    }

    [Fact]
    public void PiecewiseConstantDecay_refuses_values_that_are_all_0()
    {
        RefusalOf("""{"scheduler":"PiecewiseConstantDecay","boundaries":[10],"values":[0,0]}""").Keys.Should().Equal(ScheduleKeys.Values);
    }

    [Fact]
    public void The_lenient_path_moves_a_learning_rate_to_initial_learning_rate_and_says_so()
    {
        var result = LearningRateSchedule.CreateLenient(ScheduleOptions.FromJson("""{"scheduler":"ExponentialDecay","learning_rate":0.001,"decay_steps":10,"decay_rate":0.9}"""));

        result.Schedule.GetLearningRate(0).Should().Be(0.001);
        result.Adjustments.Select(adjustment => adjustment.Key).Should().Equal(ScheduleKeys.LearningRate, ScheduleKeys.InitialLearningRate);
    }

    [Fact]
    public void The_lenient_path_removes_a_learning_rate_given_beside_initial_learning_rate()
    {
        var result = LearningRateSchedule.CreateLenient(ScheduleOptions.FromJson("""{"scheduler":"ExponentialDecay","learning_rate":0.5,"initial_learning_rate":0.001,"decay_steps":10,"decay_rate":0.9}"""));

        result.Schedule.GetLearningRate(0).Should().Be(0.001);
        result.Adjustments.Should().ContainSingle().Which.Key.Should().Be(ScheduleKeys.LearningRate);
    }

    [Fact]
    public void The_lenient_path_keeps_Keras_s_curve_for_a_warmup_target_without_warmup_steps()
    {
        var result = LearningRateSchedule.CreateLenient(ScheduleOptions.FromJson("""{"scheduler":"CosineDecay","initial_learning_rate":0.001,"decay_steps":100,"warmup_target":0.01}"""));

        // Keras decays from warmup_target when there is no warmup.
        result.Schedule.GetLearningRate(0).Should().Be(0.01);
        result.Adjustments.Select(adjustment => adjustment.Key).Should().Equal(ScheduleKeys.WarmupTarget, ScheduleKeys.InitialLearningRate);
    }

    [Fact]
    public void The_lenient_path_raises_a_t_mul_below_1_to_1()
    {
        var result = LearningRateSchedule.CreateLenient(ScheduleOptions.FromJson("""{"scheduler":"CosineDecayRestarts","initial_learning_rate":0.001,"first_decay_steps":10,"t_mul":0.5}"""));

        result.Schedule.Options.TryGetValue(ScheduleKeys.TMul, out var tMul).Should().BeTrue();
        tMul!.NumberValue.Should().Be(1);
    }

    [Fact]
    public void The_lenient_path_removes_warmup_steps_without_a_warmup_target()
    {
        var result = LearningRateSchedule.CreateLenient(ScheduleOptions.FromJson("""{"scheduler":"CosineDecay","initial_learning_rate":0.001,"decay_steps":100,"warmup_steps":10}"""));

        result.Schedule.WarmupSteps.Should().Be(0);
        result.Adjustments.Should().ContainSingle().Which.Key.Should().Be(ScheduleKeys.WarmupSteps);
    }
}
