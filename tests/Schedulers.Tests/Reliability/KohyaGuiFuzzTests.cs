using System.Globalization;
using System.Text;
using Schedulers.Tests.Cli;
using Schedulers.Tests.Cli.Importing;
using Xunit.Abstractions;

namespace Schedulers.Tests.Reliability;

/// <summary>
/// Mutated Kohya GUI files (see <see cref="ConfigurationMutator"/>) through <c>schedulers curve --from kohya</c> and
/// <c>convert</c>, with and without the data-set facts: a curve of usable values, or exit 2 with a message and nothing on
/// standard output. Never another exception, a stack trace or partial output.
/// </summary>
public sealed class KohyaGuiFuzzTests(ITestOutputHelper output)
{
    private const int Inputs = 250;

    /// <summary>The GUI's settings that shape the schedule, for the mutator to add, retype and break.</summary>
    private static readonly string[] Keys =
    [
        "learning_rate", "unet_lr", "text_encoder_lr", "lr_scheduler", "lr_warmup", "lr_warmup_steps", "max_train_steps", "max_train_epochs",
        "epoch", "train_batch_size", "gradient_accumulation_steps", "num_processes", "reg_data_dir", "dataset_config", "lr_scheduler_args",
        "lr_scheduler_type", "lr_scheduler_num_cycles", "lr_scheduler_power", "lr_decay_steps", "lr_scheduler_min_lr_ratio", "t5xxl_lr",
        "additional_parameters",
    ];

    private static readonly string[] Groups = ["unet", "text_encoder", "text_encoder1", "text_encoder2"];

    private static readonly (string Key, object Value)[][] Variants =
    [
        [("max_train_steps", "1000"), ("lr_warmup", 10)],
        [("max_train_steps", ""), ("epoch", "4"), ("lr_scheduler", "cosine_with_restarts"), ("lr_scheduler_num_cycles", "3")],
        [("max_train_steps", 0), ("reg_data_dir", "/data/reg"), ("unet_lr", "1e-4"), ("text_encoder_lr", "5e-5"), ("lr_warmup", "5")],
        [("max_train_epochs", "6"), ("gradient_accumulation_steps", "2"), ("num_processes", 2)],
        [("max_train_steps", "800"), ("lr_scheduler", "polynomial"), ("lr_scheduler_power", "2"), ("lr_scheduler_args", "lr_end=1e-6")],
        [("max_train_steps", "500"), ("lr_scheduler_type", "CosineAnnealingLR"), ("lr_scheduler_args", "T_max=500 eta_min=1e-7")],
        [("dataset_config", "/data/dataset.toml"), ("max_train_steps", "300"), ("lr_warmup", "7"), ("lr_scheduler", "linear")],
        [("max_train_steps", "900"), ("lr_scheduler", "warmup_stable_decay"), ("lr_decay_steps", 0.2), ("lr_warmup", 3)],
        [("max_train_steps", KohyaGuiFile.Absent), ("epoch", KohyaGuiFile.Absent), ("unet_lr", "1"), ("text_encoder_lr", "1"),
            ("additional_parameters", "--lr_scheduler_type \"CosineAnnealingLR\" --lr_scheduler_args \"T_max=30\" --network_train_unet_only --max_train_steps=700")],
        [("max_train_steps", "600"), ("unet_lr", "0"), ("text_encoder_lr", "5e-5"), ("lr_scheduler", "polynomial"), ("lr_scheduler_args", "lr_end=1e-6"),
            ("additional_parameters", "--unet_lr 2e-4 --text_encoder_lr 1e-5 2e-5 --network_module networks.lora_flux --network_args train_t5xxl=True --network_train_text_encoder_only")],
    ];

    [Fact]
    public void Mutated_gui_files_make_curve_print_usable_values_or_exit_2_with_a_message()
    {
        var printed = 0;
        var refused = 0;
        var directory = Directory.CreateTempSubdirectory("schedulers-fuzz-gui-");
        try
        {
            FuzzInputs.RunAll(Inputs, seed: 84_000, (index, random) =>
            {
                var variant = Variants[random.Next(Variants.Length)];
                var json = random.Next(2) == 0 ? KohyaGuiFile.Lora(variant) : KohyaGuiFile.LoraWithWarmupSteps(variant);
                var bytes = ConfigurationMutator.MutateBytes(json, random, Keys);
                var file = Path.Combine(directory.FullName, $"input-{index}.json");
                File.WriteAllBytes(file, bytes);
                List<string> args = random.Next(2) == 0 ? ["curve", "--steps", "80"] : ["convert"];
                args.AddRange(["--config", file, "--from", "kohya"]);
                if (random.Next(4) != 0)
                {
                    args.AddRange(["--images", random.Next(0, 5_000).ToString(CultureInfo.InvariantCulture)]);
                }

                if (random.Next(2) == 0)
                {
                    args.AddRange(["--batches-per-epoch", random.Next(1, 500).ToString(CultureInfo.InvariantCulture)]);
                }

                if (random.Next(5) == 0)
                {
                    args.AddRange(["--group", Groups[random.Next(Groups.Length)]]);
                }

                var run = CliRun.Of([.. args]);
                if (CommandLineOutcome.Check(run, $"input {index} ({string.Join(' ', args.Skip(4))}): {FuzzInputs.Shorten(Encoding.UTF8.GetString(bytes))}"))
                {
                    Interlocked.Increment(ref printed);
                }
                else
                {
                    Interlocked.Increment(ref refused);
                }
            });
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        output.WriteLine($"{Inputs} GUI files: {printed} printed, {refused} exited 2");
        (printed + refused).Should().Be(Inputs);
        printed.Should().BeGreaterThan(Inputs / 10, "most mutations leave a file the GUI could train with");
    }
}
