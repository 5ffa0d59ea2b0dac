using static Schedulers.Tests.Cli.Importing.TimmArgs;

namespace Schedulers.Tests.Cli.Importing;

/// <summary>
/// timm's args.yaml as the configuration create_scheduler_v2 builds from it (timm 1.0's scheduler_kwargs and factory, and
/// train.py's learning-rate rule and length). These check the produced configuration, keys and values; the curves are
/// the timm schedulers' (see <see cref="TimmCurveTests"/>).
/// </summary>
public sealed class TimmImportTests
{
    [Theory]
    [InlineData("cosine", "CosineLRScheduler")]
    [InlineData("tanh", "TanhLRScheduler")]
    [InlineData("step", "StepLRScheduler")]
    [InlineData("multistep", "MultiStepLRScheduler")]
    [InlineData("poly", "PolyLRScheduler")]
    public void Each_sched_becomes_the_timm_class_the_factory_builds(string sched, string scheduler)
    {
        var json = Json(Yaml(("sched", sched), ("lr", "0.05")));

        json.GetProperty("scheduler").GetString().Should().Be(scheduler);
    }

    [Fact]
    public void A_cosine_run_per_epoch_carries_the_factory_arguments()
    {
        var json = Json(Yaml(("lr", "0.05"), ("cooldown_epochs", "10"), ("min_lr", "1.0e-06")));

        Keys(json).Should().Equal("scheduler", "learning_rate", "total_steps", "t_initial", "warmup_t", "warmup_lr_init", "warmup_prefix", "lr_min", "cycle_limit", "k_decay");
        json.GetProperty("learning_rate").GetDouble().Should().Be(0.05);
        json.GetProperty("t_initial").GetInt64().Should().Be(300);
        json.GetProperty("warmup_t").GetInt64().Should().Be(5);
        json.GetProperty("warmup_lr_init").GetDouble().Should().Be(1e-5);
        json.GetProperty("warmup_prefix").GetBoolean().Should().BeFalse();
        json.GetProperty("lr_min").GetDouble().Should().Be(1e-6);
        json.GetProperty("cycle_limit").GetInt64().Should().Be(1);
        json.GetProperty("k_decay").GetDouble().Should().Be(1);
    }

    [Fact]
    public void The_cooldown_is_added_to_the_length_of_a_cycle_scheduler()
    {
        var json = Json(Yaml(("lr", "0.05"), ("cooldown_epochs", "10")));

        json.GetProperty("total_steps").GetInt64().Should().Be(310);
    }

    [Fact]
    public void A_run_stepped_per_epoch_without_batches_per_epoch_is_a_curve_per_epoch_and_says_so()
    {
        var imported = Import(Yaml(("lr", "0.05")));

        imported.Options.Contains("steps_per_epoch").Should().BeFalse();
        imported.Notes.Should().Contain(note => note.Contains("one value per epoch", StringComparison.Ordinal) && note.Contains("--batches-per-epoch", StringComparison.Ordinal));
    }

    [Fact]
    public void Batches_per_epoch_make_a_run_stepped_per_epoch_a_curve_per_optimizer_step_with_lengths_in_epochs()
    {
        var json = Json(Yaml(("lr", "0.05"), ("cooldown_epochs", "10")), batchesPerEpoch: 1251);

        json.GetProperty("steps_per_epoch").GetInt64().Should().Be(1251);
        json.GetProperty("t_initial").GetInt64().Should().Be(300);
        json.GetProperty("warmup_t").GetInt64().Should().Be(5);
        json.GetProperty("total_steps").GetInt64().Should().Be(310);
    }

    [Fact]
    public void A_run_stepped_on_updates_counts_every_length_in_updates()
    {
        var json = Json(Yaml(("lr", "0.05"), ("sched_on_updates", "true"), ("cooldown_epochs", "10")), batchesPerEpoch: 100);

        json.TryGetProperty("steps_per_epoch", out _).Should().BeFalse();
        json.GetProperty("t_initial").GetInt64().Should().Be(30_000);
        json.GetProperty("warmup_t").GetInt64().Should().Be(500);
        json.GetProperty("total_steps").GetInt64().Should().Be(31_000);
    }

