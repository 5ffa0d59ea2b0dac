namespace Schedulers.Tests.Cli.Checking;

/// <summary>
/// <c>check</c> on files shaped like public runs it was tried on (LLaMA-Factory, a pre-4.51 summarization fine-tune, an
/// fp16 Whisper fine-tune), of our own writing: the logged rates come from our schedule, rounded to float32.
/// </summary>
public sealed class CheckRunShapeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-check-shapes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_llama_factory_run_with_evaluations_and_a_summary_follows_its_yaml_under_the_previous_alignment()
    {
        // ceil(0.05 × 120) = 6 warmup steps; transformers >= 4.51 logs lr(s - 1) at step s. RunLogs adds an evaluation
        // entry at the step of every fourth training entry, and the closing summary.
        var curve = """{"scheduler": "cosine", "learning_rate": 1e-5, "warmup_steps": 6, "total_steps": 120}""";
        var log = RunLogs.TrainerState(RunLogs.Rates(curve, offset: 1, every: 5, last: 120), maxSteps: 120);
        var arguments = "learning_rate: 1.0e-05\nlr_scheduler_type: cosine\nwarmup_ratio: 0.05\nnum_train_epochs: 3.0\nper_device_train_batch_size: 8\nbf16: true\n";

        var run = Check("training_args.yaml", arguments, log);

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("24 learning rates in 31 log_history entries (7 without learning_rate skipped)");
        run.Output.Should().Contain("alignment: previous").And.Contain("points compared: 24 (steps 5 to 120), 24 matching");
    }

    [Fact]
    public void A_state_holding_only_the_summary_entry_is_refused_once_for_its_missing_rates()
    {
        // logging_steps larger than the run: the Trainer never logged a training entry.
        var log = """{"global_step": 768, "log_history": [{"epoch": 3.0, "step": 768, "total_flos": 1.5e16, "train_loss": 1.21, "train_runtime": 912.4}], "logging_steps": 996, "max_steps": 768}""";

        var run = Check("training_args.yaml", "learning_rate: 1.0e-04\nlr_scheduler_type: cosine\nwarmup_ratio: 0.1\nnum_train_epochs: 3.0\n", log);

        run.ExitCode.Should().Be(2, run.Output);
        run.Error.Should().Contain("holds no learning rate");
        run.Error.Split('\n').Count(line => line.StartsWith("error:", StringComparison.Ordinal)).Should().Be(1, run.Error);
    }

    [Fact]
    public void A_pre_4_51_log_every_500_steps_of_a_long_run_follows_under_the_current_alignment()
    {
        var run = Check("training_args.json", T5Arguments, T5Log(last: 215_000));

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("alignment: current").And.Contain("points compared: 430 (steps 500 to 215000), 430 matching");
        run.Output.Should().NotContain("the log stops");
    }

    [Fact]
    public void A_log_that_stops_early_follows_and_says_which_steps_were_not_checked()
    {
        var run = Check("training_args.json", T5Arguments, T5Log(last: 45_000));

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("points compared: 90 (steps 500 to 45000), 90 matching; the log stops at step 45000 of the run's 215337");
    }

    [Fact]
    public void An_fp16_checkpoint_against_a_configuration_of_half_its_length_suggests_the_logs_length()
    {
        var run = Check("training_args.yaml", WhisperArguments(maxSteps: 4000), WhisperLog());

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("total_steps 4000, but the log's max_steps is 8000: the run was longer than the configuration");
        run.Output.Should().Contain("neither a lag nor a constant scale explains them").And.Contain("check again with a length of 8000");
    }

    [Fact]
    public void An_fp16_checkpoint_against_its_own_length_is_a_constant_lag_of_3_steps()
    {
        var run = Check("training_args.yaml", WhisperArguments(maxSteps: 8000), WhisperLog());

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("alignment: previous").And.Contain("the schedule fell behind by 3 steps from step 25 (");
        run.Output.Should().Contain("the log stops at step 1000 of the run's 8000");
    }

    private const string T5Arguments = """{"lr_scheduler_type": "linear", "learning_rate": 5e-05, "num_train_epochs": 3, "max_steps": -1, "per_device_train_batch_size": 8}""";

    /// <summary>A transformers 4.50 log: lr(s) at step s, every 500 steps of 215,337.</summary>
    private static string T5Log(long last) =>
        RunLogs.TrainerState(RunLogs.Rates("""{"scheduler": "linear", "learning_rate": 5e-5, "total_steps": 215337}""", offset: 0, every: 500, last: last), maxSteps: 215_337);

    private static string WhisperArguments(int maxSteps) =>
        $"learning_rate: 1.0e-05\nlr_scheduler_type: linear\nwarmup_steps: 500\nmax_steps: {maxSteps}\nfp16: true\nper_device_train_batch_size: 16\nlogging_steps: 25\n";

    /// <summary>The first 1000 of 8000 steps, logged every 25, with the three loss-scale skips of an fp16 start.</summary>
    private static string WhisperLog() =>
        RunLogs.TrainerState(RunLogs.Rates("""{"scheduler": "linear", "learning_rate": 1e-5, "warmup_steps": 500, "total_steps": 8000}""", offset: 1, every: 25, last: 1000, lag: _ => 3), maxSteps: 8000);

    private CliRun Check(string name, string arguments, string log) =>
        CliRun.Of("check", "--config", Write(name, arguments), "--from", "hf", "--log", Write("trainer_state.json", log));

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
