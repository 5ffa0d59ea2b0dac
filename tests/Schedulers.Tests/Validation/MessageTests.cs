namespace Schedulers.Tests.Validation;

/// <summary>
/// Every kind of refusal pinned word for word, one message per family: a change to any message shows up here first,
/// and must be meant.
/// </summary>
public sealed class MessageTests
{
    private const string Invalid = "The schedule configuration is invalid: ";

    private static string RefusalOf(string json) =>
        FluentActions.Invoking(() => LearningRateSchedule.FromJson(json)).Should().Throw<ScheduleConfigurationException>().Which.Message;

    [Fact]
    public void A_value_of_the_wrong_type_names_its_type_and_what_was_expected()
    {
        RefusalOf("""{"scheduler":"cosine","learning_rate":true,"total_steps":100}""")
            .Should().Be(Invalid + "learning_rate: true is a boolean: expected a number > 0.");
    }

    [Fact]
    public void A_number_written_as_a_string_is_told_to_drop_the_quotes()
    {
        RefusalOf("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":"100"}""")
            .Should().Be(Invalid + "total_steps: \"100\" is a string: expected an integer >= 1; write the number without quotes.");
    }

    [Fact]
    public void A_null_for_an_optional_key_is_told_to_remove_the_key()
    {
        RefusalOf("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_steps":null}""")
            .Should().Be(Invalid + "warmup_steps: null is not a value: expected an integer >= 0; remove the key to use the default.");
    }

    [Fact]
    public void A_value_that_is_not_finite_is_refused_as_such()
    {
        var options = new ScheduleBuilder().WithScheduler("cosine").WithLearningRate(double.PositiveInfinity).WithTotalSteps(100).Options;

        FluentActions.Invoking(() => LearningRateSchedule.Create(options)).Should().Throw<ScheduleConfigurationException>()
            .Which.Message.Should().Be(Invalid + "learning_rate: Infinity is not a finite number: expected a number > 0.");
    }

    [Fact]
    public void A_number_beyond_the_largest_magnitude_quotes_the_limit()
    {
        RefusalOf("""{"scheduler":"cosine","learning_rate":1e31,"total_steps":100}""")
            .Should().Be(Invalid + "learning_rate: 1e31 is too large: expected a number > 0; numbers must be at most 1e30 in magnitude, so that curves stay finite in single precision.");
    }

    [Fact]
    public void A_step_count_beyond_the_exact_range_quotes_the_limit()
    {
        RefusalOf("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":1e17}""")
            .Should().Be(Invalid + "total_steps: 1e17 is too large: expected an integer >= 1; step counts must be at most 2^53 (9007199254740992).");
    }

    [Fact]
    public void A_fraction_where_a_step_count_belongs_is_refused_as_not_whole()
    {
        RefusalOf("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_steps":2.5}""")
            .Should().Be(Invalid + "warmup_steps: 2.5 is not a whole number: expected an integer >= 0.");
    }

    [Fact]
    public void A_value_out_of_range_is_refused_with_the_range()
    {
        RefusalOf("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_steps":-1}""")
            .Should().Be(Invalid + "warmup_steps: -1 is out of range: expected an integer >= 0.");
    }

    [Fact]
    public void A_floor_not_below_the_learning_rate_quotes_the_learning_rate()
    {
        RefusalOf("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"min_lr":0.002}""")
            .Should().Be(Invalid + "min_lr: 0.002 is not below learning_rate 0.001: expected a number in [0, learning_rate).");
    }

    [Fact]
    public void A_string_that_is_not_a_choice_lists_the_choices_and_suggests_the_closest()
    {
        RefusalOf("""{"scheduler":"interpolated","points":[[0,0.001],[10,0.0001]],"method":"linar"}""")
            .Should().Be(Invalid + "method: \"linar\" is not valid: expected one of \"pchip\", \"linear\", \"log_linear\". Did you mean \"linear\"?");
    }

    [Fact]
    public void A_list_with_an_item_of_the_wrong_kind_is_refused_as_not_valid()
    {
        RefusalOf("""{"scheduler":"MultiStepLR","learning_rate":0.1,"milestones":[10,2.5]}""")
            .Should().Be(Invalid + "milestones: [10, 2.5] is not valid: expected a non-empty list of integers >= 1.");
    }

    [Fact]
    public void A_bad_control_point_is_named_by_its_index_with_the_limits()
    {
        RefusalOf("""{"scheduler":"interpolated","points":[[0,0.001],[5,-1]]}""")
            .Should().Be(Invalid + "points: [[0, 0.001], [5, -1]] is not valid: expected a list of at least two [step, learning_rate] pairs: steps whole numbers >= 0, learning rates finite and >= 0; "
                + "point 1 ([5, -1]) is not a [step, learning_rate] pair with a whole step in [0, 2^53 (9007199254740992)] and a learning rate in [0, 1e30].");
    }

    [Fact]
    public void An_unknown_key_is_refused_with_the_key_it_resembles()
    {
        RefusalOf("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_step":10}""")
            .Should().Be(Invalid + "warmup_step: is not a parameter of any scheduler. Did you mean \"warmup_steps\"? Remove it.");
    }

    [Fact]
    public void An_unknown_scheduler_is_refused_with_the_name_it_resembles_and_every_name()
    {
        var names = string.Join(", ", SchedulerCatalog.All.Select(scheduler => scheduler.Name));

        RefusalOf("""{"scheduler":"cosin","learning_rate":0.001,"total_steps":100}""")
            .Should().Be(Invalid + $"scheduler: \"cosin\" is not a known scheduler. Did you mean \"cosine\"? Valid: {names}.");
    }

    [Fact]
    public void A_missing_scheduler_is_refused_with_every_name()
    {
        var names = string.Join(", ", SchedulerCatalog.All.Select(scheduler => scheduler.Name));

        RefusalOf("""{"learning_rate":0.001}""").Should().Be(Invalid + $"scheduler: is required: one of {names}.");
    }

    [Fact]
    public void A_scheduler_that_is_not_a_name_is_refused_with_every_name()
    {
        var names = string.Join(", ", SchedulerCatalog.All.Select(scheduler => scheduler.Name));

        RefusalOf("""{"scheduler":3,"learning_rate":0.001}""").Should().Be(Invalid + $"scheduler: expected a scheduler name, got 3: one of {names}.");
    }

    [Fact]
    public void A_metric_driven_scheduler_asked_for_a_curve_says_where_to_use_it()
    {
        RefusalOf("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.1}""").Should().Be(Invalid
            + "scheduler: follows reported metrics, not the step, so it has no curve: create it with PlateauScheduler in C#, or replay logged metrics with `schedulers replay --config FILE --metrics FILE`.");
    }

    [Fact]
    public void A_warmup_ratio_without_total_steps_asks_for_total_steps()
    {
        RefusalOf("""{"scheduler":"constant_with_warmup","learning_rate":0.001,"warmup_ratio":0.1}""").Should().Be(Invalid
            + "warmup_ratio / total_steps: warmup_ratio is a share of total_steps, so total_steps is required with it (or give warmup_steps instead).");
    }

    [Fact]
    public void A_missing_required_key_is_refused_with_what_it_takes()
    {
        RefusalOf("""{"scheduler":"cosine","learning_rate":0.001}""")
            .Should().Be(Invalid + "total_steps: is required by 'cosine': an integer >= 1.");
    }

    [Fact]
    public void A_missing_choice_of_two_alternatives_lists_both()
    {
        RefusalOf("""{"scheduler":"constant_with_warmup","learning_rate":0.001}""")
            .Should().Be(Invalid + "warmup_steps / warmup_ratio: 'constant_with_warmup' requires one of them: warmup_steps: an integer >= 0; warmup_ratio: a number in [0, 1).");
    }

    [Fact]
    public void Two_alternatives_given_together_are_refused_with_both_values()
    {
        RefusalOf("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_steps":10,"warmup_ratio":0.1}""")
            .Should().Be(Invalid + "warmup_steps / warmup_ratio: say the same thing two ways (warmup_steps = 10, warmup_ratio = 0.1); give only one.");
    }

    [Fact]
    public void A_key_given_twice_is_refused_with_every_value()
    {
        RefusalOf("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"total_steps":200}""")
            .Should().Be(Invalid + "total_steps: is given 2 times (100, 200); give it once.");
    }

    [Fact]
    public void A_warmup_on_a_scheduler_that_refuses_one_gives_the_way_out()
    {
        RefusalOf("""{"scheduler":"piecewise_constant","learning_rate":0.001,"step_rules":"1:10,0.5","warmup_steps":5}""")
            .Should().Be(Invalid + "warmup_steps: 5 is not used by 'piecewise_constant' (piecewise_constant does not use warmup: write the warmup into step_rules, or use constant_with_warmup).");
    }

    [Fact]
    public void A_key_of_another_scheduler_names_the_schedulers_that_take_it()
    {
        RefusalOf("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"timescale":10}""")
            .Should().Be(Invalid + "timescale: 10 is not used by 'cosine' (it is a parameter of inverse_sqrt). Remove it, or choose a scheduler that takes it.");
    }

    [Fact]
    public void A_warmup_that_leaves_no_room_for_the_decay_says_how_long_it_may_be()
    {
        RefusalOf("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_steps":100}""")
            .Should().Be(Invalid + "warmup_steps / total_steps: a warmup of 100 steps leaves no room for the decay: it must end before total_steps (100), so at most 99 steps.");
    }

    [Fact]
    public void A_warmup_start_without_a_warmup_is_refused_as_having_no_effect()
    {
        RefusalOf("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_start_lr":0.0001}""")
            .Should().Be(Invalid + "warmup_start_lr: 0.0001 has no effect without a warmup; set warmup_steps > 0 or remove warmup_start_lr.");
    }

    [Fact]
    public void A_refusal_with_several_problems_lists_every_one_on_its_own_line()
    {
        var message = RefusalOf("""{"scheduler":"cosine","learning_rate":-1,"warmup_step":10,"min_lr_ratio":"0.1"}""");

        message.Should().Be(string.Join(
            Environment.NewLine,
            "The schedule configuration is invalid (4 problems):",
            "  - learning_rate: -1 is out of range: expected a number > 0.",
            "  - warmup_step: is not a parameter of any scheduler. Did you mean \"warmup_steps\"? Remove it.",
            "  - min_lr_ratio: \"0.1\" is a string: expected a number in [0, 1); write the number without quotes.",
            "  - total_steps: is required by 'cosine': an integer >= 1."));
    }

    [Fact]
    public void A_negative_step_is_refused_with_what_a_step_is()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"constant","learning_rate":0.001}""");

        FluentActions.Invoking(() => schedule.GetLearningRate(-3)).Should().Throw<ArgumentOutOfRangeException>()
            .Which.Message.Should().Be("A step is a count of optimizer steps already taken, so it must be >= 0; got -3. (Parameter 'step')"
                + Environment.NewLine + "Actual value was -3.");
    }

    [Fact]
    public void A_range_past_the_largest_step_is_refused_with_its_bounds()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"constant","learning_rate":0.001}""");

        FluentActions.Invoking(() => schedule.Evaluate(long.MaxValue - 1, new double[4])).Should().Throw<ArgumentOutOfRangeException>()
            .Which.Message.Should().Be("Steps 9223372036854775806 .. 9223372036854775806 + 4 - 1 run past the largest step (9223372036854775807). (Parameter 'firstStep')"
                + Environment.NewLine + "Actual value was 9223372036854775806.");
    }

    [Fact]
    public void A_schedule_holding_code_refuses_to_be_written_as_json_and_says_what_to_do_instead()
    {
        var schedule = LearningRateSchedule.FromFunction(0.01, _ => 1.0);

        FluentActions.Invoking(schedule.ToJson).Should().Throw<NotSupportedException>()
            .Which.Message.Should().Be("This LambdaLR schedule cannot be written as JSON: it holds a C# function (LambdaLR), which a configuration file cannot carry. "
                + "Describe the curve with a named scheduler, or with 'interpolated' control points, to save it.");
    }

    [Fact]
    public void A_factor_function_that_misbehaves_names_the_step_and_the_value()
    {
        var schedule = LearningRateSchedule.FromFunction(0.01, step => step == 7 ? -0.5 : 1.0);

        FluentActions.Invoking(() => schedule.GetLearningRate(7)).Should().Throw<InvalidOperationException>()
            .Which.Message.Should().Be("LambdaLR's lr_lambda returned -0.5 at step 7: a factor must be finite and >= 0.");
    }

    [Fact]
    public void A_metric_that_is_not_finite_names_the_report_and_says_nothing_changed()
    {
        var plateau = PlateauScheduler.FromJson("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.1}""");
        plateau.Report(1.0);
        plateau.Report(0.9);

        FluentActions.Invoking(() => plateau.Report(double.NaN)).Should().Throw<ArgumentOutOfRangeException>()
            .Which.Message.Should().Be("Report 3 is not a finite number; a NaN or infinite loss usually means the run diverged. Nothing was changed. (Parameter 'metric')"
                + Environment.NewLine + "Actual value was NaN.");
    }

    [Fact]
    public void A_state_of_the_other_kind_of_scheduler_says_which_kind_saved_it()
    {
        var state = new ScheduleStepper(LearningRateSchedule.FromJson("""{"scheduler":"constant","learning_rate":0.1}""")).SaveState();
        var plateau = PlateauScheduler.FromJson("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.1}""");

        FluentActions.Invoking(() => plateau.RestoreState(state)).Should().Throw<SchedulerStateMismatchException>()
            .Which.Message.Should().Be("The saved state cannot be restored: state.kind: was saved by a ScheduleStepper; restore it into the same kind of scheduler.");
    }

    [Fact]
    public void A_state_out_of_this_configurations_reach_lists_every_field_at_fault_with_its_value()
    {
        const string Configuration = """{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"patience":2}""";
        var saved = PlateauScheduler.FromJson(Configuration).SaveState().ToJson()
            .Replace("\"values\":[0.1]", "\"values\":[0.5]", StringComparison.Ordinal)
            .Replace("\"bad_reports\":0", "\"bad_reports\":7", StringComparison.Ordinal)
            .Replace("\"cooldown_left\":0", "\"cooldown_left\":3", StringComparison.Ordinal);

        FluentActions.Invoking(() => PlateauScheduler.FromJson(Configuration).RestoreState(SchedulerState.FromJson(saved)))
            .Should().Throw<SchedulerStateMismatchException>()
            .Which.Message.Should().Be(string.Join(
                Environment.NewLine,
                "The saved state cannot be restored (3 problems):",
                "  - state.values[0]: 0.5 is outside what group default can reach (0 to 0.1).",
                "  - state.cooldown_left: 3 exceeds cooldown (0).",
                "  - state.bad_reports: 7 exceeds patience (2)."));
    }
}