    [Fact]
    public void Gradient_accumulation_divides_the_batches_into_updates_rounding_up_as_train_py_does()
    {
        var json = Json(Yaml(("lr", "0.05"), ("sched_on_updates", "true"), ("grad_accum_steps", "4"), ("epochs", "10")), batchesPerEpoch: 1001);

        json.GetProperty("t_initial").GetInt64().Should().Be(2510);
    }

    [Fact]
    public void A_run_stepped_on_updates_without_batches_per_epoch_is_refused_naming_the_option()
    {
        var refusal = Refusal(Yaml(("lr", "0.05"), ("sched_on_updates", "true")));

        refusal.Should().Contain("sched_on_updates is true").And.Contain("--batches-per-epoch");
    }

    [Fact]
    public void A_step_schedule_takes_decay_epochs_and_decay_rate_and_the_factory_warmup_prefix()
    {
        var json = Json(Yaml(("sched", "step"), ("lr", "0.05"), ("decay_epochs", "2.4"), ("decay_rate", "0.97")));

        Keys(json).Should().Equal("scheduler", "learning_rate", "total_steps", "warmup_t", "warmup_lr_init", "warmup_prefix", "decay_t", "decay_rate");
        json.GetProperty("decay_t").GetDouble().Should().Be(2.4);
        json.GetProperty("decay_rate").GetDouble().Should().Be(0.97);
        json.GetProperty("warmup_prefix").GetBoolean().Should().BeFalse("create_scheduler_v2 passes warmup_prefix=False over StepLRScheduler's own default of True");
    }

