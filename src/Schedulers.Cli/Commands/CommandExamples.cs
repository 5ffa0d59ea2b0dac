using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>
/// Examples shown under each command's <c>--help</c>. They are kept out of the commands' descriptions so that the root
/// help lists each command on one line.
/// </summary>
internal static class CommandExamples
{
    private static readonly ImmutableDictionary<string, ImmutableArray<string>> Examples = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal)
    {
        ["convert"] =
        [
            "schedulers convert --config my_lora.toml --from kohya",
            "schedulers convert --config training_args.json --from hf --output schedule.json",
            "schedulers convert --from kohya -- --lr_scheduler cosine_with_restarts --lr_scheduler_num_cycles 3 --max_train_steps 2000",
        ],
        ["check"] =
        [
            "schedulers check --config training_args.json --from hf --log checkpoint-500/trainer_state.json",
            "schedulers check --config my.json --log tensorboard_lr.csv --alignment current",
            "schedulers check --config my_lora.toml --from kohya --log wandb_export.csv --lr-column lr/unet",
        ],
        ["compare"] =
        [
            "schedulers compare --config cosine.json --config wsd.json --plot compare.png",
            "schedulers compare --config a.toml --config b.toml --from kohya --plot compare.svg --log-y",
            "schedulers compare --config a.json --config b.json --steps 5000 --output side-by-side.csv",
        ],
        ["describe"] =
        [
            "schedulers describe",
            "schedulers describe cosine",
            "schedulers describe OneCycleLR --format json",
        ],
        ["curve"] =
        [
            "schedulers curve --scheduler cosine --learning-rate 3e-4 --warmup-steps 100 --total-steps 1000",
            "schedulers curve --config my.json --format json --output curve.json",
            "schedulers curve --config my_lora.toml --from kohya --format csv",
            "schedulers curve --from kohya -- --lr_scheduler cosine --learning_rate 1e-4 --max_train_steps 1600 --lr_warmup_steps 10%",
            "schedulers curve --config my.json --plot curve.png --log-y",
            "schedulers curve --config training_args.yaml --from hf --examples 52002 --world-size 4",
        ],
        ["replay"] =
        [
            "schedulers replay --config plateau.json --metrics val_loss.txt",
            "schedulers replay --scheduler ReduceLROnPlateau --learning-rate 1e-3 --patience 2 --factor 0.5 --metrics val_loss.txt --format json",
        ],
        ["serve"] =
        [
            "schedulers serve",
            "schedulers serve --open",
            "schedulers serve --port 8080",
        ],
        ["validate"] =
        [
            "schedulers validate --config my.json",
            "schedulers validate --config my_lora.toml --from kohya",
            "schedulers validate --config training_args.json --from hf",
        ],
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Writes the examples of <paramref name="command"/>, if it has any, after its help.</summary>
    public static void Write(string command, TextWriter output)
    {
        if (Examples.TryGetValue(command, out var examples))
        {
            output.WriteLine("Examples:");
            foreach (var example in examples)
            {
                output.WriteLine("  " + example);
            }

            output.WriteLine();
        }
    }
}
