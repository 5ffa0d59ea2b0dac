using System.Text.Json;
using System.Text.RegularExpressions;

namespace Schedulers.Cli;

/// <summary>
/// The designer's import kind <c>auto</c>: which importer reads a text, told from its content alone, and only when the
/// content tells one kind. A JSON object is ours when it has <c>scheduler</c>, a Kohya GUI file when it has the GUI's
/// keys (<c>LoRA_type</c>, <c>lr_warmup</c>, <c>max_train_steps</c>, ...), Hugging Face <c>TrainingArguments</c> when it has
/// theirs (<c>lr_scheduler_type</c>, <c>per_device_train_batch_size</c>, <c>num_train_epochs</c>, ...); YAML is Hugging
/// Face or timm's args.yaml (<c>sched</c>, <c>epochs</c>, <c>warmup_epochs</c>, ...) by the same rule; <c>key = value</c>
/// lines are sd-scripts TOML; <c>--lr_scheduler</c> and its kin are sd-scripts arguments. Keys of two kinds, or of
/// none, tell nothing: the text is then read as the kind chosen.
/// </summary>
internal static partial class DesignerImportDetection
{
    /// <summary>Keys only our JSON has.</summary>
    private static readonly string[] OurKeys = ["scheduler"];

    /// <summary>Keys a Kohya GUI file has and the other JSON kinds do not.</summary>
    private static readonly string[] KohyaGuiKeys =
        ["LoRA_type", "lr_warmup", "lr_scheduler", "lr_warmup_steps", "max_train_steps", "max_train_epochs", "train_batch_size", "epoch", "unet_lr", "text_encoder_lr", "train_data_dir", "lr_scheduler_args"];

    /// <summary>Keys of <c>TrainingArguments</c> that no other kind has.</summary>
    private static readonly string[] HuggingFaceKeys =
        ["lr_scheduler_type", "lr_scheduler_kwargs", "per_device_train_batch_size", "per_gpu_train_batch_size", "num_train_epochs", "warmup_ratio", "max_steps"];

    /// <summary>Keys of timm's args.yaml that no other kind has.</summary>
    private static readonly string[] TimmKeys =
        ["sched", "epochs", "warmup_epochs", "cooldown_epochs", "sched_on_updates", "decay_epochs", "warmup_lr", "lr_base", "lr_noise", "lr_cycle_mul", "patience_epochs"];

    /// <summary>sd-scripts' schedule flags, one of which a pasted command line has.</summary>
    private static readonly string[] KohyaFlags = ["lr_scheduler", "learning_rate", "max_train_steps", "max_train_epochs", "lr_warmup_steps"];

    /// <summary>The one kind the text is, or <see langword="null"/> when its content does not tell.</summary>
    public static ImportGuess? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart().TrimStart('\uFEFF');
        if (trimmed.StartsWith('{'))
        {
            return JsonKeys(trimmed) is { } keys
                ? Single(keys, ("json", OurKeys), ("kohya", KohyaGuiKeys), ("hf", HuggingFaceKeys), ("timm", TimmKeys))
                : null;
        }

        var tomlKeys = TomlKey().Matches(text).Select(match => match.Groups[1].Value).ToArray();
        var yamlKeys = YamlKey().Matches(text).Select(match => match.Groups[1].Value).ToArray();
        if (tomlKeys.Length > 0 && yamlKeys.Length == 0)
        {
            return new ImportGuess("kohya", "its key = value lines (TOML)");
        }

        if (yamlKeys.Length > 0 && tomlKeys.Length == 0)
        {
            return Single(yamlKeys, ("hf", HuggingFaceKeys), ("timm", TimmKeys));
        }

        var flags = Flag().Matches(text).Select(match => match.Groups[1].Value).Where(KohyaFlags.Contains).Distinct().ToArray();
        return tomlKeys.Length == 0 && yamlKeys.Length == 0 && flags.Length > 0
            ? new ImportGuess("kohya-args", $"its arguments {string.Join(", ", flags.Take(3).Select(flag => "--" + flag))}")
            : null;
    }

    /// <summary>The kind whose keys the text has, when exactly one kind's are there.</summary>
    private static ImportGuess? Single(IReadOnlyList<string> keys, params (string Source, string[] Keys)[] kinds)
    {
        var matches = kinds.Select(kind => (kind.Source, Found: keys.Where(kind.Keys.Contains).Distinct(StringComparer.Ordinal).ToArray()))
            .Where(kind => kind.Found.Length > 0)
            .ToArray();
        return matches is [var only] ? new ImportGuess(only.Source, $"its keys {string.Join(", ", only.Found.Take(3))}") : null;
    }

    /// <summary>The top-level keys of a JSON object, or <see langword="null"/> when the text is not one.</summary>
    private static string[]? JsonKeys(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            return document.RootElement.ValueKind == JsonValueKind.Object ? [.. document.RootElement.EnumerateObject().Select(property => property.Name)] : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^[ \t]*([A-Za-z_][\w-]*)[ \t]*=", RegexOptions.Multiline)]
    private static partial Regex TomlKey();

    [GeneratedRegex(@"^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]|\r?$)", RegexOptions.Multiline)]
    private static partial Regex YamlKey();

    [GeneratedRegex(@"(?<!\S)--([A-Za-z_]\w*)")]
    private static partial Regex Flag();
}
