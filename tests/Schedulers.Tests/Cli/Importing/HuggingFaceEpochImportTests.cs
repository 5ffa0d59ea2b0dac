using System.Globalization;

namespace Schedulers.Tests.Cli.Importing;

/// <summary>
/// <c>max_steps: -1</c>: the Trainer's length from the epochs (Trainer.set_initial_training_values):
/// batches = ceil(examples / (per_device_train_batch_size × world_size)) (floor with dataloader_drop_last),
/// steps_per_epoch = max(ceil(batches / gradient_accumulation_steps), 1) (floor in older releases),
/// N = ceil(num_train_epochs × steps_per_epoch). The expected lengths are worked out by hand.
/// </summary>
public sealed class HuggingFaceEpochImportTests : IDisposable
{
    private readonly HuggingFaceFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(1000, 8, 1, 1, false, 3.0, "ceil", 375)] // 125 batches, 125 steps per epoch
    [InlineData(1000, 8, 3, 1, false, 3.0, "ceil", 126)] // 125 batches: ceil(125 / 3) = 42 steps per epoch
    [InlineData(1000, 8, 3, 1, false, 3.0, "floor", 123)] // older releases: 125 // 3 = 41
    [InlineData(1001, 8, 1, 1, false, 1.0, "ceil", 126)] // ceil(1001 / 8) = 126 batches: the last one holds one example
    [InlineData(1001, 8, 1, 1, true, 1.0, "ceil", 125)] // dataloader_drop_last: floor(1001 / 8) = 125
    [InlineData(1000, 8, 1, 4, false, 2.0, "ceil", 64)] // four processes: ceil(1000 / 32) = 32 batches each
    [InlineData(1000, 8, 1, 1, false, 0.5, "ceil", 63)] // half an epoch of 125 steps: ceil(62.5)
    [InlineData(1001, 2, 4, 2, false, 2.5, "ceil", 158)] // 251 batches, 63 steps per epoch, ceil(157.5)
    [InlineData(10, 8, 4, 1, false, 3.0, "ceil", 3)] // 2 batches, fewer than the accumulation: one step per epoch
    [InlineData(10, 8, 4, 1, false, 3.0, "floor", 3)] // 2 // 4 = 0, raised to 1 by max(·, 1)
    [InlineData(800, 8, 1, 1, false, 0.07, "ceil", 8)] // Python's 0.07 × 100 is 7.000000000000001: math.ceil gives 8
    public void The_length_of_an_epoch_based_run_is_the_trainers(long examples, int batch, int accumulation, int worldSize, bool dropLast, double epochs, string rule, long expected)
    {
        var json = $$"""
            {"learning_rate": 1e-4, "max_steps": -1, "num_train_epochs": {{epochs.ToString("R", CultureInfo.InvariantCulture)}},
             "per_device_train_batch_size": {{batch}}, "gradient_accumulation_steps": {{accumulation}},
             "dataloader_drop_last": {{(dropLast ? "true" : "false")}}, "lr_scheduler_type": "linear"}
            """;

        var converted = _files.Convert(json, ".json", out _, "--examples", $"{examples}", "--world-size", $"{worldSize}", "--hf-epoch-rule", rule);

        converted.GetProperty("total_steps").GetInt64().Should().Be(expected);
    }

    [Fact]
    public void The_same_settings_as_yaml_give_the_same_length()
    {
        var yaml = """
            learning_rate: 1.0e-4
            num_train_epochs: 2.5
            per_device_train_batch_size: 2
            gradient_accumulation_steps: 4
            dataloader_drop_last: false
            lr_scheduler_type: linear
            """;

        var converted = _files.Convert(yaml, ".yaml", out _, "--examples", "1001", "--world-size", "2");

        converted.GetProperty("total_steps").GetInt64().Should().Be(158);
    }

    [Fact]
    public void A_max_steps_of_zero_trains_for_the_epochs_as_minus_one_does()
    {
        var byZero = _files.Convert("""{"max_steps": 0, "num_train_epochs": 3, "per_device_train_batch_size": 4}""", ".json", out var note, "--examples", "100");
        var byMinusOne = _files.Convert("""{"max_steps": -1, "num_train_epochs": 3, "per_device_train_batch_size": 4}""", ".json", out _, "--examples", "100");

        byZero.GetProperty("total_steps").GetInt64().Should().Be(byMinusOne.GetProperty("total_steps").GetInt64());
        note.Should().Contain("max_steps 0 is not > 0");
    }

    [Fact]
    public void A_warmup_ratio_is_a_share_of_the_length_from_the_epochs()
    {
        var converted = _files.Convert("""{"max_steps": -1, "num_train_epochs": 3, "gradient_accumulation_steps": 3, "warmup_ratio": 0.1}""", ".json", out _, "--examples", "1000");

        // 126 steps (42 per epoch); ceil(126 × 0.1) = ceil(12.600000000000001) = 13
        converted.GetProperty("warmup_steps").GetInt64().Should().Be(13);
    }

    [Fact]
    public void Training_arguments_defaults_apply_and_are_said()
    {
        var converted = _files.Convert("""{"learning_rate": 1e-4}""", ".json", out var error, "--examples", "240");

        // 3 epochs of ceil(240 / 8) = 30 steps
        converted.GetProperty("total_steps").GetInt64().Should().Be(90);
        error.Should().Contain("note: num_train_epochs is not set: TrainingArguments' default 3 applies.");
    }

    [Fact]
    public void A_missing_world_size_is_assumed_one_and_said()
    {
        _files.Convert("""{"max_steps": -1, "num_train_epochs": 1}""", ".json", out var error, "--examples", "80");

        error.Should().Contain("note: --world-size is not given: assumed 1");
    }

    [Fact]
    public void The_derivation_of_the_length_is_said_with_each_number_and_where_it_came_from()
    {
        _files.Convert("""{"max_steps": -1, "num_train_epochs": 3, "per_device_train_batch_size": 8, "gradient_accumulation_steps": 3}""", ".json", out var error, "--examples", "1000", "--world-size", "1");

        error.Should().Contain("total_steps 126 = ceil(num_train_epochs 3 × 42); 42 optimizer steps per epoch = max(ceil(125 batches / gradient_accumulation_steps 3), 1); 125 batches per process = ceil(--examples 1000 / (per_device_train_batch_size 8 × world size 1))");
    }

    [Fact]
    public void A_remainder_of_accumulation_names_the_older_rule_that_would_floor_it()
    {
        _files.Convert("""{"max_steps": -1, "num_train_epochs": 1, "gradient_accumulation_steps": 3}""", ".json", out var error, "--examples", "1000");

        error.Should().Contain("--hf-epoch-rule floor").And.Contain("41 steps per epoch");
    }

    [Fact]
    public void The_deprecated_per_gpu_batch_size_wins_when_set_as_in_the_trainer()
    {
        var converted = _files.Convert("""{"max_steps": -1, "num_train_epochs": 1, "per_device_train_batch_size": 8, "per_gpu_train_batch_size": 4}""", ".json", out var error, "--examples", "100");

        converted.GetProperty("total_steps").GetInt64().Should().Be(25);
        error.Should().Contain("per_gpu_train_batch_size is set");
    }

    [Fact]
    public void Split_batches_keeps_the_world_size_out_of_the_divisor()
    {
        var converted = _files.Convert("""{"max_steps": -1, "num_train_epochs": 1, "per_device_train_batch_size": 8, "accelerator_config": {"split_batches": true}}""", ".json", out _, "--examples", "100", "--world-size", "4");

        converted.GetProperty("total_steps").GetInt64().Should().Be(13);
    }

    [Theory]
    [InlineData("""{"max_steps": -1, "num_train_epochs": 3}""")]
    [InlineData("""{"num_train_epochs": 3}""")]
    [InlineData("max_steps: -1\nnum_train_epochs: 3\n")]
    public void An_epoch_based_run_without_examples_is_refused_naming_the_option_and_why(string text)
    {
        var run = _files.Validate(text, text.StartsWith('{') ? ".json" : ".yaml");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("give --examples N (len(train_dataset))").And.Contain("num_train_epochs").And.Contain("max_steps");
    }

    [Theory]
    [InlineData("""{"max_steps": -1, "num_train_epochs": 0}""", "num_train_epochs = 0 trains no step")]
    [InlineData("""{"max_steps": -1, "per_device_train_batch_size": 0}""", "per_device_train_batch_size = 0 is not a whole number")]
    [InlineData("""{"max_steps": -1, "gradient_accumulation_steps": 2.5}""", "gradient_accumulation_steps = 2.5 is not a whole number")]
    [InlineData("""{"max_steps": -1, "dataloader_drop_last": "yes"}""", "dataloader_drop_last = \"yes\" is not true or false")]
    [InlineData("""{"max_steps": -1, "per_device_train_batch_size": 64, "dataloader_drop_last": true}""", "makes no full batch")]
    [InlineData("""{"max_steps": -1.5}""", "max_steps = -1.5 is not a whole number")]
    [InlineData("""{"max_steps": -1, "num_train_epochs": 1e300}""", "more than 2^53 steps")]
    public void Epoch_settings_the_trainer_cannot_run_are_refused(string json, string expected)
    {
        var run = _files.Validate(json, ".json", "--examples", "50");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(expected);
    }

    [Theory]
    [InlineData("--examples", "0")]
    [InlineData("--world-size", "0")]
    [InlineData("--examples", "-3")]
    public void A_count_option_that_is_not_a_count_is_refused_naming_it(string option, string value)
    {
        var run = _files.Validate("""{"max_steps": -1}""", ".json", option, value);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain($"{option} {value} is not");
    }

    [Fact]
    public void Facts_a_run_with_max_steps_does_not_need_are_accepted_and_said()
    {
        var converted = _files.Convert("""{"max_steps": 500}""", ".json", out var error, "--examples", "1000", "--world-size", "2", "--hf-epoch-rule", "floor");

        converted.GetProperty("total_steps").GetInt64().Should().Be(500);
        error.Should().Contain("note: --examples 1000 is not used: max_steps 500 sets the run's length.")
            .And.Contain("note: --world-size 2 is not used")
            .And.Contain("note: --hf-epoch-rule floor is not used");
    }

    [Fact]
    public void Facts_given_to_a_configuration_of_our_own_are_accepted_and_said()
    {
        var run = CliRun.Of("validate", "--scheduler", "linear", "--learning-rate", "0.1", "--total-steps", "10", "--examples", "100");

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().Contain("note: --examples 100 is not used: it is for Hugging Face runs (--from hf)");
    }

    [Fact]
    public void Facts_given_to_a_plateau_run_are_accepted_and_said()
    {
        var run = _files.Validate("""{"lr_scheduler_type": "reduce_lr_on_plateau", "max_steps": -1}""", ".json", "--examples", "100");

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().Contain("--examples 100 is not used: reduce_lr_on_plateau follows the metrics");
    }

    [Fact]
    public void Compare_takes_the_facts_for_each_hugging_face_file()
    {
        var a = _files.Write("""{"max_steps": -1, "num_train_epochs": 1}""");
        var b = _files.Write("""{"max_steps": -1, "num_train_epochs": 2}""");

        var run = CliRun.Of("compare", "--config", a, "--config", b, "--from", "hf", "--examples", "80");

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().HaveCount(1 + 21); // header, steps 0 .. 20 of the longer run (2 epochs of 10 steps)
    }
}
