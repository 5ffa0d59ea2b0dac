using Schedulers.Tests.Support;

namespace Schedulers.Tests.Training;

public sealed class PlateauSchedulerTests
{
    private const string Basic = """{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"factor":0.5,"patience":2,"threshold":0,"threshold_mode":"abs"}""";

    [Fact]
    public void The_value_is_halved_after_more_than_patience_reports_without_improvement()
    {
        var plateau = PlateauScheduler.FromJson(Basic);
        var values = new[] { 1.0, 1.0, 1.0, 1.0 }.Select(metric => { plateau.Report(metric); return plateau.Value; }).ToArray();

        // The first report sets the best; the next three are bad: the third bad one (> patience 2) reduces.
        values.Should().Equal(0.1, 0.1, 0.1, 0.05);
    }

    [Fact]
    public void Improving_metrics_never_reduce_the_value()
    {
        var plateau = PlateauScheduler.FromJson(Basic);
        for (var i = 0; i < 50; i++)
        {
            plateau.Report(10.0 - i);
        }

        plateau.Value.Should().Be(0.1);
        plateau.Best.Should().Be(-39.0);
    }

    [Fact]
    public void In_max_mode_a_rising_metric_is_an_improvement()
    {
        var plateau = PlateauScheduler.FromJson("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"mode":"max","patience":0}""");
        plateau.Report(0.5);
        plateau.Report(0.6);
        plateau.Value.Should().Be(0.1);

        plateau.Report(0.55);
        plateau.Value.Should().Be(0.1 * 0.1);
    }

    [Fact]
    public void The_value_never_goes_below_min_lr()
    {
        var plateau = PlateauScheduler.FromJson("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"factor":0.1,"patience":0,"min_lr":0.003}""");
        for (var i = 0; i < 20; i++)
        {
            plateau.Report(1.0);
        }

        plateau.Value.Should().Be(0.003);
    }

    [Fact]
    public void A_reduction_smaller_than_eps_is_skipped()
    {
        var plateau = PlateauScheduler.FromJson("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"factor":0.5,"patience":0,"eps":0.06}""");
        plateau.Report(1.0);
        plateau.Report(1.0);

        plateau.Value.Should().Be(0.1);
    }

    [Fact]
    public void Bad_reports_during_the_cooldown_are_not_counted()
    {
        var plateau = PlateauScheduler.FromJson("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"factor":0.5,"patience":0,"cooldown":2}""");
        plateau.Report(1.0);
        plateau.Report(1.0); // reduces to 0.05, cooldown 2
        plateau.Report(1.0); // cooldown 1
        plateau.Report(1.0); // cooldown 0
        plateau.Value.Should().Be(0.05);

        plateau.Report(1.0);
        plateau.Value.Should().Be(0.025);
    }

    [Fact]
    public void During_the_warmup_the_value_ramps_and_metrics_are_not_counted()
    {
        var plateau = PlateauScheduler.FromJson("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"warmup_steps":4,"patience":0,"factor":0.5}""");
        var ramp = new List<double>();
        for (var step = 0; step < 4; step++)
        {
            ramp.Add(plateau.Value);
            plateau.Report(1.0);
            plateau.Step();
        }

        ramp.Should().Equal(0.0, 0.1 * 0.25, 0.1 * 0.5, 0.1 * 0.75);
        plateau.Value.Should().Be(0.1);
        plateau.Best.Should().BeNull();

        plateau.Report(1.0);
        plateau.Report(1.0);
        plateau.Value.Should().Be(0.05);
    }

