namespace Schedulers.Tests.Timm;

/// <summary>What timm's schedulers refuse, each refusal naming the keys at fault (MessageTests pin the wording of one per family).</summary>
public sealed class TimmRefusalTests
{
    private static ScheduleConfigurationException RefusalOf(string json) =>
        FluentActions.Invoking(() => LearningRateSchedule.FromJson(json)).Should().Throw<ScheduleConfigurationException>().Which;

    [Theory]
    [InlineData("""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":10,"warmup_lr_init":0.01}""", "warmup_lr_init")]
    [InlineData("""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":10,"warmup_prefix":true}""", "warmup_prefix")]
    [InlineData("""{"scheduler":"StepLRScheduler","learning_rate":0.1,"decay_t":10,"warmup_t":0,"warmup_prefix":false}""", "warmup_prefix")]
    public void A_warmup_key_without_a_warmup_is_refused(string json, string key)
    {
        RefusalOf(json).Keys.Should().Equal(key);
    }

    [Fact]
    public void A_warmup_as_long_as_the_training_is_refused_naming_both_lengths()
    {
        RefusalOf("""{"scheduler":"PolyLRScheduler","learning_rate":0.1,"t_initial":10,"total_steps":20,"warmup_t":20}""").Keys.Should().Equal("warmup_t", "total_steps");
    }

    [Theory]
    [InlineData("warmup_steps", "10", "warmup_t")]
    [InlineData("warmup_ratio", "0.1", "warmup_t")]
    [InlineData("warmup_start_lr", "0.01", "warmup_lr_init")]
    public void A_warmup_in_the_other_families_words_points_to_timms_key(string key, string value, string timmKey)
    {
        var refusal = RefusalOf($$"""{"scheduler":"TanhLRScheduler","learning_rate":0.1,"t_initial":50,"total_steps":100,"{{key}}":{{value}}}""");

        refusal.Keys.Should().Equal(key);
        refusal.Message.Should().Contain(timmKey);
    }

    [Fact]
    public void A_warmup_of_0_in_the_other_families_words_is_accepted_as_everywhere()
    {
        LearningRateSchedule.FromJson("""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":50,"warmup_steps":0}""").GetLearningRate(0).Should().Be(0.1);
    }

    [Theory]
    [InlineData("noise_pct", "0.2")]
    [InlineData("noise_seed", "3")]
    [InlineData("noise_std", "1.0")]
    public void A_noise_key_without_noise_range_t_is_refused(string key, string value)
    {
        RefusalOf($$"""{"scheduler":"MultiStepLRScheduler","learning_rate":0.1,"decay_t":[5],"{{key}}":{{value}}}""").Keys.Should().Equal(key);
    }

    [Fact]
    public void A_noise_key_beside_a_refused_noise_range_t_is_not_refused_twice()
    {
        RefusalOf("""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":50,"noise_range_t":-3,"noise_pct":0.2}""").Keys.Should().Equal("noise_range_t");
    }

    [Fact]
    public void A_noise_std_other_than_1_is_refused_because_timm_never_reads_it()
    {
        var refusal = RefusalOf("""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":50,"noise_range_t":5,"noise_std":0.5}""");

        refusal.Keys.Should().Equal("noise_std");
        refusal.Message.Should().Contain("never uses it");
    }

    [Fact]
    public void A_noise_std_without_noise_range_t_is_refused_once()
    {
        RefusalOf("""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":50,"noise_std":2}""").Problems.Should().ContainSingle();
    }

    [Theory]
    [InlineData("[30, 10]")]
    [InlineData("[10, 10]")]
    [InlineData("[5]")]
    [InlineData("[1, 2, 3]")]
    [InlineData("[1, 2.5]")]
    [InlineData("-1")]
    [InlineData("2.5")]
    [InlineData("\"10\"")]
    public void A_noise_range_that_is_not_a_step_or_a_non_empty_range_of_steps_is_refused(string range)
    {
        RefusalOf($$"""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":50,"noise_range_t":{{range}}}""").Keys.Should().Equal("noise_range_t");
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("0")]
    [InlineData("1.5")]
    public void A_noise_bound_the_redraws_could_not_meet_or_that_would_turn_the_rate_negative_is_refused(string percent)
    {
        RefusalOf($$"""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":50,"noise_range_t":5,"noise_pct":{{percent}}}""").Keys.Should().Equal("noise_pct");
    }

