namespace Schedulers.Tests.Cli.Importing;

/// <summary>
/// <c>validate</c> on an imported file says, after its summary, where each value came from: the file's key, a
/// command-line option, or the rule with its numbers. The expected numbers below are worked out by hand from the files.
/// </summary>
public sealed class ImportProvenanceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-provenance-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_kohya_gui_file_shows_the_guis_step_count_and_its_warmup_percentage()
    {
        // 150 images × repeats / batch 2 × 4 epochs = 300 steps; 10 % of them is a warmup of 30.
        var file = Write(KohyaGuiFile.Lora(("epoch", 4), ("train_batch_size", 2), ("lr_warmup", 10), ("max_train_steps", "")), ".json");

        var run = CliRun.Of("validate", "--config", file, "--from", "kohya", "--images", "150");

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().Contain(line => line.StartsWith("valid: ", StringComparison.Ordinal) && line.EndsWith("total_steps 300", StringComparison.Ordinal))
            .And.Contain("  total_steps 300 from the GUI's max_train_steps = ceil(150 images × repeats / train_batch_size 2 / gradient_accumulation_steps 1 × epoch 4 × reg_factor 1), images × repeats from --images 150")
            .And.Contain("  warmup_steps 30 from round(lr_warmup 10 % × the GUI's max_train_steps 300 / 100) (Python's round, halves to even)");
    }

    [Fact]
    public void A_kohya_gui_file_with_unet_and_text_encoder_rates_shows_both_parameter_groups()
    {
        var file = Write(KohyaGuiFile.Lora(("max_train_steps", "1000"), ("unet_lr", 1e-4), ("text_encoder_lr", 5e-5)), ".json");

        var run = CliRun.Of("validate", "--config", file, "--from", "kohya");

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().Contain("  learning_rate 1e-4 from unet_lr")
            .And.Contain("  parameter group unet (the curve above): learning_rate 1e-4 from unet_lr")
            .And.Contain("  parameter group text_encoder (--group text_encoder): learning_rate 5e-5 from text_encoder_lr");
    }

    [Fact]
    public void An_sd_scripts_file_counted_in_epochs_shows_the_epoch_rule_and_the_warmup_share()
    {
        // 8 epochs × ceil(301 batches / 1 process / accumulation 2) = 8 × 151 = 1208 steps; int(0.05 × 1208) = 60.
        var file = Write("learning_rate = 1e-4\nlr_scheduler = \"cosine\"\nlr_warmup_steps = 0.05\nmax_train_epochs = 8\ngradient_accumulation_steps = 2\n", ".toml");

        var run = CliRun.Of("validate", "--config", file, "--from", "kohya", "--batches-per-epoch", "301");

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().Contain("  total_steps 1208 from max_train_epochs 8 × ceil(--batches-per-epoch 301 / num_processes 1 / gradient_accumulation_steps 2)")
            .And.Contain("  warmup_steps 60 from int(lr_warmup_steps 0.05 × training steps 1208), a share of the run")
            .And.Contain("  learning_rate 1e-4 from learning_rate");
    }

    [Fact]
    public void Training_arguments_of_an_epoch_run_show_the_trainers_formula_and_the_warmup_ratio()
    {
        // 1000 examples / batch 8 = 125 batches; ceil(125 / accumulation 2) = 63 steps per epoch; × 3 epochs = 189; ceil(0.1 × 189) = 19.
        var file = Write("""{"learning_rate": 5e-5, "lr_scheduler_type": "linear", "max_steps": -1, "num_train_epochs": 3, "per_device_train_batch_size": 8, "gradient_accumulation_steps": 2, "warmup_ratio": 0.1}""", ".json");

        var run = CliRun.Of("validate", "--config", file, "--from", "hf", "--examples", "1000");

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().Contain(line => line.StartsWith("  total_steps 189 from ceil(num_train_epochs 3 × 63 optimizer steps per epoch) for max_steps -1", StringComparison.Ordinal)
                && line.Contains("ceil(--examples 1000 / (per_device_train_batch_size 8 × world size 1))", StringComparison.Ordinal))
            .And.Contain("  warmup_steps 19 from TrainingArguments.get_warmup_steps: ceil(training steps 189 × warmup_ratio 0.1)");
    }

    [Fact]
    public void A_timm_run_stepped_per_update_shows_its_length_rule_in_updates()
    {
        // t_initial 100 epochs × 50 updates = 5000; + cooldown 10 × 50 = 5500; warmup 5 × 50 = 250.
        var file = Write(TimmArgs.Yaml(("sched", "cosine"), ("lr", "0.001"), ("epochs", "100"), ("warmup_epochs", "5"), ("cooldown_epochs", "10"), ("sched_on_updates", "true")), ".yaml");

        var run = CliRun.Of("validate", "--config", file, "--from", "timm", "--batches-per-epoch", "50");

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().Contain(line => line.StartsWith("  total_steps 5500 from create_scheduler_v2's num_epochs = (t_initial 5000 × cycle_limit 1 + cooldown_epochs 10 × updates_per_epoch 50)", StringComparison.Ordinal))
            .And.Contain("  warmup_t 250 from warmup_epochs 5 × updates_per_epoch 50")
            .And.Contain("  t_initial 5000 from epochs 100 × updates_per_epoch 50");
    }

    [Fact]
    public void A_configuration_of_ours_is_summarised_on_one_line_without_origins()
    {
        var file = Write("""{"scheduler": "cosine", "learning_rate": 3e-4, "total_steps": 1000}""", ".json");

        var run = CliRun.Of("validate", "--config", file);

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().ContainSingle();
    }

    private string Write(string text, string extension)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, text);
        return path;
    }
}
