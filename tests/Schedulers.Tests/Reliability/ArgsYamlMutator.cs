using System.Text;
using System.Text.RegularExpressions;

namespace Schedulers.Tests.Reliability;

/// <summary>
/// Turns a valid timm <c>args.yaml</c> into a broken one, the ways hand edits and tools break YAML: lines deleted,
/// repeated or re-indented; values retyped (lists, mappings, tags, anchors, aliases), out of range, enormous, or spelt as
/// YAML 1.1 numbers, booleans and nulls; deep nesting, very long strings and lists; document markers and directives;
/// truncated text, stray characters and invalid UTF-8. Deterministic for a given <see cref="Random"/>. It uses nothing of
/// the library, so the process-level fuzzer links it as it links <see cref="ConfigurationMutator"/>.
/// </summary>
internal static partial class ArgsYamlMutator
{
    /// <summary>Starting points: args.yaml files as train.py writes them, one per scheduler and way of stepping.</summary>
    public static IReadOnlyList<string> Samples { get; } =
    [
        Sample("cosine", "cooldown_epochs: 10\nlr: 0.05\nmin_lr: 1.0e-06\n"),
        Sample("cosine", "lr: null\nlr_cycle_limit: 3\nlr_cycle_mul: 2.0\nlr_noise:\n- 0.4\n- 0.9\nopt: adamw\nsched_on_updates: true\n"),
        Sample("tanh", "lr: 0.1\nlr_noise: 0.5\nlr_noise_std: 0.5\nwarmup_prefix: true\n"),
        Sample("step", "decay_epochs: 2.4\ndecay_rate: 0.97\nlr: 0.016\nsched_on_updates: true\n"),
        Sample("multistep", "decay_milestones:\n- 30\n- 60\n- 90\nlr: 0.1\nwarmup_epochs: 0\n"),
        Sample("poly", "decay_rate: 2.0\nlr: 0.001\nlr_k_decay: 0.5\ngrad_accum_steps: 4\n"),
        Sample("plateau", "eval_metric: loss\nlr: 0.01\npatience_epochs: 3\nwarmup_epochs: 0\n"),
    ];

    private static readonly string[] Keys =
    [
        "sched", "sched_on_updates", "lr", "lr_base", "lr_base_size", "lr_base_scale", "batch_size", "grad_accum_steps", "opt", "epochs",
        "cooldown_epochs", "warmup_epochs", "warmup_lr", "warmup_prefix", "min_lr", "decay_epochs", "decay_milestones", "decay_rate",
        "lr_cycle_mul", "lr_cycle_decay", "lr_cycle_limit", "lr_k_decay", "lr_noise", "lr_noise_pct", "lr_noise_std", "seed",
        "patience_epochs", "eval_metric", "start_epoch",
    ];

    private static readonly string[] OddValues =
    [
        "0", "-1", "-0.5", "0.5", "1", "2", "1.5", "1e308", "1.0e+308", "-1e308", "1e999", "5e-324", "9007199254740993", "9223372036854775808",
        "123456789012345678901234567890", ".inf", "-.inf", ".nan", ".NaN", "0x10", "0o17", "0b101", "010", "1_000", "1:30", "+.5", "1.", "1e5",
        "~", "null", "Null", "", "''", "' '", "\"\\0\"", "yes", "no", "on", "off", "True", "FALSE", "y", "cosine", "step", "plateau", "wsd", "sqrt",
        "linear", "adamw", "loss", "[]", "{}", "[0.1, 0.2, 0.3]", "[[1]]", "[.inf]", "{a: 1}", "\n- 0.5\n- 0.9", "\n- 30\n- 60", "\n- - 1\n  - 2",
        "&anchor 3", "*anchor", "*missing", "!!float 1", "!!int 3", "!!str 0.1", "!!bool yes", "!!null ''", "!!python/tuple [1, 2]",
        "!custom 1", "|\n  text", ">\n  folded", "\"quoted\"", "'it''s'", "? complex", "{? a : b}",
    ];

    private static readonly string[] StrayTexts =
    [
        ":", "-", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "%", "@", "`", "'", "\"", "#", "?", "\t", "\u0000", "\uFEFF", "é", "\uD800",
        "\n", "\r", " ", ": ", "- ", "\n---\n", "\n...\n", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n",
    ];

