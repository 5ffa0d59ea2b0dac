using System.Globalization;
using System.Text.Json;

namespace Schedulers.Tests.Cli.Importing;

/// <summary>
/// Kohya GUI (kohya_ss) configuration files under <c>--from kohya</c>: the length and warmup its <c>train_model</c>
/// computes, then sd-scripts' rules. The files are written as the GUI saves them (numbers as strings, <c>""</c> for
/// unset, many settings that have nothing to do with the schedule); see <see cref="KohyaGuiFile"/>.
/// </summary>
public sealed class KohyaGuiImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-kohya-gui-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(".json")]
    [InlineData(".toml")]
    [InlineData("")]
    public void A_gui_file_is_told_from_sd_scripts_toml_by_its_content_whatever_its_extension(string extension)
    {
        var path = Write(KohyaGuiFile.Lora(("max_train_steps", "400")), extension);

        var run = CliRun.Of("curve", "--config", path, "--from", "kohya", "--steps", "3");

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines[0].Should().Be("step,lr");
    }

    [Fact]
    public void Numbers_written_as_strings_are_read_as_numbers()
    {
        var converted = Convert(KohyaGuiFile.Lora(("learning_rate", "3e-4"), ("unet_lr", "0"), ("max_train_steps", "1200"), ("lr_warmup", "5")));

        converted.GetProperty("learning_rate").GetDouble().Should().Be(3e-4);
        converted.GetProperty("total_steps").GetInt64().Should().Be(1200);
        converted.GetProperty("warmup_steps").GetInt64().Should().Be(60);
    }

    [Fact]
    public void An_empty_max_train_steps_needs_the_images_and_the_refusal_names_the_options_and_why()
    {
        var run = CliRun.Of("curve", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", ""))), "--from", "kohya");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("--images").And.Contain("--dataset-dir").And.Contain("max_train_steps is 0").And.Contain("N_name folders");
    }

    [Theory]
    [InlineData(125, "2", "1", "10", "", 625)]
    [InlineData(125, "2", "1", "10", "/data/reg", 1250)]
    [InlineData(7, "3", "2", "3", "", 4)]
    [InlineData(100, "4", "1", "1", "", 25)]
    [InlineData(101, "4", "1", "1", "", 26)]
    public void The_gui_counts_the_steps_from_images_batch_accumulation_epochs_and_a_regularisation_folder(long images, string batch, string accumulation, string epoch, string regularisation, long expected)
    {
        var converted = Convert(
            KohyaGuiFile.Lora(("max_train_steps", "0"), ("train_batch_size", batch), ("gradient_accumulation_steps", accumulation), ("epoch", epoch), ("reg_data_dir", regularisation), ("lr_warmup", "0")),
            "--images", images.ToString(CultureInfo.InvariantCulture));

        converted.GetProperty("total_steps").GetInt64().Should().Be(expected);
    }

    [Fact]
    public void A_regularisation_folder_is_said_to_double_the_steps()
    {
        var run = CliRun.Of("validate", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", ""), ("reg_data_dir", "/data/reg"))), "--from", "kohya", "--images", "40");

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().Contain("reg_data_dir is set").And.Contain("reg_factor 2");
    }

    [Theory]
    [InlineData(10, 625, 62)]
    [InlineData(10, 635, 64)]
    [InlineData(5, 50, 2)]
    [InlineData(15, 10, 2)]
    [InlineData(7, 1000, 70)]
    public void A_warmup_percentage_of_a_file_without_lr_warmup_steps_is_rounded_half_to_even(int percent, long steps, long expected)
    {
        var converted = Convert(KohyaGuiFile.Lora(("max_train_steps", steps.ToString(CultureInfo.InvariantCulture)), ("lr_warmup", percent.ToString(CultureInfo.InvariantCulture))));

        converted.GetProperty("warmup_steps").GetInt64().Should().Be(expected);
    }

    [Fact]
    public void The_warmup_percentage_applies_to_the_steps_the_gui_counted()
    {
        var converted = Convert(KohyaGuiFile.Lora(("max_train_steps", ""), ("lr_warmup", "10"), ("train_batch_size", "2"), ("epoch", "10")), "--images", "125");

        converted.GetProperty("total_steps").GetInt64().Should().Be(625);
        converted.GetProperty("warmup_steps").GetInt64().Should().Be(62);
    }

    [Fact]
    public void Lr_warmup_steps_above_zero_wins_over_the_percentage_and_says_so()
    {
        var run = CliRun.Of("convert", "--config", Write(KohyaGuiFile.LoraWithWarmupSteps(("max_train_steps", "1000"), ("lr_warmup", "10"), ("lr_warmup_steps", "37"))), "--from", "kohya");

        run.ExitCode.Should().Be(0, run.Error);
        JsonDocument.Parse(run.Output).RootElement.GetProperty("warmup_steps").GetInt64().Should().Be(37);
        run.Error.Should().Contain("lr_warmup 10 is not used");
    }

    [Theory]
    [InlineData(29, 100, 1, 28)]
    [InlineData(10, 625, 1, 62)]
    [InlineData(7, 300, 1, 21)]
    [InlineData(10, 625, 2, 125)]
    public void A_file_that_saves_lr_warmup_steps_passes_the_percentage_as_a_share_sd_scripts_truncates(int percent, long steps, int processes, long expected)
    {
        var converted = Convert(KohyaGuiFile.LoraWithWarmupSteps(
            ("max_train_steps", steps.ToString(CultureInfo.InvariantCulture)), ("lr_warmup", percent.ToString(CultureInfo.InvariantCulture)), ("lr_warmup_steps", 0), ("num_processes", processes)));

        converted.GetProperty("warmup_steps").GetInt64().Should().Be(expected);
    }

    [Fact]
    public void The_number_of_processes_comes_from_the_file()
    {
        var converted = Convert(KohyaGuiFile.Lora(("max_train_steps", "500"), ("num_processes", "4"), ("multi_gpu", true)));

        converted.GetProperty("total_steps").GetInt64().Should().Be(2000);
    }

    [Fact]
    public void A_num_processes_option_that_disagrees_with_the_file_is_refused()
    {
        var run = CliRun.Of("curve", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", "500"), ("num_processes", 2))), "--from", "kohya", "--num-processes", "3");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--num-processes 3").And.Contain("num_processes 2");
    }

    [Fact]
    public void A_num_processes_of_zero_assumes_one_process_and_says_so()
    {
        var run = CliRun.Of("convert", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", "500"), ("num_processes", 0))), "--from", "kohya");

        run.ExitCode.Should().Be(0, run.Error);
        JsonDocument.Parse(run.Output).RootElement.GetProperty("total_steps").GetInt64().Should().Be(500);
        run.Error.Should().Contain("1 process is assumed");
    }

    [Fact]
    public void A_dataset_config_without_max_train_steps_takes_sd_scripts_default_and_needs_no_images()
    {
        var run = CliRun.Of("convert", "--config", Write(KohyaGuiFile.Lora(("dataset_config", "/data/dataset.toml"), ("max_train_steps", ""), ("lr_warmup", "10"))), "--from", "kohya", "--images", "50");

        run.ExitCode.Should().Be(0, run.Error);
        JsonDocument.Parse(run.Output).RootElement.GetProperty("total_steps").GetInt64().Should().Be(1600);
        JsonDocument.Parse(run.Output).RootElement.GetProperty("warmup_steps").GetInt64().Should().Be(0, "the GUI passes no warmup when it has no step count");
        run.Error.Should().Contain("dataset_config is set").And.Contain("default 1600").And.Contain("--images 50").And.Contain("is not needed");
    }

    [Fact]
    public void A_dataset_config_with_max_train_steps_rounds_the_percentage_and_drops_lr_warmup_steps_as_the_gui_does()
    {
        var run = CliRun.Of("convert", "--config", Write(KohyaGuiFile.LoraWithWarmupSteps(("dataset_config", "/data/dataset.toml"), ("max_train_steps", "250"), ("lr_warmup", "5"), ("lr_warmup_steps", "40"))), "--from", "kohya");

        run.ExitCode.Should().Be(0, run.Error);
        JsonDocument.Parse(run.Output).RootElement.GetProperty("warmup_steps").GetInt64().Should().Be(12);
        run.Error.Should().Contain("lr_warmup_steps 40 is not used");
    }

    [Fact]
    public void Max_train_epochs_in_a_gui_file_needs_the_batches_per_epoch()
    {
        var run = CliRun.Of("curve", "--config", Write(KohyaGuiFile.Lora(("max_train_epochs", "8"), ("max_train_steps", ""))), "--from", "kohya");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--batches-per-epoch").And.Contain("max_train_epochs 8");
    }

    [Fact]
    public void Max_train_epochs_in_a_gui_file_follows_sd_scripts_epoch_rule()
    {
        var converted = Convert(KohyaGuiFile.Lora(("max_train_epochs", "8"), ("max_train_steps", ""), ("gradient_accumulation_steps", "2"), ("num_processes", "2")), "--batches-per-epoch", "50");

        converted.GetProperty("total_steps").GetInt64().Should().Be(8 * 13 * 2);
    }

    [Fact]
    public void The_unet_group_is_the_default_curve_and_the_text_encoder_group_is_chosen_with_group()
    {
        var file = Write(KohyaGuiFile.Lora(("max_train_steps", "300"), ("learning_rate", "1e-4"), ("unet_lr", "2e-4"), ("text_encoder_lr", "5e-5")));

        var unet = CliRun.Of("convert", "--config", file, "--from", "kohya");
        var textEncoder = CliRun.Of("convert", "--config", file, "--from", "kohya", "--group", "text_encoder");

        unet.ExitCode.Should().Be(0, unet.Error);
        textEncoder.ExitCode.Should().Be(0, textEncoder.Error);
        JsonDocument.Parse(unet.Output).RootElement.GetProperty("learning_rate").GetDouble().Should().Be(2e-4);
        JsonDocument.Parse(textEncoder.Output).RootElement.GetProperty("learning_rate").GetDouble().Should().Be(5e-5);
        unet.Error.Should().Contain("parameter groups: unet at unet_lr 0.0002, text_encoder at text_encoder_lr 5E-05").And.Contain("--group text_encoder");
        textEncoder.Error.Should().NotContain("parameter groups:");
    }

    [Fact]
    public void A_text_encoder_rate_alone_trains_the_text_encoder_only()
    {
        var run = CliRun.Of("convert", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", "300"), ("unet_lr", ""), ("text_encoder_lr", "5e-5"))), "--from", "kohya");

        run.ExitCode.Should().Be(0, run.Error);
        JsonDocument.Parse(run.Output).RootElement.GetProperty("learning_rate").GetDouble().Should().Be(5e-5);
        run.Error.Should().Contain("network_train_text_encoder_only");
    }

    [Fact]
    public void An_unknown_group_is_refused_naming_the_groups()
    {
        var run = CliRun.Of("curve", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", "300"), ("unet_lr", "1e-4"), ("text_encoder_lr", "5e-5"))), "--from", "kohya", "--group", "te");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--group te").And.Contain("unet, text_encoder");
    }

    [Fact]
    public void A_group_follows_the_factor_of_the_schedule_built_on_the_optimizer_rate_even_with_an_absolute_end_rate()
    {
        var file = Write(KohyaGuiFile.Lora(("max_train_steps", "200"), ("lr_scheduler", "polynomial"), ("lr_scheduler_power", "2"), ("learning_rate", "1e-4"), ("unet_lr", "4e-4"), ("lr_scheduler_args", "lr_end=1e-5")));
        var plain = Write(KohyaGuiFile.Lora(("max_train_steps", "200"), ("lr_scheduler", "polynomial"), ("lr_scheduler_power", "2"), ("learning_rate", "1e-4"), ("unet_lr", ""), ("lr_scheduler_args", "lr_end=1e-5")));

        var group = Curve(CliRun.Of("curve", "--config", file, "--from", "kohya", "--format", "json"));
        var schedule = Curve(CliRun.Of("curve", "--config", plain, "--from", "kohya", "--format", "json"));

        group.Should().HaveCount(201);
        for (var step = 0; step < group.Length; step++)
        {
            group[step].Should().BeApproximately(schedule[step] * 4, 1e-12 * 4e-4, "step {0}: sd-scripts scales the schedule's factor by the group's rate", step);
        }
    }

    [Fact]
    public void Lr_scheduler_type_and_its_argument_string_become_the_pytorch_class()
    {
        var converted = Convert(KohyaGuiFile.Lora(("max_train_steps", "500"), ("lr_scheduler_type", "CosineAnnealingLR"), ("lr_scheduler_args", "T_max=400  \"eta_min=1e-6\"")));

        converted.GetProperty("scheduler").GetString().Should().Be("CosineAnnealingLR");
        converted.GetProperty("T_max").GetInt64().Should().Be(400);
        converted.GetProperty("eta_min").GetDouble().Should().Be(1e-6);
    }

    [Fact]
    public void An_argument_string_value_in_double_quotes_is_refused_because_the_gui_removes_them()
    {
        var run = CliRun.Of("curve", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", "500"), ("lr_scheduler_type", "CyclicLR"), ("lr_scheduler_args", "base_lr=1e-5 max_lr=1e-4 mode=\"triangular2\""))), "--from", "kohya");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("mode=triangular2").And.Contain("literal_eval");
    }

    [Theory]
    [InlineData("cosine_with_restarts", "3", "", 3)]
    [InlineData("cosine_with_restarts", "", "", 1)]
    [InlineData("cosine_with_min_lr", "3", "min_lr=1e-6", 1.5)]
    public void The_cycle_count_reaches_the_schedules_sd_scripts_gives_it_to(string scheduler, string cycles, string arguments, double expected)
    {
        var converted = Convert(KohyaGuiFile.Lora(("max_train_steps", "500"), ("lr_scheduler", scheduler), ("lr_scheduler_num_cycles", cycles), ("lr_scheduler_args", arguments)));

        converted.GetProperty("num_cycles").GetDouble().Should().Be(expected);
    }

    [Fact]
    public void The_power_reaches_polynomial_and_is_noted_as_ignored_elsewhere()
    {
        var polynomial = Convert(KohyaGuiFile.Lora(("max_train_steps", "500"), ("lr_scheduler", "polynomial"), ("lr_scheduler_power", "2.5")));
        var cosine = CliRun.Of("convert", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", "500"), ("lr_scheduler", "cosine"), ("lr_scheduler_power", "2.5"))), "--from", "kohya");

        polynomial.GetProperty("power").GetDouble().Should().Be(2.5);
        cosine.ExitCode.Should().Be(0, cosine.Error);
        cosine.Error.Should().Contain("lr_scheduler_power is ignored").And.Contain("lr_scheduler_num_cycles is ignored");
    }

    [Fact]
    public void The_adafactor_schedule_is_refused_because_its_rate_comes_from_the_optimizer()
    {
        var run = CliRun.Of("curve", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", "500"), ("lr_scheduler", "adafactor"), ("optimizer", "Adafactor"), ("lr_warmup", "0"))), "--from", "kohya");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("adafactor").And.Contain("Adafactor optimizer");
    }

    [Fact]
    public void Constant_with_a_warmup_keeps_sd_scripts_refusal()
    {
        var run = CliRun.Of("curve", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", "500"), ("lr_scheduler", "constant"), ("lr_warmup", "10"))), "--from", "kohya");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("constant does not require `num_warmup_steps`");
    }

    [Fact]
    public void All_rates_zero_is_refused_as_the_gui_refuses_it()
    {
        var run = CliRun.Of("curve", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", "500"), ("learning_rate", "0"), ("unet_lr", ""), ("text_encoder_lr", 0))), "--from", "kohya");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("Please input learning rate values");
    }

    [Theory]
    [InlineData("epoch", "ten")]
    [InlineData("learning_rate", "fast")]
    [InlineData("max_train_steps", "1.5")]
    [InlineData("lr_warmup", "150")]
    public void A_value_the_gui_cannot_read_is_refused_naming_the_key(string key, string value)
    {
        var run = CliRun.Of("curve", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", "500"), (key, value))), "--from", "kohya", "--images", "10");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain(key);
    }

    [Fact]
    public void A_file_that_starts_as_json_but_is_not_is_refused_as_json()
    {
        var run = CliRun.Of("curve", "--config", Write("{\"lr_scheduler\": \"cosine\",", ".json"), "--from", "kohya");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("not valid JSON").And.NotContain("TOML");
    }

    [Fact]
    public void The_dataset_dir_is_counted_as_the_gui_counts_its_folders()
    {
        var images = Path.Combine(_folder, "img");
        MakeFolder(images, "10_dog", "a.jpg", "b.PNG", "c.webp", "d.JPEG", "notes.txt", "e.gif");
        Directory.CreateDirectory(Path.Combine(images, "10_dog", "nested.png"));
        MakeFolder(images, "3", "x.png", "y.png");
        MakeFolder(images, "captions", "a.jpg");
        MakeFolder(images, "_odd", "a.jpg");

        var converted = Convert(KohyaGuiFile.Lora(("max_train_steps", ""), ("train_batch_size", "1"), ("epoch", "1"), ("lr_warmup", "0")), "--dataset-dir", images);

        converted.GetProperty("total_steps").GetInt64().Should().Be((10 * 5) + (3 * 2));
    }

    [Fact]
    public void Images_and_a_dataset_dir_together_are_refused()
    {
        var run = CliRun.Of("curve", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", ""))), "--from", "kohya", "--images", "5", "--dataset-dir", _folder);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--images").And.Contain("--dataset-dir");
    }

    [Fact]
    public void Compare_gives_the_same_data_set_facts_to_every_gui_file()
    {
        var cosine = Write(KohyaGuiFile.Lora(("max_train_steps", ""), ("lr_scheduler", "cosine")));
        var linear = Write(KohyaGuiFile.Lora(("max_train_steps", ""), ("lr_scheduler", "linear")));

        var run = CliRun.Of("compare", "--config", cosine, "--config", linear, "--from", "kohya", "--images", "40");

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().HaveCount(1 + 201, "40 images × repeats / batch 2 × 10 epochs is 200 steps");
    }

    [Fact]
    public void Validate_names_where_the_length_came_from_when_the_schedule_is_refused()
    {
        var run = CliRun.Of("validate", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", ""), ("lr_warmup", "100"), ("epoch", "1"), ("train_batch_size", "1"))), "--from", "kohya", "--images", "20");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("warmup_steps comes from round(lr_warmup 100").And.Contain("total_steps comes from the GUI's max_train_steps = ceil(20 images × repeats");
    }

    [Fact]
    public void Additional_parameters_replace_the_scheduler_the_file_sets_as_sd_scripts_reads_its_command_line_last()
    {
        var converted = Convert(KohyaGuiFile.Lora(("max_train_steps", "1000"), ("lr_scheduler", "cosine_with_restarts"),
            ("additional_parameters", "--lr_scheduler_type \"CosineAnnealingLR\" --lr_scheduler_args \"T_max=30\" --log_prefix=run1")));

        converted.GetProperty("scheduler").GetString().Should().Be("CosineAnnealingLR");
        converted.GetProperty("T_max").GetInt64().Should().Be(30);
    }

    [Fact]
    public void Additional_parameters_are_listed_in_a_note()
    {
        var run = CliRun.Of("validate", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", "1000"), ("additional_parameters", "--lr_scheduler constant"))), "--from", "kohya");

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().Contain("additional_parameters gives --lr_scheduler constant");
    }

    [Fact]
    public void Validate_names_additional_parameters_as_the_origin_of_what_they_set()
    {
        var run = CliRun.Of("validate", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", "1000"), ("additional_parameters", "--lr_scheduler_type CosineAnnealingLR --lr_scheduler_args T_max=30"))), "--from", "kohya");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("T_max 30 from additional_parameters --lr_scheduler_args");
    }

    [Fact]
    public void A_max_train_steps_in_additional_parameters_sets_the_length_and_the_warmup_keeps_the_gui_conversion()
    {
        var converted = Convert(KohyaGuiFile.Lora(("max_train_steps", "1000"), ("lr_warmup", "10"), ("additional_parameters", "--max_train_steps=2000")));

        converted.GetProperty("total_steps").GetInt64().Should().Be(2000);
        converted.GetProperty("warmup_steps").GetInt64().Should().Be(100, "the GUI converts lr_warmup with its own max_train_steps before sd-scripts reads the command line");
    }

    [Fact]
    public void Network_train_unet_only_in_additional_parameters_leaves_no_text_encoder_group()
    {
        var path = Write(KohyaGuiFile.Lora(("max_train_steps", "1000"), ("unet_lr", "1e-4"), ("text_encoder_lr", "5e-5"), ("additional_parameters", "--network_train_unet_only")));

        var run = CliRun.Of("convert", "--config", path, "--from", "kohya", "--group", "text_encoder");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("unet");
    }

    [Fact]
    public void A_group_rate_in_additional_parameters_names_them_as_its_origin()
    {
        var path = Write(KohyaGuiFile.Lora(("max_train_steps", "1000"), ("unet_lr", "1e-4"), ("text_encoder_lr", "5e-5"), ("additional_parameters", "--unet_lr 3e-4")));

        var run = CliRun.Of("validate", "--config", path, "--from", "kohya");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("parameter group unet (the curve above): learning_rate 3e-4 from additional_parameters --unet_lr");
    }

    [Fact]
    public void The_flag_the_gui_adds_for_a_rate_of_zero_wins_over_a_rate_in_additional_parameters()
    {
        var path = Write(KohyaGuiFile.Lora(("max_train_steps", "1000"), ("unet_lr", "0"), ("text_encoder_lr", "5e-5"), ("additional_parameters", "--unet_lr 3e-4")));

        var run = CliRun.Of("convert", "--config", path, "--from", "kohya", "--group", "unet");

        run.ExitCode.Should().Be(2, "the GUI passes network_train_text_encoder_only for unet_lr 0, and sd-scripts then makes no U-Net modules");
        run.Error.Should().Contain("its groups are text_encoder.");
    }

    [Fact]
    public void Additional_parameters_that_do_not_touch_the_schedule_change_nothing()
    {
        var plain = Convert(KohyaGuiFile.Lora(("max_train_steps", "1000"), ("lr_warmup", "5")));
        var withOthers = Convert(KohyaGuiFile.Lora(("max_train_steps", "1000"), ("lr_warmup", "5"), ("additional_parameters", "--log_prefix=xl --network_args \"conv_dim=4\" \"conv_alpha=1\" --shuffle_caption")));

        withOthers.GetRawText().Should().Be(plain.GetRawText());
    }

    [Fact]
    public void An_additional_parameters_string_with_an_unclosed_quote_is_refused()
    {
        var run = CliRun.Of("validate", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", "1000"), ("additional_parameters", "--lr_scheduler \"constant"))), "--from", "kohya");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("additional_parameters").And.Contain("never closed");
    }

    [Theory]
    [InlineData("gradient_accumulation_steps")]
    [InlineData("epoch")]
    [InlineData("train_batch_size")]
    public void A_counting_setting_the_file_lacks_keeps_the_gui_field_default_of_one(string key)
    {
        var complete = Convert(KohyaGuiFile.Lora(("max_train_steps", "0"), ("train_batch_size", "1"), ("gradient_accumulation_steps", "1"), ("epoch", "1")), "--images", "90");
        var lacking = Convert(KohyaGuiFile.Lora(("max_train_steps", "0"), ("train_batch_size", "1"), ("gradient_accumulation_steps", "1"), ("epoch", "1"), (key, KohyaGuiFile.Absent)), "--images", "90");

        lacking.GetProperty("total_steps").GetInt64().Should().Be(complete.GetProperty("total_steps").GetInt64());
    }

    [Fact]
    public void A_null_setting_is_read_as_an_absent_one()
    {
        var converted = Convert(KohyaGuiFile.Lora(("max_train_steps", "0"), ("train_batch_size", "2"), ("gradient_accumulation_steps", null!), ("epoch", "3")), "--images", "90");

        converted.GetProperty("total_steps").GetInt64().Should().Be(135, "90 images / batch 2 / accumulation 1 × 3 epochs");
    }

    [Fact]
    public void A_missing_setting_is_said_to_keep_the_gui_field_default()
    {
        var run = CliRun.Of("validate", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", "0"), ("gradient_accumulation_steps", KohyaGuiFile.Absent))), "--from", "kohya", "--images", "90");

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().Contain("gradient_accumulation_steps is absent: the GUI keeps its field's default 1");
    }

    [Fact]
    public void A_file_without_max_train_steps_says_it_is_absent_when_the_images_are_needed()
    {
        var run = CliRun.Of("validate", "--config", Write(KohyaGuiFile.Lora(("max_train_steps", KohyaGuiFile.Absent))), "--from", "kohya");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("max_train_steps is absent").And.Contain("--images");
    }

    [Fact]
    public void A_gui_file_with_comments_is_refused_naming_the_comments()
    {
        var json = KohyaGuiFile.Lora(("max_train_steps", "1000")).Replace("{", "{\n  // my settings", StringComparison.Ordinal);

        var run = CliRun.Of("validate", "--config", Write(json), "--from", "kohya");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("comments");
    }

    private static double[] Curve(CliRun run)
    {
        run.ExitCode.Should().Be(0, run.Error);
        return [.. JsonDocument.Parse(run.Output).RootElement.GetProperty("lr").EnumerateArray().Select(value => value.GetDouble())];
    }

    private static void MakeFolder(string root, string name, params string[] files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        foreach (var file in files)
        {
            File.WriteAllBytes(Path.Combine(folder, file), [0]);
        }
    }

    private JsonElement Convert(string json, params string[] options)
    {
        var run = CliRun.Of(["convert", "--config", Write(json), "--from", "kohya", .. options]);
        run.ExitCode.Should().Be(0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }

    private string Write(string text, string extension = ".json")
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, text);
        return path;
    }
}