    [Theory]
    [InlineData("cycle_mul", "2.0")]
    [InlineData("cycle_decay", "0.5")]
    public void A_cycle_shape_with_a_single_cycle_is_refused(string key, string value)
    {
        RefusalOf($$"""{"scheduler":"PolyLRScheduler","learning_rate":0.1,"t_initial":50,"{{key}}":{{value}}}""").Keys.Should().Equal(key, "cycle_limit");
    }

    [Theory]
    [InlineData("cycle_limit", "0")]
    [InlineData("cycle_decay", "1.5")]
    [InlineData("cycle_mul", "0")]
    [InlineData("k_decay", "0")]
    [InlineData("t_initial", "2.5")]
    [InlineData("lr_min", "0.1")]
    public void A_cycle_key_out_of_range_is_refused(string key, string value)
    {
        RefusalOf($$"""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":50,"cycle_limit":2,"{{key}}":{{value}}}""").Keys.Should().Equal(key);
    }

    [Theory]
    [InlineData(3.0, 3.0)]
    [InlineData(3.0, -7.0)]
    public void A_tanh_range_that_does_not_rise_from_lb_to_ub_is_refused_naming_both(double lb, double ub)
    {
        RefusalOf($$"""{"scheduler":"TanhLRScheduler","learning_rate":0.1,"t_initial":50,"lb":{{lb}},"ub":{{ub}}}""").Keys.Should().Equal("lb", "ub");
    }

    [Fact]
    public void An_lb_above_the_default_ub_is_refused_naming_both()
    {
        RefusalOf("""{"scheduler":"TanhLRScheduler","learning_rate":0.1,"t_initial":50,"lb":4}""").Keys.Should().Equal("lb", "ub");
    }

    [Fact]
    public void Decay_steps_out_of_order_are_refused_as_timms_bisect_would_miscount_them()
    {
        RefusalOf("""{"scheduler":"MultiStepLRScheduler","learning_rate":0.1,"decay_t":[20,10]}""").Keys.Should().Equal("decay_t");
    }

    [Fact]
    public void A_repeated_decay_step_counts_twice()
    {
        LearningRateSchedule.FromJson("""{"scheduler":"MultiStepLRScheduler","learning_rate":0.1,"decay_t":[10,10],"decay_rate":0.5}""").GetLearningRate(9).Should().Be(0.025);
    }

    [Theory]
    [InlineData("""{"scheduler":"StepLRScheduler","learning_rate":0.1,"decay_t":0}""", "decay_t")]
    [InlineData("""{"scheduler":"StepLRScheduler","learning_rate":0.1,"decay_t":[10]}""", "decay_t")]
    [InlineData("""{"scheduler":"StepLRScheduler","learning_rate":0.1,"decay_t":10,"decay_rate":1.5}""", "decay_rate")]
    [InlineData("""{"scheduler":"MultiStepLRScheduler","learning_rate":0.1,"decay_t":10}""", "decay_t")]
    [InlineData("""{"scheduler":"MultiStepLRScheduler","learning_rate":0.1,"decay_t":[0,10]}""", "decay_t")]
    public void A_step_scheduler_refuses_decays_of_the_wrong_shape_or_size(string json, string key)
    {
        RefusalOf(json).Keys.Should().Equal(key);
    }

    [Fact]
    public void Every_problem_of_a_timm_configuration_is_listed_together()
    {
        var refusal = RefusalOf("""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":0,"warmup_lr_init":0.01,"noise_seed":4,"cycle_decay":0.5}""");

        refusal.Keys.Should().BeEquivalentTo(["t_initial", "warmup_lr_init", "noise_seed", "cycle_decay", "cycle_limit"]);
    }
}
