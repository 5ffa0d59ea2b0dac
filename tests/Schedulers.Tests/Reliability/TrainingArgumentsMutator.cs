using System.Globalization;
using System.Text;

namespace Schedulers.Tests.Reliability;

/// <summary>
/// Valid Hugging Face <c>TrainingArguments</c> files (JSON and LLaMA-Factory-style YAML) and the ways YAML files get
/// broken: truncated, stray flow or block characters, anchors and aliases (exponential ones included), tags, documents,
/// tabs, re-indented or repeated lines, odd scalars in the settings the import reads, deep nesting and invalid UTF-8.
/// Deterministic for a given <see cref="Random"/>. It uses nothing of the library (the process-level fuzzer links it).
/// </summary>
internal static class TrainingArgumentsMutator
{
    /// <summary>The settings the import reads, for mutations to aim at.</summary>
    public static readonly string[] Keys =
    [
        "learning_rate", "max_steps", "num_train_epochs", "per_device_train_batch_size", "per_gpu_train_batch_size", "gradient_accumulation_steps",
        "dataloader_drop_last", "warmup_steps", "warmup_ratio", "lr_scheduler_type", "lr_scheduler_kwargs", "accelerator_config", "auto_find_batch_size",
    ];

    /// <summary>Starting points: epoch-based and step-based runs, warmups longer than the run, keywords, as JSON and as YAML.</summary>
    public static readonly string[] Bases =
    [
        "learning_rate: 1.0e-04\nnum_train_epochs: 3.0\nper_device_train_batch_size: 2\ngradient_accumulation_steps: 8\nlr_scheduler_type: cosine\nwarmup_ratio: 0.1\noutput_dir: saves/sft\nbf16: true\n",
        "learning_rate: 2.0e-05\nmax_steps: 300\nwarmup_steps: 500\nlr_scheduler_type: linear\n",
        "learning_rate: 5.0e-05\nmax_steps: -1\nnum_train_epochs: 0.5\ndataloader_drop_last: true\nlr_scheduler_type: cosine_with_min_lr\nlr_scheduler_kwargs:\n  min_lr_rate: 0.1\n",
        "max_steps: 1000\nlr_scheduler_type: warmup_stable_decay\nwarmup_steps: 0.05\nlr_scheduler_kwargs: {num_decay_steps: 200, decay_type: cosine}\n",
        "defaults: &defaults\n  learning_rate: 3.0e-4\n  warmup_steps: 10\nmax_steps: 200\nlr_scheduler_type: polynomial\nlr_scheduler_kwargs: {power: 2.0, lr_end: 1.0e-7}\naccelerator_config:\n  split_batches: false\n",
        "lr_scheduler_type: reduce_lr_on_plateau\nlr_scheduler_kwargs: {factor: 0.5, patience: 2}\n",
        """{"learning_rate": 2e-5, "max_steps": -1, "num_train_epochs": 3, "per_device_train_batch_size": 8, "gradient_accumulation_steps": 3, "warmup_ratio": 0.1, "lr_scheduler_type": "cosine"}""",
        """{"learning_rate": 3e-5, "max_steps": 40, "warmup_steps": 40, "lr_scheduler_type": "cosine_with_restarts", "lr_scheduler_kwargs": {"num_cycles": 2}}""",
    ];

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ",", ":", ": ", "- ", "? ", "&a ", "*a", "*b", "!!str ", "!!float ", "!!int ", "!!bool ", "!custom ", "---\n", "...\n",
        "|\n", ">\n", "\"", "'", "#", "\t", "\n  ", "\n", "\\", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "\uD800", "é", "\u0000", "\uFEFF", "<<: *a\n",
    ];

    private static readonly string[] OddScalars =
    [
        "1e308", "-1", "0", "-0", ".inf", "-.inf", ".nan", "1e-400", "1e999", "0x10", "0o17", "0xFFFFFFFFFFFFFFFFFF", "1_000", "9223372036854775808",
        "-.5", "+1", "3.", "~", "null", "", "true", "yes", "\"5\"", "'0.1'", "[1, 2]", "{a: 1}", "!!float 2", "!!int x", "&a 7", "*a", "0.999999999", "1.5",
        "1e12", "4503599627370497", "cosine", "linear", "polynomial", "constant", "reduce_lr_on_plateau", "\"\\ud800\"", "\"\\U0010FFFF\"",
    ];

    private static readonly byte[][] InvalidUtf8 = [[0xFF], [0xC3, 0x28], [0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82]];

    /// <summary>One to three mutations of a YAML (or JSON, read as YAML text) file.</summary>
    public static string Mutate(string text, Random random)
    {
        for (var n = random.Next(3) == 0 ? random.Next(2, 4) : 1; n > 0; n--)
        {
            text = MutateOnce(text, random);
        }

        return text;
    }

    /// <summary>A mutation as file bytes: one in six also carries invalid UTF-8.</summary>
    public static byte[] MutateBytes(string text, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(Mutate(text, random)).ToList();
        if (random.Next(6) == 0)
        {
            bytes.InsertRange(random.Next(bytes.Count + 1), InvalidUtf8[random.Next(InvalidUtf8.Length)]);
        }

        return [.. bytes];
    }

    private static string MutateOnce(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var line = random.Next(lines.Count);
        switch (random.Next(10))
        {
            case 0:
                return text.Length == 0 ? text : text[..random.Next(text.Length)];
            case 1:
                return text.Insert(random.Next(text.Length + 1), Tokens[random.Next(Tokens.Length)]);
            case 2:
                return text.Length == 0 ? text : text.Remove(random.Next(text.Length), 1);
            case 3:
                lines.Insert(line, lines[line]);
                break;
            case 4:
                lines.RemoveAt(line);
                break;
            case 5:
                lines[line] = new string(' ', random.Next(0, 5)) + lines[line].TrimStart();
                break;
            case 6:
                var depth = random.Next(2) == 0 ? random.Next(60, 70) : random.Next(1, 100_000);
                lines.Insert(line, $"{Keys[random.Next(Keys.Length)]}: {new string('[', depth)}{new string(']', random.Next(2) == 0 ? depth : random.Next(depth))}");
                break;
            case 7:
                lines.InsertRange(line, Laughs(random.Next(2, 12), random.Next(2, 12)));
                break;
            default:
                lines.Insert(line, $"{Keys[random.Next(Keys.Length)]}: {OddScalars[random.Next(OddScalars.Length)]}");
                break;
        }

        return string.Join('\n', lines);
    }

    /// <summary>Anchors each naming <paramref name="width"/> aliases of the one before: width^levels values once expanded.</summary>
    private static IEnumerable<string> Laughs(int levels, int width)
    {
        yield return "l0: &l0 [x]";
        for (var i = 1; i < levels; i++)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", width))}]");
        }
    }
}
