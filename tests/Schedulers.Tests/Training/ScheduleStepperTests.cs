using Schedulers.Tests.Support;

namespace Schedulers.Tests.Training;

public sealed class ScheduleStepperTests
{
    private static readonly LearningRateSchedule Cosine =
        LearningRateSchedule.FromJson("""{"scheduler":"cosine","learning_rate":0.001,"warmup_steps":10,"total_steps":100}""");

    public static TheoryData<string> Schedulers => [.. RandomConfigurations.SchedulerNames];

    [Fact]
    public void The_value_at_each_step_is_the_schedules_learning_rate()
    {
        var stepper = new ScheduleStepper(Cosine);

        for (var step = 0; step <= 120; step++)
        {
            stepper.CurrentStep.Should().Be(step);
            stepper.Value.Should().Be(Cosine.GetLearningRate(step));
            stepper.Step();
        }
    }

    [Fact]
    public void Scaled_groups_take_their_base_value_times_the_schedules_factor()
    {
        var stepper = new ScheduleStepper(Cosine, ParameterGroup.Scaled("unet", 1e-4), ParameterGroup.Scaled("text_encoder", 5e-5));
        for (var i = 0; i < 37; i++)
        {
            stepper.Step();
        }

        var factor = Cosine.GetLearningRate(37) / 0.001;
        stepper.Values[0].Should().BeApproximately(1e-4 * factor, 1e-19);
        stepper.Values[1].Should().BeApproximately(5e-5 * factor, 1e-19);
    }

    [Fact]
    public void A_group_with_its_own_schedule_follows_that_schedule()
    {
        var constant = LearningRateSchedule.FromJson("""{"scheduler":"constant","learning_rate":0.02}""");
        var stepper = new ScheduleStepper(Cosine, ParameterGroup.Scaled("model", 0.001), ParameterGroup.Scheduled("head", constant));
        for (var i = 0; i < 50; i++)
        {
            stepper.Step();
        }

        stepper.Values.Should().Equal(Cosine.GetLearningRate(50), 0.02);
    }

    [Fact]
    public void A_schedule_can_drive_momentum_or_any_other_scalar()
    {
        // OneCycle-style momentum: down from 0.95 to 0.85 while the learning rate rises, then back up.
        var momentum = LearningRateSchedule.FromJson("""{"scheduler":"interpolated","points":[[0,0.95],[30,0.85],[100,0.95]],"method":"linear"}""");
        var stepper = new ScheduleStepper(Cosine, ParameterGroup.Scaled("lr", 0.001), ParameterGroup.Scheduled("momentum", momentum));
        var seen = new Dictionary<long, double>();
        for (var step = 0; step <= 100; step++, stepper.Step())
        {
            seen[step] = stepper.Values[1];
        }

        seen[0].Should().BeApproximately(0.95, 1e-15);
        seen[15].Should().BeApproximately(0.90, 1e-15);
        seen[30].Should().BeApproximately(0.85, 1e-15);
        seen[65].Should().BeApproximately(0.90, 1e-15);
        seen[100].Should().BeApproximately(0.95, 1e-15);
    }

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void Restoring_a_saved_state_reproduces_the_uninterrupted_sequence(string scheduler)
    {
        var random = new Random(scheduler.Length * 17);
        for (var n = 0; n < 5; n++)
        {
            var schedule = RandomConfigurations.Create(scheduler, random);
            var uninterrupted = new ScheduleStepper(schedule, ParameterGroup.Scaled("a", 0.5), ParameterGroup.Scaled("b", 2.0));
            var stopAt = random.Next(0, 400);
            var expected = new List<double[]>();
            string? saved = null;
            for (var step = 0; step < 500; step++, uninterrupted.Step())
            {
                if (step == stopAt)
                {
                    saved = uninterrupted.SaveState().ToJson();
                }

                expected.Add([.. uninterrupted.Values]);
            }

            var resumed = new ScheduleStepper(RandomConfigurationsRoundTrip(schedule), ParameterGroup.Scaled("a", 0.5), ParameterGroup.Scaled("b", 2.0));
            resumed.RestoreState(SchedulerState.FromJson(saved!));
            for (var step = stopAt; step < 500; step++, resumed.Step())
            {
                resumed.Values.Should().Equal(expected[step], "step {0} of {1} resumed at {2}", step, schedule, stopAt);
            }
        }
    }

    [Fact]
    public void The_values_handed_out_are_a_snapshot_that_later_steps_do_not_change()
    {
        var stepper = new ScheduleStepper(Cosine, ParameterGroup.Scaled("unet", 1e-4), ParameterGroup.Scaled("text_encoder", 5e-5));
        var atStart = stepper.Values;

        stepper.Step();

        atStart.Should().Equal(0.0, 0.0);
        stepper.Values[0].Should().BeApproximately(1e-5, 1e-20, "a tenth of the way through the warmup");
    }

    [Fact]
    public void A_refused_state_leaves_the_stepper_where_it_was()
    {
        var stepper = new ScheduleStepper(Cosine);
        stepper.Step();
        var plateauState = PlateauScheduler.FromJson("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.001}""").SaveState();

        var restore = () => stepper.RestoreState(plateauState);

        restore.Should().Throw<SchedulerStateMismatchException>();
        stepper.CurrentStep.Should().Be(1);
    }

