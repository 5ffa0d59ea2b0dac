namespace Schedulers.Tests.Cli.Checking;

/// <summary>
/// <c>check</c> with a <c>TrainingArguments</c> file that leaves the run's length to <c>num_train_epochs</c>: the
/// length is the log's <c>max_steps</c>, whatever the file's format, and the run facts given are compared with it or
/// said to be unused, never dropped.
/// </summary>
public sealed class CheckRunLengthTests : IDisposable
{
    // The curve the Trainer built: cosine over the log's 200 steps, 20 of warmup (warmup_ratio 0.1 of 200).
    private const string Curve = """{"scheduler": "cosine", "learning_rate": 5e-5, "warmup_steps": 20, "total_steps": 200}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-check-length-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("training_args.yaml", "lr_scheduler_type: cosine\nlearning_rate: 5.0e-05\nwarmup_ratio: 0.1\nnum_train_epochs: 3.0\n")]
    [InlineData("training_args.yaml", "lr_scheduler_type: cosine\nlearning_rate: 5.0e-05\nwarmup_ratio: 0.1\nmax_steps: -1\n")]
    [InlineData("training_args.yaml", "lr_scheduler_type: cosine\nlearning_rate: 5.0e-05\nwarmup_ratio: 0.1\nmax_steps: null\n")]
    [InlineData("training_args.json", """{"lr_scheduler_type": "cosine", "learning_rate": 5e-5, "warmup_ratio": 0.1}""")]
    public void A_training_arguments_file_without_max_steps_in_either_format_takes_the_logs(string name, string arguments)
    {
        var run = Check(name, arguments);

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("total_steps 200 (from the log's max_steps: the configuration has none)");
        run.Error.Should().Contain("the run's length comes from the log's max_steps (200)").And.NotContain("--examples");
    }

    [Fact]
    public void A_length_from_the_log_sets_a_warmup_ratios_steps()
    {
        // warmup_ratio 0.1 of the log's 200 steps is 20: the rates logged in the warmup only match with that ramp.
        var run = Check("training_args.yaml", "lr_scheduler_type: cosine\nlearning_rate: 5.0e-05\nwarmup_ratio: 0.1\n");

        run.Output.Should().Contain("points compared: 40 (steps 5 to 200), 40 matching");
    }

    [Fact]
    public void Examples_that_give_the_logs_length_are_said_to_agree_with_it()
    {
        // 1600 examples / batch 8 = 200 steps per epoch, one epoch.
        var run = Check("training_args.yaml", "lr_scheduler_type: cosine\nlearning_rate: 5.0e-05\nwarmup_ratio: 0.1\nnum_train_epochs: 1\nper_device_train_batch_size: 8\n", "--examples", "1600");

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Error.Should().Contain("note: the log's max_steps (200) agrees with the length the Trainer's epoch rule gives for --examples 1600.");
    }

    [Fact]
    public void Examples_that_give_another_length_are_said_to_disagree_and_the_logs_length_is_kept()
    {
        // 999 examples / batch 8 = 125 steps per epoch, 3 epochs: 375 steps, where the log says 200.
        var run = Check("training_args.yaml", "lr_scheduler_type: cosine\nlearning_rate: 5.0e-05\nwarmup_ratio: 0.1\nnum_train_epochs: 3\nper_device_train_batch_size: 8\n", "--examples", "999");

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Error.Should().Contain("the Trainer's epoch rule gives 375 steps for --examples 999, but the log's max_steps is 200: the run was shorter than these facts make it");
        run.Output.Should().Contain("total_steps 200 (from the log's max_steps");
    }

    [Fact]
    public void Examples_the_epoch_rule_cannot_use_are_refused()
    {
        var run = Check("training_args.yaml", "lr_scheduler_type: cosine\nlearning_rate: 5.0e-05\nper_device_train_batch_size: 8\ndataloader_drop_last: true\n", "--examples", "3");

        run.ExitCode.Should().Be(2, run.Output);
        run.Error.Should().Contain("--examples 3 makes no full batch");
    }

    [Theory]
    [InlineData("--world-size", "2")]
    [InlineData("--hf-epoch-rule", "floor")]
    public void A_run_fact_without_examples_is_said_to_be_unused(string option, string value)
    {
        var run = Check("training_args.yaml", "lr_scheduler_type: cosine\nlearning_rate: 5.0e-05\nwarmup_ratio: 0.1\n", option, value);

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Error.Should().Contain($"note: {option} {value} is not used: the log's max_steps (200) gives the run's length");
    }

    [Fact]
    public void Run_facts_with_a_max_steps_in_the_file_are_said_to_be_unused()
    {
        var run = Check("training_args.yaml", "lr_scheduler_type: cosine\nlearning_rate: 5.0e-05\nwarmup_ratio: 0.1\nmax_steps: 200\n", "--examples", "999");

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Error.Should().Contain("--examples 999 is not used: max_steps 200 sets the run's length");
        run.Output.Should().Contain("total_steps 200 (the log's max_steps agrees)");
    }

    [Fact]
    public void A_csv_log_has_no_length_so_the_file_still_needs_examples()
    {
        var log = Write("lr.csv", RunLogs.TensorBoardCsv(RunLogs.Rates(Curve, offset: 1)));

        var run = CliRun.Of("check", "--config", Write("training_args.yaml", "lr_scheduler_type: cosine\nlearning_rate: 5.0e-05\n"), "--from", "hf", "--log", log);

        run.ExitCode.Should().Be(2, run.Output);
        run.Error.Should().Contain("give --examples N");
    }

    [Fact]
    public void A_configuration_of_another_length_that_nothing_explains_suggests_the_logs()
    {
        var run = Check("training_args.yaml", "lr_scheduler_type: linear\nlearning_rate: 5.0e-05\nwarmup_steps: 20\nmax_steps: 100\n");

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("; the log's max_steps is 200 where the configuration has 100 steps, so it may be another run's configuration: check again with a length of 200");
    }

    [Fact]
    public void A_difference_a_lag_explains_suggests_no_other_length()
    {
        // Flat after its warmup, the curve is the same over the log's 200 steps whatever its length.
        var flat = """{"scheduler": "constant_with_warmup", "learning_rate": 5e-5, "warmup_steps": 20, "total_steps": 400}""";
        var log = Write("trainer_state.json", RunLogs.TrainerState(RunLogs.Rates(flat, offset: 1, lag: step => step < 10 ? 0 : 2), maxSteps: 200));

        var run = CliRun.Of("check", "--config", Write("config.json", flat), "--log", log);

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("fell behind by 2 steps").And.NotContain("check again with a length");
    }

    private CliRun Check(string name, string arguments, params string[] options)
    {
        var log = Write("trainer_state.json", RunLogs.TrainerState(RunLogs.Rates(Curve, offset: 1), maxSteps: 200));
        return CliRun.Of(["check", "--config", Write(name, arguments), "--from", "hf", "--log", log, .. options]);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
