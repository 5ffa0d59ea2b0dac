namespace Schedulers.Tests.Validation;

/// <summary>
/// Every kind of refusal pinned word for word, one message per family: a change to any message shows up here first,
/// and must be meant.
/// </summary>
public sealed class MessageTests
{
    private const string Invalid = "The schedule configuration is invalid: ";

    // Written out, not read from the catalog: a scheduler added (or a code-only one offered) must change this on purpose.
    private const string Names = "constant, constant_with_warmup, linear, cosine, cosine_with_min_lr, cosine_with_restarts, polynomial, "
        + "inverse_sqrt, warmup_stable_decay, piecewise_constant, StepLR, MultiStepLR, ExponentialLR, ConstantLR, LinearLR, PolynomialLR, "
        + "CosineAnnealingLR, CosineAnnealingWarmRestarts, OneCycleLR, CyclicLR, ReduceLROnPlateau, SequentialLR, ChainedScheduler, interpolated, "
        + "CosineLRScheduler, TanhLRScheduler, PolyLRScheduler, StepLRScheduler, MultiStepLRScheduler, ExponentialDecay, InverseTimeDecay, PolynomialDecay, PiecewiseConstantDecay, CosineDecay, CosineDecayRestarts";

    /// <summary>Each family of configuration refusal: what it is, a configuration that shows it, and its whole message after the common prefix.</summary>
    public static TheoryData<string, string, string> Refusals => new()
    {
        {
            "A value of the wrong type names its type and what was expected",
            """{"scheduler":"cosine","learning_rate":true,"total_steps":100}""",
            "learning_rate: true is a boolean: expected a number > 0."
        },
        {
            "A number written as a string is told to drop the quotes",
            """{"scheduler":"cosine","learning_rate":0.001,"total_steps":"100"}""",
            "total_steps: \"100\" is a string: expected an integer >= 1; write the number without quotes."
        },
        {
            "A null for an optional key is told to remove the key",
            """{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_steps":null}""",
            "warmup_steps: null is not a value: expected an integer >= 0; remove the key to use the default."
        },
        {
            "A number beyond the largest magnitude quotes the limit",
            """{"scheduler":"cosine","learning_rate":1e31,"total_steps":100}""",
            "learning_rate: 1e31 is too large: expected a number > 0; numbers must be at most 1e30 in magnitude, so that curves stay finite in single precision."
        },
        {
            "A step count beyond the exact range quotes the limit",
            """{"scheduler":"cosine","learning_rate":0.001,"total_steps":1e17}""",
            "total_steps: 1e17 is too large: expected an integer >= 1; step counts must be at most 2^53 (9007199254740992)."
        },
        {
            "A fraction where a step count belongs is refused as not whole",
            """{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_steps":2.5}""",
            "warmup_steps: 2.5 is not a whole number: expected an integer >= 0."
        },
        {
            "A value out of range is refused with the range",
            """{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_steps":-1}""",
            "warmup_steps: -1 is out of range: expected an integer >= 0."
        },
        {
            "A floor not below the learning rate quotes the learning rate",
            """{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"min_lr":0.002}""",
            "min_lr: 0.002 is not below learning_rate 0.001: expected a number in [0, learning_rate)."
        },
        {
            "A string that is not a choice lists the choices and suggests the closest",
            """{"scheduler":"interpolated","points":[[0,0.001],[10,0.0001]],"method":"linar"}""",
            "method: \"linar\" is not valid: expected one of \"pchip\", \"linear\", \"log_linear\". Did you mean \"linear\"?"
        },
        {
            "A list with an item of the wrong kind is refused as not valid",
            """{"scheduler":"MultiStepLR","learning_rate":0.1,"milestones":[10,2.5]}""",
            "milestones: [10, 2.5] is not valid: expected a non-empty list of integers >= 1."
        },
        {
            "A bad control point is named by its index with the limits",
            """{"scheduler":"interpolated","points":[[0,0.001],[5,-1]]}""",
            "points: [[0, 0.001], [5, -1]] is not valid: expected a list of at least two [step, learning_rate] pairs: steps whole numbers >= 0, learning rates finite and >= 0; "
                + "point 1 ([5, -1]) is not a [step, learning_rate] pair with a whole step in [0, 2^53 (9007199254740992)] and a learning rate in [0, 1e30]."
        },
        {
            "An unknown key is refused with the key it resembles",
            """{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_step":10}""",
            "warmup_step: 10 is given under a name no scheduler has. Did you mean \"warmup_steps\"? Rename it, or remove it."
        },
        {
            "An unknown scheduler is refused with the name it resembles and every name",
            """{"scheduler":"cosin","learning_rate":0.001,"total_steps":100}""",
            $"scheduler: \"cosin\" is not a known scheduler. Did you mean \"cosine\"? Valid: {Names}."
        },
        {
            "A missing scheduler is refused with every name",
            """{"learning_rate":0.001}""",
            $"scheduler: is required: one of {Names}."
        },
        {
            "A scheduler that is not a name is refused with every name",
            """{"scheduler":3,"learning_rate":0.001}""",
            $"scheduler: expected a scheduler name, got 3: one of {Names}."
        },
        {
            "A metric driven scheduler asked for a curve says where to use it",
            """{"scheduler":"ReduceLROnPlateau","learning_rate":0.1}""",
            "scheduler: follows reported metrics, not the step, so it has no curve: create it with PlateauScheduler in C#, or replay logged metrics with `schedulers replay --config FILE --metrics FILE`."
        },
        {
            "A code only scheduler in a configuration points to the C# call that makes it",
            """{"scheduler":"LambdaLR","learning_rate":0.1}""",
            "scheduler: takes a C# function of the step, which a configuration cannot carry: create it with LearningRateSchedule.FromFunction(learningRate, step => factor) in C#, or describe the curve with 'interpolated' control points."
        },
        {
            "A value that makes a derived learning rate overflow names the smallest valid value",
            """{"scheduler":"OneCycleLR","learning_rate":2e-5,"total_steps":692,"div_factor":1e-320}""",
            "div_factor: 1e-320 makes the initial learning rate max_lr / div_factor larger than 1e30: give a div_factor of at least 2E-35."
        },
        {
            "A learning rate not above a default it must exceed quotes the default",
            """{"scheduler":"polynomial","learning_rate":1e-8,"total_steps":100}""",
            "learning_rate / lr_end: learning_rate 1E-08 is not above the default lr_end (1E-07); set lr_end below learning_rate."
        },
        {
            "A warmup ratio without total steps asks for total steps",
            """{"scheduler":"constant_with_warmup","learning_rate":0.001,"warmup_ratio":0.1}""",
            "warmup_ratio / total_steps: warmup_ratio is a share of total_steps, so total_steps is required with it (or give warmup_steps instead)."
        },
        {
            "A missing required key is refused with what it takes",
            """{"scheduler":"cosine","learning_rate":0.001}""",
            "total_steps: is required by 'cosine': an integer >= 1."
        },
        {
            "A missing choice of two alternatives lists both",
            """{"scheduler":"constant_with_warmup","learning_rate":0.001}""",
            "warmup_steps / warmup_ratio: 'constant_with_warmup' requires one of them: warmup_steps: an integer >= 0; warmup_ratio: a number in [0, 1)."
        },
        {
            "Two alternatives given together are refused with both values",
            """{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_steps":10,"warmup_ratio":0.1}""",
            "warmup_steps / warmup_ratio: say the same thing two ways (warmup_steps = 10, warmup_ratio = 0.1); give only one."
        },
        {
            "A key given twice is refused with every value",
            """{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"total_steps":200}""",
            "total_steps: is given 2 times (100, 200); give it once."
        },
        {
            "A warmup on a scheduler that refuses one gives the way out",
            """{"scheduler":"piecewise_constant","learning_rate":0.001,"step_rules":"1:10,0.5","warmup_steps":5}""",
            "warmup_steps: 5 is not used by 'piecewise_constant' (piecewise_constant does not use warmup: write the warmup into step_rules, or use constant_with_warmup)."
        },
        {
            "A key of another scheduler names the schedulers that take it",
            """{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"timescale":10}""",
            "timescale: 10 is not used by 'cosine' (it is a parameter of inverse_sqrt). Remove it, or choose a scheduler that takes it."
        },
        {
            "A warmup that leaves no room for the decay says how long it may be",
            """{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_steps":100}""",
            "warmup_steps / total_steps: a warmup of 100 steps leaves no room for the decay: it must end before total_steps (100), so at most 99 steps."
        },
        {
            "A warmup start without a warmup is refused as having no effect",
            """{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_start_lr":0.0001}""",
            "warmup_start_lr: 0.0001 has no effect without a warmup; set warmup_steps > 0 or remove warmup_start_lr."
        },
        {
            "A warmup in another family's words on a timm scheduler points to timm's keys",
            """{"scheduler":"CosineLRScheduler","learning_rate":0.001,"t_initial":100,"warmup_steps":10}""",
            "warmup_steps: 10 is not used by 'CosineLRScheduler' (timm's CosineLRScheduler counts its warmup with warmup_t: give warmup_t (and warmup_lr_init, warmup_prefix) instead)."
        },
        {
            "A timm warmup key without a warmup is refused as having no effect",
            """{"scheduler":"CosineLRScheduler","learning_rate":0.001,"t_initial":100,"warmup_lr_init":1e-05}""",
            "warmup_lr_init: 1e-05 has no effect without a warmup: set warmup_t > 0 or remove warmup_lr_init."
        },
        {
            "A noise key without a noise range is refused as having no effect",
            """{"scheduler":"PolyLRScheduler","learning_rate":0.001,"t_initial":100,"noise_pct":0.2}""",
            "noise_pct: 0.2 has no effect without noise_range_t (timm adds noise only at those steps): give noise_range_t, or remove noise_pct."
        },
        {
            "A cycle shape with one cycle says what it needs",
            """{"scheduler":"TanhLRScheduler","learning_rate":0.001,"t_initial":100,"cycle_mul":2.0,"cycle_limit":1}""",
            "cycle_mul / cycle_limit: cycle_mul = 2.0 shapes the cycles after the first, and cycle_limit = 1 leaves only one: set cycle_limit >= 2, or remove cycle_mul."
        },
        {
            "An empty noise range says why it is empty",
            """{"scheduler":"CosineLRScheduler","learning_rate":0.001,"t_initial":100,"noise_range_t":[20,10]}""",
            "noise_range_t: [20, 10] is not valid: expected an integer >= 0 (from that step on), or a list [t0, t1] of two such integers with t0 < t1 (t0 included, t1 excluded); the range [t0, t1) is empty unless t0 < t1."
        },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Each_family_of_configuration_refusal_is_worded_exactly_as_pinned(string family, string json, string message)
    {
        RefusalOf(json).Should().Be(Invalid + message, family);
    }

    [Fact]
    public void A_value_that_is_not_finite_is_refused_as_such()
    {
        var options = new ScheduleBuilder().WithScheduler("cosine").WithLearningRate(double.PositiveInfinity).WithTotalSteps(100).Options;

        FluentActions.Invoking(() => LearningRateSchedule.Create(options)).Should().Throw<ScheduleConfigurationException>()
            .Which.Message.Should().Be(Invalid + "learning_rate: Infinity is not a finite number: expected a number > 0.");
    }

    [Fact]
    public void A_refusal_with_several_problems_lists_every_one_on_its_own_line()
    {
        var message = RefusalOf("""{"scheduler":"cosine","learning_rate":-1,"warmup_step":10,"min_lr_ratio":"0.1"}""");

        message.Should().Be(string.Join(
            Environment.NewLine,
            "The schedule configuration is invalid (4 problems):",
            "  - learning_rate: -1 is out of range: expected a number > 0.",
            "  - warmup_step: 10 is given under a name no scheduler has. Did you mean \"warmup_steps\"? Rename it, or remove it.",
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

    private static string RefusalOf(string json) =>
        FluentActions.Invoking(() => LearningRateSchedule.FromJson(json)).Should().Throw<ScheduleConfigurationException>().Which.Message;
}