    [Fact]
    public void A_step_schedule_ignores_the_cooldown_in_its_length_and_notes_it()
    {
        var imported = Import(Yaml(("sched", "step"), ("lr", "0.05"), ("epochs", "450"), ("cooldown_epochs", "10")));

        imported.Options.Entries.Single(entry => entry.Key == "total_steps").Value.NumberValue.Should().Be(450);
        imported.Notes.Should().Contain(note => note.StartsWith("cooldown_epochs = 10 is ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void A_step_interval_on_updates_is_decay_epochs_times_the_updates_per_epoch()
    {
        var json = Json(Yaml(("sched", "step"), ("lr", "0.05"), ("decay_epochs", "2.4"), ("sched_on_updates", "true")), batchesPerEpoch: 100);

        json.GetProperty("decay_t").GetDouble().Should().Be(240);
    }

    [Fact]
    public void Multistep_takes_the_milestones_scaled_to_updates()
    {
        var json = Json(Yaml(("sched", "multistep"), ("lr", "0.05"), ("decay_milestones", "\n- 30\n- 60"), ("sched_on_updates", "true")), batchesPerEpoch: 10);

        json.GetProperty("decay_t").EnumerateArray().Select(item => item.GetInt64()).Should().Equal(300, 600);
    }

    [Fact]
    public void Poly_takes_decay_rate_as_its_power()
    {
        var json = Json(Yaml(("sched", "poly"), ("lr", "0.05"), ("decay_rate", "2.0"), ("lr_k_decay", "0.5")));

        json.GetProperty("power").GetDouble().Should().Be(2);
        json.GetProperty("k_decay").GetDouble().Should().Be(0.5);
        json.TryGetProperty("decay_rate", out _).Should().BeFalse();
    }

    [Fact]
    public void Tanh_takes_no_k_decay_and_a_changed_one_is_noted()
    {
        var imported = Import(Yaml(("sched", "tanh"), ("lr", "0.05"), ("lr_k_decay", "0.5")));

        imported.Options.Contains("k_decay").Should().BeFalse();
        imported.Notes.Should().Contain("lr_k_decay = 0.5 is ignored: create_scheduler_v2 does not pass it to timm's TanhLRScheduler.");
    }

    [Fact]
    public void Cycles_carry_their_multiplier_and_decay_and_lengthen_the_run()
    {
        var json = Json(Yaml(("lr", "0.05"), ("lr_cycle_limit", "3"), ("lr_cycle_mul", "2.0"), ("lr_cycle_decay", "0.5"), ("warmup_epochs", "0")));

        json.GetProperty("cycle_mul").GetDouble().Should().Be(2);
        json.GetProperty("cycle_decay").GetDouble().Should().Be(0.5);
        json.GetProperty("cycle_limit").GetInt64().Should().Be(3);
        json.GetProperty("total_steps").GetInt64().Should().Be(2100, "300 + 600 + 1200 epochs");
    }

    [Fact]
    public void One_cycle_leaves_out_the_cycle_multiplier_and_decay_which_change_nothing()
    {
        var json = Json(Yaml(("lr", "0.05"), ("lr_cycle_decay", "0.5"), ("lr_cycle_mul", "1.0")));

        json.TryGetProperty("cycle_mul", out _).Should().BeFalse();
        json.TryGetProperty("cycle_decay", out _).Should().BeFalse();
    }

    [Fact]
    public void The_length_on_updates_is_the_cycles_floored_to_whole_epochs_as_the_factory_returns_them()
    {
        // get_cycle_length() = floor(20 × (1.3² - 1) / 0.3) = 46 updates; num_epochs = 46 // 4 = 11 epochs of 4 updates.
        var json = Json(Yaml(("lr", "0.05"), ("epochs", "5"), ("lr_cycle_limit", "2"), ("lr_cycle_mul", "1.3"), ("warmup_epochs", "0"), ("sched_on_updates", "true")), batchesPerEpoch: 4);

        json.GetProperty("total_steps").GetInt64().Should().Be(44);
    }

    [Fact]
    public void A_warmup_prefix_adds_the_warmup_to_a_cycle_scheduler_length()
    {
        var json = Json(Yaml(("lr", "0.05"), ("warmup_prefix", "true"), ("cooldown_epochs", "10")));

        json.GetProperty("warmup_prefix").GetBoolean().Should().BeTrue();
        json.GetProperty("total_steps").GetInt64().Should().Be(315);
    }

    [Fact]
    public void Without_a_warmup_neither_warmup_lr_nor_warmup_prefix_is_carried()
    {
        var json = Json(Yaml(("lr", "0.05"), ("warmup_epochs", "0"), ("warmup_prefix", "true")));

        Keys(json).Should().NotContain(["warmup_t", "warmup_lr_init", "warmup_prefix"]);
    }

    [Fact]
    public void Noise_fractions_become_whole_steps_rounded_up_with_the_seed()
    {
        var json = Json(Yaml(("lr", "0.05"), ("epochs", "100"), ("lr_noise", "\n- 0.333\n- 0.9"), ("seed", "7"), ("lr_noise_pct", "0.5")));

        json.GetProperty("noise_range_t").EnumerateArray().Select(item => item.GetInt64()).Should().Equal(34, 90);
        json.GetProperty("noise_pct").GetDouble().Should().Be(0.5);
        json.GetProperty("noise_seed").GetInt64().Should().Be(7);
    }

    [Fact]
    public void One_noise_fraction_is_a_start_of_noise_in_updates_when_stepped_on_updates()
    {
        var json = Json(Yaml(("lr", "0.05"), ("epochs", "10"), ("lr_noise", "\n- 0.5"), ("sched_on_updates", "true")), batchesPerEpoch: 7);

        json.GetProperty("noise_range_t").GetInt64().Should().Be(35);
    }

    [Fact]
    public void A_noise_std_other_than_1_is_noted_and_not_carried_since_timm_never_uses_it()
    {
        var imported = Import(Yaml(("lr", "0.05"), ("lr_noise", "0.5"), ("lr_noise_std", "0.5")));

        imported.Options.Contains("noise_std").Should().BeFalse();
        imported.Notes.Should().Contain(note => note.StartsWith("lr_noise_std = 0.5 is ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_noise_no_noise_key_is_carried()
    {
        var json = Json(Yaml(("lr", "0.05")));

        Keys(json).Should().NotContain(["noise_range_t", "noise_pct", "noise_seed"]);
    }

    [Theory]
    [InlineData("sgd", "''", 0.4)]
    [InlineData("adamw", "''", 0.2)]
    [InlineData("lamb", "''", 0.2)]
    [InlineData("adamw", "linear", 0.4)]
    [InlineData("sgd", "sqrt", 0.2)]
    public void A_null_lr_is_train_py_s_lr_base_scaled_by_the_global_batch(string opt, string scale, double expected)
    {
        // 0.1 × (128 × 8 × 1 / 256), or its square root.
        var json = Json(Yaml(("opt", opt), ("lr_base_scale", scale)), worldSize: 8);

        json.GetProperty("learning_rate").GetDouble().Should().Be(expected);
    }

    [Fact]
    public void Gradient_accumulation_enlarges_the_global_batch_of_the_lr_rule()
    {
        var json = Json(Yaml(("grad_accum_steps", "2"), ("batch_size", "64")), worldSize: 4);

        json.GetProperty("learning_rate").GetDouble().Should().Be(0.2);
    }

    [Fact]
    public void A_null_lr_without_the_world_size_is_refused_naming_num_processes()
    {
        var refusal = Refusal(Yaml());

        refusal.Should().Contain("lr = null").And.Contain("--num-processes");
    }

    [Fact]
    public void An_lr_of_0_is_computed_from_lr_base_as_train_py_tests_not_lr()
    {
        var json = Json(Yaml(("lr", "0.0")), worldSize: 4);

        json.GetProperty("learning_rate").GetDouble().Should().Be(0.2);
    }

    [Fact]
    public void A_plateau_run_without_warmup_is_pytorch_reduce_lr_on_plateau()
    {
        var json = Json(Yaml(("sched", "plateau"), ("lr", "0.05"), ("warmup_epochs", "0"), ("decay_rate", "0.5"), ("patience_epochs", "3"), ("min_lr", "1.0e-05")));

        Keys(json).Should().Equal("scheduler", "learning_rate", "total_steps", "min_lr", "factor", "patience", "mode");
        json.GetProperty("scheduler").GetString().Should().Be("ReduceLROnPlateau");
        json.GetProperty("factor").GetDouble().Should().Be(0.5);
        json.GetProperty("patience").GetInt64().Should().Be(3);
        json.GetProperty("min_lr").GetDouble().Should().Be(1e-5);
        json.GetProperty("mode").GetString().Should().Be("max");
    }

    [Fact]
    public void A_plateau_following_a_loss_minimises_it()
    {
        var json = Json(Yaml(("sched", "plateau"), ("lr", "0.05"), ("warmup_epochs", "0"), ("eval_metric", "loss")));

        json.GetProperty("mode").GetString().Should().Be("min");
    }

    [Theory]
    [InlineData("warmup_epochs", "5", "PlateauLRScheduler warms up")]
    [InlineData("lr_noise", "0.5", "adds noise")]
    [InlineData("sched_on_updates", "true", "Plateau LR only supports step per epoch")]
    public void What_timm_s_plateau_adds_to_pytorch_s_is_refused(string key, string value, string expected)
    {
        var yaml = key == "warmup_epochs" ? Yaml(("sched", "plateau"), ("lr", "0.05")) : Yaml(("sched", "plateau"), ("lr", "0.05"), ("warmup_epochs", "0"), (key, value));

        Refusal(yaml).Should().Contain(key).And.Contain(expected);
    }

    [Fact]
    public void An_absent_setting_takes_train_py_s_default_with_a_note()
    {
        var imported = Import("sched: cosine\nlr: 0.1\n");

        imported.Options.Entries.Single(entry => entry.Key == "t_initial").Value.NumberValue.Should().Be(300);
        imported.Notes.Should().Contain("epochs is not in the file: train.py's default 300 applies.");
    }

    [Theory]
    [InlineData("lr: 0.1\nepochs: 10\n", "sched is not set")]
    [InlineData("sched: cosin\nlr: 0.1\n", "'cosin' is not one create_scheduler_v2 builds")]
    [InlineData("sched: wsd\nlr: 0.1\n", "WSDLRScheduler")]
    [InlineData("sched: cosine\nlr: 0.1\nepochs: 300.5\n", "epochs = 300.5 is not a whole number")]
    [InlineData("sched: cosine\nlr: '0.1'\n", "lr = 0.1 is not a finite number")]
    [InlineData("sched: cosine\nlr: .inf\n", "lr = .inf is not a finite number")]
    [InlineData("sched: cosine\nlr: 0.1\nsched_on_updates: 'yes'\n", "sched_on_updates = yes is not true or false")]
    [InlineData("sched: cosine\nlr: 0.1\nmin_lr: null\n", "min_lr is null")]
    [InlineData("sched: multistep\nlr: 0.1\ndecay_milestones: 30\n", "decay_milestones = 30 is not a list")]
    [InlineData("sched: cosine\nlr: 0.1\nlr_noise: []\n", "lr_noise = []")]
    [InlineData("sched: cosine\nlr: 0.1\nsched: step\n", "sched is written more than once")]
    public void What_timm_cannot_build_or_the_file_does_not_say_is_refused(string yaml, string expected)
    {
        Refusal(yaml).Should().Contain(expected);
    }

    [Theory]
    [InlineData("sched: [cosine\n")]
    [InlineData("sched: cosine\n  lr: 0.1\n bad")]
    [InlineData("{")]
    [InlineData("- sched\n- cosine\n")]
    [InlineData("")]
    [InlineData("cosine")]
    [InlineData("sched: cosine\n---\nsched: step\n")]
    [InlineData("sched: *nowhere\n")]
    [InlineData("sched: cosine\nlr: 0.1\n\tepochs: 3\n")]
    [InlineData("sched: !!python/object:argparse.Namespace {}\n")]
    [InlineData("...\nsched: cosine\nlr: 0.1\n")]
    [InlineData("sched: " + "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")]
    public void A_malformed_file_is_refused_with_exit_2_never_an_exception(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"timm-malformed-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        try
        {
            var run = CliRun.Of("validate", "--config", path, "--from", "timm");

            run.ExitCode.Should().Be(2);
            run.Output.Should().BeEmpty();
            run.Error.Should().StartWith("error:").And.NotContain("   at ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_alias_reads_the_value_of_its_anchor_as_pyyaml_does()
    {
        var json = Json("sched: multistep\nlr: 0.1\nscale: &m\n- 30\n- 60\ndecay_milestones: *m\nwarmup_epochs: 0\n");

        json.GetProperty("decay_t").EnumerateArray().Select(item => item.GetInt64()).Should().Equal(30, 60);
    }

    [Fact]
    public void A_refusal_by_our_validation_names_the_timm_setting()
    {
        var imported = Import(Yaml(("lr", "0.05"), ("sched_on_updates", "true")), batchesPerEpoch: 100);

        imported.Origins["t_initial"].Should().Be("epochs 300 × updates_per_epoch 100");
        imported.Origins["lr_min"].Should().Be("min_lr");
        imported.Origins["warmup_t"].Should().Be("warmup_epochs 5 × updates_per_epoch 100");
    }

    [Fact]
    public void Batches_per_epoch_a_configuration_does_not_need_is_accepted_and_said_to_change_nothing()
    {
        var run = CliRun.Of("validate", "--scheduler", "constant", "--learning-rate", "0.1", "--batches-per-epoch", "10");

        run.ExitCode.Should().Be(0);
        run.Error.Should().Contain("--batches-per-epoch 10 is not needed");
    }
}