    [Fact]
    public void Each_group_is_reduced_from_its_own_base_down_to_its_own_floor()
    {
        var plateau = PlateauScheduler.FromJson("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"factor":0.1,"patience":0,"min_lr":1e-4}""",
            ParameterGroup.Scaled("unet", 0.1), ParameterGroup.Scaled("text_encoder", 0.05, minValue: 0.004));
        plateau.Report(1.0);
        plateau.Report(1.0);
        plateau.Values.Should().Equal(0.1 * 0.1, 0.05 * 0.1);

        plateau.Report(1.0);
        plateau.Values[0].Should().BeApproximately(0.001, 1e-18);
        plateau.Values[1].Should().Be(0.004);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_metric_that_is_not_finite_is_refused_and_changes_nothing(double metric)
    {
        var plateau = PlateauScheduler.FromJson(Basic);
        plateau.Report(1.0);
        plateau.Report(2.0);
        var before = plateau.SaveState().ToJson();

        var report = () => plateau.Report(metric);

        report.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("metric");
        plateau.SaveState().ToJson().Should().Be(before);
    }

    [Fact]
    public void The_values_handed_out_are_a_snapshot_that_later_reductions_do_not_change()
    {
        var plateau = PlateauScheduler.FromJson("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"factor":0.5,"patience":0}""");
        var before = plateau.Values;

        plateau.Report(1.0);
        plateau.Report(1.0);

        plateau.Value.Should().Be(0.05);
        before.Should().Equal(0.1);
    }

    [Fact]
    public void A_state_whose_values_are_out_of_the_groups_reach_is_refused_naming_each_and_changes_nothing()
    {
        var plateau = PlateauScheduler.FromJson(Basic, ParameterGroup.Scaled("unet", 0.1), ParameterGroup.Scaled("text_encoder", 0.05));
        var saved = plateau.SaveState().ToJson().Replace("\"values\":[0.1,0.05]", "\"values\":[0.2,0.05]", StringComparison.Ordinal);

        var restore = () => plateau.RestoreState(SchedulerState.FromJson(saved));

        restore.Should().Throw<SchedulerStateMismatchException>().Which.Keys.Should().Equal("state.values[0]");
        plateau.Values.Should().Equal(0.1, 0.05);
    }

    [Fact]
    public void Restoring_a_saved_state_reproduces_the_uninterrupted_sequence()
    {
        var random = new Random(3);
        var metrics = Enumerable.Range(0, 300).Select(i => 1.0 / (1 + (i / 40)) + (random.NextDouble() * 0.05)).ToArray();
        const string Config = """{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"warmup_steps":7,"patience":3,"cooldown":2,"factor":0.7,"min_lr":0.001}""";
        for (var stopAt = 0; stopAt < metrics.Length; stopAt += 23)
        {
            var uninterrupted = PlateauScheduler.FromJson(Config);
            var expected = new List<double>();
            string? saved = null;
            for (var i = 0; i < metrics.Length; i++)
            {
                if (i == stopAt)
                {
                    saved = uninterrupted.SaveState().ToJson();
                }

                uninterrupted.Report(metrics[i]);
                uninterrupted.Step();
                expected.Add(uninterrupted.Value);
            }

            var resumed = PlateauScheduler.FromJson(Config);
            resumed.RestoreState(SchedulerState.FromJson(saved!));
            for (var i = stopAt; i < metrics.Length; i++)
            {
                resumed.Report(metrics[i]);
                resumed.Step();
                resumed.Value.Should().Be(expected[i], "metric {0} after resuming at {1}", i, stopAt);
            }
        }
    }

    [Fact]
    public void A_schedules_state_is_refused_by_a_plateau()
    {
        var state = new ScheduleStepper(LearningRateSchedule.FromJson("""{"scheduler":"constant","learning_rate":0.1}""")).SaveState();

        var restore = () => PlateauScheduler.FromJson(Basic).RestoreState(state);

        restore.Should().Throw<SchedulerStateMismatchException>().Which.Keys.Should().Equal("state.kind");
    }

    [Fact]
    public void A_state_from_another_plateau_configuration_is_refused_naming_each_difference()
    {
        var state = PlateauScheduler.FromJson("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"patience":2}""").SaveState();

        var restore = () => PlateauScheduler.FromJson("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"patience":5}""").RestoreState(state);

        restore.Should().Throw<SchedulerStateMismatchException>().Which.Message.Should().Contain("patience").And.Contain("saved 2, now 5");
    }

    [Fact]
    public void A_curve_of_ReduceLROnPlateau_is_refused_with_the_way_to_use_it()
    {
        var create = () => LearningRateSchedule.FromJson(Basic);

        create.Should().Throw<ScheduleConfigurationException>().Which.Problems.Should().ContainSingle()
            .Which.Message.Should().Contain("PlateauScheduler").And.Contain("schedulers replay");
    }

    [Fact]
    public void ReduceLROnPlateau_as_a_child_of_SequentialLR_is_refused_under_its_path()
    {
        var create = () => LearningRateSchedule.FromJson("""{"scheduler":"SequentialLR","learning_rate":0.1,"milestones":[10],"schedulers":[{"scheduler":"LinearLR"},{"scheduler":"ReduceLROnPlateau"}]}""");

        create.Should().Throw<ScheduleConfigurationException>().Which.Keys().Should().Contain("schedulers[1].scheduler");
    }

    [Fact]
    public void A_schedule_of_the_step_is_refused_by_the_plateau_factory()
    {
        var create = () => PlateauScheduler.FromJson("""{"scheduler":"cosine","learning_rate":0.1,"total_steps":10}""");

        create.Should().Throw<ScheduleConfigurationException>().Which.Problems.Should().ContainSingle()
            .Which.Message.Should().Contain("ScheduleStepper");
    }

    [Fact]
    public void Every_invalid_argument_is_listed_at_once()
    {
        var create = () => PlateauScheduler.FromJson("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"mode":"lowest","factor":1.0,"patience":-1,"threshold_mode":"relative","cooldown":1.5,"eps":-1}""");

        create.Should().Throw<ScheduleConfigurationException>().Which.Keys().Should()
            .BeEquivalentTo(ScheduleKeys.Mode, ScheduleKeys.Factor, ScheduleKeys.Patience, ScheduleKeys.ThresholdMode, ScheduleKeys.Cooldown, ScheduleKeys.Eps);
    }

    [Fact]
    public void total_steps_without_a_warmup_ratio_is_refused_because_it_would_do_nothing()
    {
        var create = () => PlateauScheduler.FromJson("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"total_steps":1000}""");

        create.Should().Throw<ScheduleConfigurationException>().Which.Keys().Should().Equal(ScheduleKeys.TotalSteps);
    }

    [Fact]
    public void A_warmup_ratio_is_a_share_of_total_steps()
    {
        var plateau = PlateauScheduler.FromJson("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"total_steps":1000,"warmup_ratio":0.01}""");
        for (var i = 0; i < 5; i++)
        {
            plateau.Step();
        }

        plateau.Value.Should().BeApproximately(0.05, 1e-17);
    }

    [Fact]
    public void min_lr_is_refused_when_every_group_sets_its_own_floor()
    {
        var create = () => PlateauScheduler.FromJson("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"min_lr":0.001}""", ParameterGroup.Scaled("unet", 0.1, minValue: 0.01));

        create.Should().Throw<ScheduleConfigurationException>().Which.Keys().Should().Equal(ScheduleKeys.MinLr);
    }

    [Fact]
    public void Value_of_a_plateau_scheduler_with_several_groups_is_refused_naming_them()
    {
        var plateau = PlateauScheduler.FromJson(Basic, ParameterGroup.Scaled("backbone", 0.01), ParameterGroup.Scaled("head", 0.1));

        FluentActions.Invoking(() => plateau.Value).Should().Throw<InvalidOperationException>()
            .WithMessage("*backbone, head*Values*");
    }
}