    private static readonly byte[][] InvalidUtf8 = [[0xFF], [0xC3, 0x28], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]];

    /// <summary>One to three mutations of <paramref name="yaml"/>, as text.</summary>
    public static string Mutate(string yaml, Random random)
    {
        var text = yaml;
        for (var n = random.Next(3) == 0 ? random.Next(2, 4) : 1; n > 0; n--)
        {
            text = MutateOnce(text, random);
        }

        return text;
    }

    /// <summary>A mutation as file bytes: one in five also carries invalid UTF-8, which only a file can.</summary>
    public static byte[] MutateBytes(string yaml, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(Mutate(yaml, random)).ToList();
        if (random.Next(5) == 0)
        {
            bytes.InsertRange(random.Next(bytes.Count + 1), InvalidUtf8[random.Next(InvalidUtf8.Length)]);
        }

        return [.. bytes];
    }

    private static string MutateOnce(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var at = random.Next(lines.Count);
        switch (random.Next(13))
        {
            case 0:
                return text.Length == 0 ? text : text[..random.Next(text.Length)];
            case 1:
                var index = random.Next(text.Length + 1);
                return text[..index] + Pick(random, StrayTexts) + text[index..];
            case 2:
                return text.Length == 0 ? text : text.Remove(random.Next(text.Length), 1);
            case 3:
                var numbers = NumberPattern().Matches(text);
                if (numbers.Count == 0)
                {
                    return text;
                }

                var match = numbers[random.Next(numbers.Count)];
                return text[..match.Index] + Pick(random, OddValues) + text[(match.Index + match.Length)..];
            case 4:
                return SetValue(lines, Pick(random, Keys), Pick(random, OddValues));
            case 5:
                lines.Insert(at, lines[random.Next(lines.Count)]);
                break;
            case 6:
                lines.RemoveAt(at);
                break;
            case 7:
                lines[at] = Pick(random, " ", "  ", "\t", "    ", "- ") + lines[at];
                break;
            case 8:
                // Past any parser's depth limit, or far past it, in flow or in block style.
                var depth = Pick(random, 10, 64, 65, 1_000, 100_000);
                var nested = random.Next(2) == 0
                    ? new string('[', depth) + new string(']', depth)
                    : "\n" + string.Concat(Enumerable.Range(0, Math.Min(depth, 2_000)).Select(level => new string(' ', level * 2) + "-\n")) + new string(' ', Math.Min(depth, 2_000) * 2) + "- 1";
                return SetValue(lines, Pick(random, Keys), nested);
            case 9:
                return SetValue(lines, Pick(random, Keys), new string('x', Pick(random, 10_000, 100_000, 2_000_000)));
            case 10:
                var count = Pick(random, 1_000, 20_000, 200_000);
                var list = random.Next(2) == 0
                    ? "\n" + string.Join('\n', Enumerable.Range(1, count).Select(i => $"- {i}"))
                    : "[" + string.Join(", ", Enumerable.Range(0, count).Select(i => (1.0 / (i + 1)).ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "]";
                return SetValue(lines, Pick(random, "decay_milestones", "lr_noise", "scale"), list);
            case 11:
                lines.Insert(Pick(random, 0, at, lines.Count), Pick(random, "---", "...", "--- !!map", "%YAML 1.1", "%YAML 1.2\n---", "--- |", "# comment"));
                break;
            default:
                lines.Insert(at, $"{Pick(random, Keys)}: {Pick(random, OddValues)}");
                break;
        }

        return string.Join('\n', lines);
    }

    /// <summary>Replaces the value of <paramref name="key"/> (its line and any block list under it), or adds the key.</summary>
    private static string SetValue(List<string> lines, string key, string value)
    {
        var at = lines.FindIndex(line => line.StartsWith(key + ":", StringComparison.Ordinal));
        var written = $"{key}:{(value.StartsWith('\n') ? string.Empty : " ")}{value}";
        if (at < 0)
        {
            lines.Add(written);
        }
        else
        {
            var end = at + 1;
            while (end < lines.Count && lines[end].StartsWith("- ", StringComparison.Ordinal))
            {
                end++;
            }

            lines.RemoveRange(at, end - at);
            lines.Insert(at, written);
        }

        return string.Join('\n', lines);
    }

    /// <summary>An args.yaml with train.py's defaults, <paramref name="sched"/> and the lines given (later lines win for PyYAML, but the samples repeat none).</summary>
    private static string Sample(string sched, string lines)
    {
        var given = lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith("- ", StringComparison.Ordinal)).Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)]).ToHashSet();
        var defaults = new[]
        {
            "batch_size: 128", "cooldown_epochs: 0", "decay_epochs: 90", "decay_milestones:\n- 90\n- 180\n- 270", "decay_rate: 0.1", "epochs: 300",
            "eval_metric: top1", "grad_accum_steps: 1", "lr_base: 0.1", "lr_base_scale: ''", "lr_base_size: 256", "lr_cycle_decay: 0.5",
            "lr_cycle_limit: 1", "lr_cycle_mul: 1.0", "lr_k_decay: 1.0", "lr_noise: null", "lr_noise_pct: 0.67", "lr_noise_std: 1.0",
            "min_lr: 0", "model: resnet50", "opt: sgd", "patience_epochs: 10", "sched_on_updates: false", "seed: 42", "start_epoch: null",
            "warmup_epochs: 5", "warmup_lr: 1.0e-05", "warmup_prefix: false",
        };
        var kept = defaults.Where(line => !given.Contains(line[..line.IndexOf(':', StringComparison.Ordinal)]));
        return string.Join('\n', kept.Append($"sched: {sched}").Append(lines.TrimEnd('\n'))) + "\n";
    }

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][-+]?\d+)?")]
    private static partial Regex NumberPattern();
}
