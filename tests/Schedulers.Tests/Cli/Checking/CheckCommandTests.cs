namespace Schedulers.Tests.Cli.Checking;

/// <summary>
/// <c>schedulers check</c> on logs of our own making: the alignment it finds, the explanations it gives, its exit codes.
/// </summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-check-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_log_of_the_rate_just_taken_follows_under_the_previous_alignment()
    {
        var run = Check(RunLogs.TrainerState(RunLogs.Rates(RunLogs.Cosine, offset: 1)));

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("alignment: previous").And.Contain("the other alignment does not fit");
        run.Output.Should().Contain("result: the run followed the configuration");
    }

    [Fact]
    public void A_log_of_the_next_rate_follows_under_the_current_alignment()
    {
        var run = Check(RunLogs.TrainerState(RunLogs.Rates(RunLogs.Cosine, offset: 0)));

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("alignment: current");
    }

    [Fact]
    public void The_report_names_the_points_compared_the_largest_error_and_no_mismatch()
    {
        var run = Check(RunLogs.TrainerState(RunLogs.Rates(RunLogs.Cosine, offset: 1)));

        run.Output.Should().Contain("points compared: 40 (steps 5 to 200), 40 matching");
        run.Output.Should().MatchRegex(@"largest relative error: [0-9.E-]+ at step \d+ \(logged ");
        run.Output.Should().Contain("first mismatch: none");
    }

    [Theory]
    [InlineData("previous", 1, 0)]
    [InlineData("current", 0, 0)]
    [InlineData("current", 1, 1)]
    [InlineData("previous", 0, 1)]
    public void Alignment_forces_one_reading_of_the_log(string alignment, int offset, int exitCode)
    {
        var run = Check(RunLogs.TrainerState(RunLogs.Rates(RunLogs.Cosine, offset)), "--alignment", alignment);

        run.ExitCode.Should().Be(exitCode, run.Output + run.Error);
        run.Output.Should().Contain($"alignment: {alignment}").And.Contain("as --alignment asks");
    }

    [Fact]
    public void A_log_written_where_the_curve_is_flat_fits_both_alignments_and_says_so()
    {
        var constant = """{"scheduler": "constant", "learning_rate": 1e-4}""";
        var run = CheckAgainst(constant, RunLogs.TrainerState(RunLogs.Rates(constant, offset: 1)));

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("the other fits too");
    }

    [Fact]
    public void Entries_without_a_learning_rate_are_skipped()
    {
        var run = Check(RunLogs.TrainerState(RunLogs.Rates(RunLogs.Cosine, offset: 1)));

        run.Output.Should().Contain("40 learning rates in 51 log_history entries (11 without learning_rate skipped)");
    }

    [Fact]
    public void A_scaled_run_is_named_by_its_ratio()
    {
        var run = Check(RunLogs.TrainerState(RunLogs.Rates(RunLogs.Cosine, offset: 1, scale: 0.5)));

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("the logged rates are the curve scaled by 0.5 (a learning_rate of 2.5E-05 where the configuration has 5E-05");
    }

    [Fact]
    public void A_lagging_run_says_how_far_the_schedule_fell_behind_and_from_which_step()
    {
        var rates = RunLogs.Rates(RunLogs.Cosine, offset: 1, lag: step => step < 40 ? 0 : 3);

        var run = Check(RunLogs.TrainerState(rates));

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("alignment: previous");
        run.Output.Should().Contain("the schedule fell behind by 3 steps from step 40 (");
    }

    [Fact]
    public void A_lag_under_either_alignment_is_reported_as_the_smaller_and_the_other_is_named()
    {
        var rates = RunLogs.Rates(RunLogs.Cosine, offset: 1, lag: step => step < 40 ? 0 : 3);

        var run = Check(RunLogs.TrainerState(rates));

        run.Output.Should().Contain("the log is the same lag 1 step larger, and only the version of transformers that wrote it tells the two apart");
    }

    [Fact]
    public void Sd_scripts_arguments_after_the_separator_are_the_configuration()
    {
        var kohya = """{"scheduler": "cosine", "learning_rate": 1e-4, "warmup_steps": 10, "total_steps": 100}""";
        var csv = "step,lr/textencoder,lr/unet\n" + string.Concat(RunLogs.Rates(kohya, offset: 0, last: 100).Select(rate => $"{rate.Step},1e-5,{rate.Rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}\n"));
        var log = Write("lr.csv", csv);

        var run = CliRun.Of("check", "--log", log, "--lr-column", "lr/unet", "--from", "kohya", "--",
            "--lr_scheduler", "cosine", "--learning_rate", "1e-4", "--lr_warmup_steps", "10", "--max_train_steps", "100");

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("alignment: current");
    }

    [Fact]
    public void A_configuration_without_a_curve_is_refused()
    {
        var run = CheckAgainst("""{"scheduler": "ReduceLROnPlateau", "learning_rate": 1e-4}""", RunLogs.TrainerState(RunLogs.Rates(RunLogs.Cosine, offset: 1)));

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("error:");
    }

    [Fact]
    public void A_lag_that_grows_names_where_it_started_and_where_it_ended()
    {
        var rates = RunLogs.Rates(RunLogs.Cosine, offset: 1, lag: step => step switch { < 30 => 0, < 100 => 1, _ => 4 });

        var run = Check(RunLogs.TrainerState(rates));

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("the schedule fell behind by 1 step from step 30, and by 4 steps from step 100");
        run.Output.Should().Contain("lag: 1 step behind from step 30, 4 steps behind from step 100");
    }

    [Fact]
    public void A_lagging_old_log_is_read_under_the_current_alignment()
    {
        var rates = RunLogs.Rates(RunLogs.Cosine, offset: 0, lag: step => step < 50 ? 0 : 2);

        var run = Check(RunLogs.TrainerState(rates));

        run.Output.Should().Contain("alignment: current").And.Contain("fell behind by 2 steps from step 50");
    }

    [Fact]
    public void A_run_of_another_configuration_names_its_first_mismatch_and_exits_1()
    {
        var run = CheckAgainst("""{"scheduler": "linear", "learning_rate": 5e-5, "warmup_steps": 20, "total_steps": 200}""", RunLogs.TrainerState(RunLogs.Rates(RunLogs.Cosine, offset: 1)));

        run.ExitCode.Should().Be(1);
        run.Output.Should().MatchRegex(@"first mismatch: step 25 \(log_history\[\d+\]\): logged [0-9.E-]+, curve [0-9.E-]+ at step 24, relative error");
        run.Output.Should().Contain("neither a lag nor a constant scale explains them");
    }

    [Fact]
    public void A_log_off_by_more_than_the_tolerance_passes_with_a_looser_one()
    {
        var rates = RunLogs.Rates(RunLogs.Cosine, offset: 1).Select(rate => (rate.Step, rate.Rate * (1 + 1e-5))).ToArray();

        Check(RunLogs.TrainerState(rates)).ExitCode.Should().Be(1);
        Check(RunLogs.TrainerState(rates), "--tolerance", "1e-4").ExitCode.Should().Be(0);
    }

    [Fact]
    public void The_length_comes_from_max_steps_when_the_configuration_has_none()
    {
        var run = CheckAgainst(
            """{"scheduler": "cosine", "learning_rate": 5e-5, "warmup_steps": 20}""",
            RunLogs.TrainerState(RunLogs.Rates(RunLogs.Cosine, offset: 1)));

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("total_steps 200 (from the log's max_steps: the configuration has none)");
    }

    [Fact]
    public void A_training_arguments_file_without_max_steps_takes_the_logged_one()
    {
        var arguments = Write("training_args.json", """{"lr_scheduler_type": "cosine", "learning_rate": 5e-5, "warmup_steps": 20, "max_steps": -1, "num_train_epochs": 3}""");
        var log = Write("trainer_state.json", RunLogs.TrainerState(RunLogs.Rates(RunLogs.Cosine, offset: 1)));

        var run = CliRun.Of("check", "--config", arguments, "--from", "hf", "--log", log);

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Error.Should().Contain("the run's length comes from the log's max_steps (200)");
    }

    [Fact]
    public void A_log_longer_than_the_configuration_is_said_to_be()
    {
        var run = Check(RunLogs.TrainerState(RunLogs.Rates(RunLogs.Cosine, offset: 1), maxSteps: 400));

        run.Output.Should().Contain("total_steps 200, but the log's max_steps is 400: the run was longer than the configuration");
    }

    [Fact]
    public void Python_non_finite_numbers_elsewhere_in_the_state_are_read()
    {
        var state = RunLogs.TrainerState(RunLogs.Rates(RunLogs.Cosine, offset: 1)).Replace("\"grad_norm\": 1.25", "\"grad_norm\": NaN", StringComparison.Ordinal)
            .Replace("\"loss\": 2.5", "\"loss\": Infinity", StringComparison.Ordinal);

        var run = Check(state);

        run.ExitCode.Should().Be(0, run.Output + run.Error);
    }

    [Fact]
    public void A_step_0_entry_under_the_previous_alignment_is_a_mismatch_that_says_why()
    {
        var rates = new[] { (0L, 0.0) }.Concat(RunLogs.Rates(RunLogs.Cosine, offset: 1));

        var run = Check(RunLogs.TrainerState(rates), "--alignment", "previous");

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("first mismatch: step 0 (log_history[0]): logged 0, but under the previous alignment it would be the rate of step -1, which no run has");
    }

    [Fact]
    public void Check_prints_its_notes_on_standard_error_and_the_report_on_standard_output()
    {
        var arguments = Write("training_args.json", """{"lr_scheduler_type": "cosine", "learning_rate": 5e-5, "warmup_steps": 20, "warmup_ratio": 0.1, "max_steps": 200}""");
        var log = Write("trainer_state.json", RunLogs.TrainerState(RunLogs.Rates(RunLogs.Cosine, offset: 1)));

        var run = CliRun.Of("check", "--config", arguments, "--from", "hf", "--log", log);

        run.Error.Should().Contain("note: warmup_ratio is ignored");
        run.Output.Should().StartWith("log: trainer_state.json").And.NotContain("note:");
    }

    private CliRun Check(string log, params string[] options) => CheckAgainst(RunLogs.Cosine, log, options);

    private CliRun CheckAgainst(string configuration, string log, params string[] options) =>
        CliRun.Of(["check", "--config", Write("config.json", configuration), "--log", Write(log.TrimStart().StartsWith('{') ? "trainer_state.json" : "lr.csv", log), .. options]);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