    [Fact]
    public void A_function_schedule_can_be_saved_and_restored()
    {
        var lambda = LearningRateSchedule.FromFunction(0.01, step => 1.0 / (1 + step));
        var stepper = new ScheduleStepper(lambda);
        stepper.Step();
        stepper.Step();
        var state = stepper.SaveState();

        var resumed = new ScheduleStepper(LearningRateSchedule.FromFunction(0.01, step => 1.0 / (1 + step)));
        resumed.RestoreState(state);

        resumed.Value.Should().BeApproximately(0.01 / 3, 1e-18);
    }

    [Fact]
    public void A_state_saved_for_another_total_steps_is_refused_saying_what_it_was_and_is()
    {
        var state = new ScheduleStepper(LearningRateSchedule.FromJson("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":1000}""")).SaveState();
        var other = new ScheduleStepper(LearningRateSchedule.FromJson("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":2000}"""));

        var refusal = FluentActions.Invoking(() => other.RestoreState(state)).Should().Throw<SchedulerStateMismatchException>().Which;

        refusal.Keys.Should().Equal(ScheduleKeys.TotalSteps);
        refusal.Message.Should().Contain("saved 1000, now 2000");
    }

    [Fact]
    public void A_state_saved_with_another_group_value_is_refused_naming_the_group()
    {
        var state = new ScheduleStepper(Cosine, ParameterGroup.Scaled("unet", 1e-4)).SaveState();
        var other = new ScheduleStepper(Cosine, ParameterGroup.Scaled("unet", 2e-4));

        var refusal = FluentActions.Invoking(() => other.RestoreState(state)).Should().Throw<SchedulerStateMismatchException>().Which;

        refusal.Keys.Should().Equal("groups.unet.base_value");
        refusal.Message.Should().Contain("saved 0.0001, now 0.0002");
    }

    [Fact]
    public void A_state_saved_with_the_groups_in_another_order_is_refused_showing_both_orders()
    {
        var state = new ScheduleStepper(Cosine, ParameterGroup.Scaled("backbone", 1e-4), ParameterGroup.Scaled("head", 1e-3)).SaveState();
        var other = new ScheduleStepper(Cosine, ParameterGroup.Scaled("head", 1e-3), ParameterGroup.Scaled("backbone", 1e-4));

        var refusal = FluentActions.Invoking(() => other.RestoreState(state)).Should().Throw<SchedulerStateMismatchException>().Which;

        refusal.Keys.Should().Equal("groups");
        refusal.Message.Should().Contain("saved [backbone, head], now [head, backbone]");
    }

    [Fact]
    public void A_state_without_its_setup_is_refused_by_fingerprint_alone()
    {
        var saved = new ScheduleStepper(Cosine, ParameterGroup.Scaled("unet", 1e-4)).SaveState();
        var withoutSetup = SchedulerState.FromJson($$"""{"kind":"schedule","fingerprint":"{{saved.Fingerprint}}","step":3}""");
        var other = new ScheduleStepper(Cosine, ParameterGroup.Scaled("unet", 2e-4));

        var restore = () => other.RestoreState(withoutSetup);

        restore.Should().Throw<SchedulerStateMismatchException>().Which.Keys.Should().Equal("state.fingerprint");
    }

    [Fact]
    public void A_saved_state_with_a_malformed_setup_is_refused()
    {
        var read = () => SchedulerState.FromJson("""{"kind":"schedule","fingerprint":"0000000000000000000000000000000000000000000000000000000000000000","step":3,"setup":{"configuration":7}}""");

        read.Should().Throw<ScheduleConfigurationException>().Which.Keys().Should().Equal("state.setup");
    }

    [Fact]
    public void A_plateau_floor_on_a_schedules_group_is_refused()
    {
        var create = () => new ScheduleStepper(Cosine, ParameterGroup.Scaled("unet", 1e-4, minValue: 1e-6));

        create.Should().Throw<ScheduleConfigurationException>().Which.Keys().Should().Equal("groups.unet.min_value");
    }

    [Fact]
    public void Two_groups_with_one_name_are_refused()
    {
        var create = () => new ScheduleStepper(Cosine, ParameterGroup.Scaled("unet", 1e-4), ParameterGroup.Scaled("unet", 2e-4));

        create.Should().Throw<ScheduleConfigurationException>().Which.Keys().Should().Equal("groups.unet");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-4)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_group_base_value_that_is_not_positive_and_finite_is_refused(double baseValue)
    {
        var create = () => ParameterGroup.Scaled("unet", baseValue);

        create.Should().Throw<ScheduleConfigurationException>().Which.Keys().Should().Equal("groups.unet.base_value");
    }

    private static LearningRateSchedule RandomConfigurationsRoundTrip(LearningRateSchedule schedule) => LearningRateSchedule.FromJson(schedule.ToJson());

    [Fact]
    public void Value_of_a_stepper_with_several_groups_is_refused_naming_them()
    {
        var stepper = new ScheduleStepper(Cosine, ParameterGroup.Scaled("backbone", 1e-4), ParameterGroup.Scaled("head", 1e-3));

        FluentActions.Invoking(() => stepper.Value).Should().Throw<InvalidOperationException>()
            .WithMessage("*backbone, head*Values*");
    }

    [Fact]
    public void Value_of_a_stepper_with_one_group_is_that_groups_value()
    {
        var stepper = new ScheduleStepper(Cosine, ParameterGroup.Scaled("backbone", 1e-4));
        stepper.Step();

        stepper.Value.Should().Be(stepper.Values.Single());
    }
}
