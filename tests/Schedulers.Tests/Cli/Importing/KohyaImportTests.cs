using System.Text.Json;

namespace Schedulers.Tests.Cli.Importing;

/// <summary>sd-scripts' documented rules for its learning-rate arguments, from its argument parser and get_scheduler_fix.</summary>
public sealed class KohyaImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-kohya-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("0.15", 1000, 150)]
    [InlineData("0.1555", 1000, 155)]
    [InlineData("0.999", 7, 6)]
    [InlineData("120", 1000, 120)]
    public void A_toml_warmup_below_one_is_a_share_of_the_steps_truncated(string warmup, long maxTrainSteps, long expected)
    {
        var converted = Convert($"lr_scheduler = \"cosine\"\nlearning_rate = 1e-4\nmax_train_steps = {maxTrainSteps}\nlr_warmup_steps = {warmup}\n");

        converted.GetProperty("warmup_steps").GetInt64().Should().Be(expected);
    }

    [Theory]
    [InlineData("10%", 1000, 100)]
    [InlineData("12.5%", 1001, 125)]
    [InlineData("0.2", 999, 199)]
    [InlineData("30", 999, 30)]
    public void An_argument_warmup_can_be_a_share_a_percentage_or_steps(string warmup, long maxTrainSteps, long expected)
    {
        var run = CliRun.Of("convert", "--from", "kohya", "--", "--lr_scheduler", "linear", "--learning_rate", "1e-4", "--max_train_steps", maxTrainSteps.ToString(System.Globalization.CultureInfo.InvariantCulture), "--lr_warmup_steps", warmup);

        run.ExitCode.Should().Be(0, run.Error);
        JsonDocument.Parse(run.Output).RootElement.GetProperty("warmup_steps").GetInt64().Should().Be(expected);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("ten")]
    public void An_argument_warmup_sd_scripts_refuses_is_refused(string warmup)
    {
        var run = CliRun.Of("curve", "--from", "kohya", "--", "--lr_scheduler", "linear", "--max_train_steps", "100", "--lr_warmup_steps", warmup);

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("lr_warmup_steps").And.Contain(warmup);
    }

    [Fact]
    public void The_decay_steps_follow_the_same_share_rule()
    {
        var converted = Convert("lr_scheduler = \"warmup_stable_decay\"\nlearning_rate = 1e-4\nmax_train_steps = 1000\nlr_warmup_steps = 0.05\nlr_decay_steps = 0.25\n");

        converted.GetProperty("warmup_steps").GetInt64().Should().Be(50);
        converted.GetProperty("decay_steps").GetInt64().Should().Be(250);
    }

    [Theory]
    [InlineData("cosine_with_min_lr", "\nlr_scheduler_min_lr_ratio = 0.1", 3, 1.5)]
    [InlineData("warmup_stable_decay", "\nlr_decay_steps = 100", 3, 1.5)]
    [InlineData("warmup_stable_decay", "\nlr_decay_steps = 100", 1, 0.5)]
    [InlineData("cosine_with_restarts", "", 3, 3)]
    public void The_kohya_cycle_count_is_halved_only_where_sd_scripts_halves_it(string scheduler, string extra, int kohyaCycles, double expected)
    {
        var converted = Convert($"lr_scheduler = \"{scheduler}\"\nlearning_rate = 1e-4\nmax_train_steps = 1000{extra}\nlr_scheduler_num_cycles = {kohyaCycles}\n");

        converted.GetProperty("num_cycles").GetDouble().Should().Be(expected);
    }

    [Fact]
    public void The_training_length_is_multiplied_by_the_number_of_processes()
    {
        var path = Write("lr_scheduler = \"linear\"\nlearning_rate = 1e-4\nmax_train_steps = 500\n");

        var run = CliRun.Of("convert", "--config", path, "--from", "kohya", "--num-processes", "4");

        run.ExitCode.Should().Be(0, run.Error);
        JsonDocument.Parse(run.Output).RootElement.GetProperty("total_steps").GetInt64().Should().Be(2000);
    }

    [Theory]
    [InlineData("lr_scheduler = \"constant\"\nlr_warmup_steps = 100\n", "constant does not require `num_warmup_steps`")]
    [InlineData("lr_scheduler_type = \"CosineAnnealingLR\"\nlr_scheduler_args = [\"T_max=100\"]\nlr_warmup_steps = 10\n", "does not require `num_warmup_steps`")]
    [InlineData("lr_scheduler = \"constant\"\nlr_warmup_steps = 0.1\n", "constant does not require `num_warmup_steps`")]
    public void A_warmup_sd_scripts_refuses_is_refused_with_its_meaning(string toml, string expected)
    {
        var run = CliRun.Of("curve", "--config", Write("learning_rate = 1e-4\nmax_train_steps = 1000\n" + toml), "--from", "kohya");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain(expected);
    }

    [Fact]
    public void Settings_sd_scripts_ignores_for_the_scheduler_are_listed_as_notes()
    {
        var run = CliRun.Of("convert", "--config", Write("lr_scheduler = \"cosine\"\nlearning_rate = 1e-4\nmax_train_steps = 1000\nlr_scheduler_num_cycles = 3\nlr_scheduler_power = 2\n"), "--from", "kohya");

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().Contain("note: lr_scheduler_num_cycles is ignored").And.Contain("note: lr_scheduler_power is ignored");
        JsonDocument.Parse(run.Output).RootElement.TryGetProperty("num_cycles", out _).Should().BeFalse();
    }

    [Fact]
    public void A_gui_written_config_imports_with_its_unrelated_keys_ignored()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Cli", "Importing", "gui-written-lora.toml");

        var run = CliRun.Of("convert", "--config", path, "--from", "kohya");

        run.ExitCode.Should().Be(0, run.Error);
        var converted = JsonDocument.Parse(run.Output).RootElement;
        converted.GetProperty("scheduler").GetString().Should().Be("cosine_with_restarts");
        converted.GetProperty("learning_rate").GetDouble().Should().Be(1e-4);
        converted.GetProperty("warmup_steps").GetInt64().Should().Be(240);
        converted.GetProperty("total_steps").GetInt64().Should().Be(2400);
        converted.GetProperty("num_cycles").GetInt64().Should().Be(3);
        run.Error.Should().Be("note: lr_scheduler_power is ignored: sd-scripts does not use it with lr_scheduler cosine_with_restarts.\n");
    }

    [Fact]
    public void Sections_are_flattened_and_unrelated_keys_ignored()
    {
        var run = CliRun.Of("convert", "--config", Write("[model]\npretrained_model_name_or_path = \"x.safetensors\"\n[optimizer]\noptimizer_type = \"AdamW8bit\"\nlearning_rate = 3e-4\nlr_scheduler = \"linear\"\n[training]\nmax_train_steps = 800\nlr_warmup_steps = 80\n"), "--from", "kohya");

        run.ExitCode.Should().Be(0, run.Error);
        var converted = JsonDocument.Parse(run.Output).RootElement;
        converted.GetProperty("learning_rate").GetDouble().Should().Be(3e-4);
        converted.GetProperty("total_steps").GetInt64().Should().Be(800);
        converted.GetProperty("warmup_steps").GetInt64().Should().Be(80);
    }

    [Fact]
    public void Pytorch_classes_take_their_arguments_from_lr_scheduler_args()
    {
        var converted = Convert("lr_scheduler_type = \"torch.optim.lr_scheduler.StepLR\"\nlearning_rate = 1e-3\nlr_scheduler_args = [\"step_size=30\", \"gamma=0.5\"]\n");

        converted.GetProperty("scheduler").GetString().Should().Be("StepLR");
        converted.GetProperty("step_size").GetInt64().Should().Be(30);
        converted.GetProperty("gamma").GetDouble().Should().Be(0.5);
    }

    [Theory]
    [InlineData("[\"mode=triangular\"]", "Python literal")]
    [InlineData("[\"T_max\"]", "key=value")]
    [InlineData("\"T_max=100\"", "list")]
    public void Scheduler_arguments_sd_scripts_cannot_read_are_refused(string arguments, string expected)
    {
        var run = CliRun.Of("curve", "--config", Write($"lr_scheduler_type = \"CyclicLR\"\nlearning_rate = 1e-3\nlr_scheduler_args = {arguments}\n"), "--from", "kohya", "--steps", "10");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(expected);
    }

    [Fact]
    public void A_keyword_the_schedule_function_does_not_take_is_refused()
    {
        var run = CliRun.Of("curve", "--config", Write("lr_scheduler = \"linear\"\nlearning_rate = 1e-3\nmax_train_steps = 100\nlr_scheduler_args = [\"T_max=100\"]\n"), "--from", "kohya");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("T_max").And.Contain("TypeError");
    }

    [Fact]
    public void Keywords_the_schedule_function_does_not_take_are_refused_in_the_order_written_on_every_run()
    {
        var config = Write("lr_scheduler = \"linear\"\nlearning_rate = 1e-3\nmax_train_steps = 100\nlr_scheduler_args = [\"zeta=1\", \"alpha=2\", \"mu=3\"]\n");

        var refused = CliRun.Of("curve", "--config", config, "--from", "kohya").Error
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':')[1].Trim());

        refused.Should().Equal("lr_scheduler_args zeta", "lr_scheduler_args alpha", "lr_scheduler_args mu");
    }

    [Fact]
    public void A_problem_of_the_imported_schedule_names_the_kohya_setting()
    {
        var run = CliRun.Of("curve", "--config", Write("lr_scheduler = \"cosine\"\nlearning_rate = 1e-3\nmax_train_steps = 100\nlr_warmup_steps = 150\n"), "--from", "kohya");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("lr_warmup_steps");
    }

    [Fact]
    public void Cosine_with_min_lr_without_a_floor_is_refused_as_transformers_refuses_it()
    {
        var run = CliRun.Of("curve", "--config", Write("lr_scheduler = \"cosine_with_min_lr\"\nlearning_rate = 1e-3\nmax_train_steps = 100\n"), "--from", "kohya");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("lr_scheduler_min_lr_ratio");
    }

    [Fact]
    public void Max_train_epochs_without_the_batches_per_epoch_is_refused_naming_the_option_and_why()
    {
        var run = CliRun.Of("curve", "--config", Write("lr_scheduler = \"cosine\"\nlearning_rate = 1e-3\nmax_train_epochs = 10\n"), "--from", "kohya");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("max_train_epochs").And.Contain("--batches-per-epoch").And.Contain("num batches per epoch");
    }

    [Theory]
    [InlineData(10, 45, 1, 1, 450)]
    [InlineData(10, 45, 2, 1, 230)]
    [InlineData(10, 45, 2, 2, 240)]
    [InlineData(3, 7, 1, 4, 24)]
    public void Max_train_epochs_gives_epochs_times_the_rounded_up_optimizer_steps_per_epoch_times_the_processes(long epochs, long batches, long accumulation, long processes, long expected)
    {
        var path = Write($"[training]\nlr_scheduler = \"linear\"\nlearning_rate = 1e-4\nmax_train_epochs = {epochs}\ngradient_accumulation_steps = {accumulation}\nmax_train_steps = 99\n");

        var run = CliRun.Of("convert", "--config", path, "--from", "kohya", "--batches-per-epoch", batches.ToString(System.Globalization.CultureInfo.InvariantCulture), "--num-processes", processes.ToString(System.Globalization.CultureInfo.InvariantCulture));

        run.ExitCode.Should().Be(0, run.Error);
        JsonDocument.Parse(run.Output).RootElement.GetProperty("total_steps").GetInt64().Should().Be(expected);
        run.Error.Should().Contain("max_train_steps 99 is replaced");
    }

    [Fact]
    public void Max_train_epochs_in_arguments_uses_the_batches_per_epoch_too()
    {
        var run = CliRun.Of("convert", "--from", "kohya", "--batches-per-epoch", "30", "--", "--lr_scheduler", "cosine", "--learning_rate", "1e-4", "--max_train_epochs", "4", "--gradient_accumulation_steps", "4");

        run.ExitCode.Should().Be(0, run.Error);
        JsonDocument.Parse(run.Output).RootElement.GetProperty("total_steps").GetInt64().Should().Be(32);
    }

    [Fact]
    public void The_batches_per_epoch_given_for_a_run_counted_in_steps_changes_nothing_and_says_so()
    {
        var run = CliRun.Of("convert", "--config", Write("lr_scheduler = \"linear\"\nlearning_rate = 1e-4\nmax_train_steps = 500\n"), "--from", "kohya", "--batches-per-epoch", "30");

        run.ExitCode.Should().Be(0, run.Error);
        JsonDocument.Parse(run.Output).RootElement.GetProperty("total_steps").GetInt64().Should().Be(500);
        run.Error.Should().Contain("--batches-per-epoch 30 is not needed");
    }

    [Fact]
    public void Missing_settings_take_sd_scripts_defaults_and_say_so()
    {
        var run = CliRun.Of("convert", "--config", Write("lr_scheduler = \"linear\"\n"), "--from", "kohya");

        run.ExitCode.Should().Be(0, run.Error);
        var converted = JsonDocument.Parse(run.Output).RootElement;
        converted.GetProperty("total_steps").GetInt64().Should().Be(1600);
        converted.GetProperty("learning_rate").GetDouble().Should().Be(2e-6);
        run.Error.Should().Contain("note: learning_rate is not set").And.Contain("note: max_train_steps is not set");
    }

    [Fact]
    public void A_file_that_is_not_toml_is_refused()
    {
        var run = CliRun.Of("curve", "--config", Write("lr_scheduler = = \"cosine\"\n"), "--from", "kohya");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("TOML");
    }

    [Fact]
    public void An_unknown_lr_argument_is_refused_as_argparse_refuses_it()
    {
        var run = CliRun.Of("curve", "--from", "kohya", "--", "--lr_sheduler", "cosine", "--max_train_steps", "100");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--lr_sheduler");
    }

    private JsonElement Convert(string toml)
    {
        var run = CliRun.Of("convert", "--config", Write(toml), "--from", "kohya");
        run.ExitCode.Should().Be(0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }

    private string Write(string toml)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".toml");
        File.WriteAllText(path, toml);
        return path;
    }
}
