using System.Text;
using System.Text.Json;
using Schedulers.Cli;

namespace Schedulers.Tests.Cli.Importing;

/// <summary>
/// Writes an <c>args.yaml</c> as timm's train.py does (<c>yaml.safe_dump</c> of its argument namespace: keys sorted, one
/// per line, block lists, PyYAML's float spellings), with train.py's defaults and some unrelated arguments, then the
/// settings a test changes; and imports it.
/// </summary>
internal static class TimmArgs
{
    /// <summary>train.py's defaults for the arguments the import reads, and a few others, as safe_dump writes them.</summary>
    private static readonly SortedDictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        ["aa"] = "rand-m9-mstd0.5-inc1",
        ["amp"] = "true",
        ["batch_size"] = "128",
        ["cooldown_epochs"] = "0",
        ["data_dir"] = "/data/imagenet",
        ["decay_epochs"] = "90",
        ["decay_milestones"] = "\n- 90\n- 180\n- 270",
        ["decay_rate"] = "0.1",
        ["epochs"] = "300",
        ["eval_metric"] = "top1",
        ["grad_accum_steps"] = "1",
        ["lr"] = "null",
        ["lr_base"] = "0.1",
        ["lr_base_scale"] = "''",
        ["lr_base_size"] = "256",
        ["lr_cycle_decay"] = "0.5",
        ["lr_cycle_limit"] = "1",
        ["lr_cycle_mul"] = "1.0",
        ["lr_k_decay"] = "1.0",
        ["lr_noise"] = "null",
        ["lr_noise_pct"] = "0.67",
        ["lr_noise_std"] = "1.0",
        ["mean"] = "null",
        ["min_lr"] = "0",
        ["model"] = "resnet50",
        ["model_kwargs"] = "{}",
        ["opt"] = "sgd",
        ["opt_kwargs"] = "{}",
        ["patience_epochs"] = "10",
        ["scale"] = "\n- 0.08\n- 1.0",
        ["sched"] = "cosine",
        ["sched_on_updates"] = "false",
        ["seed"] = "42",
        ["start_epoch"] = "null",
        ["warmup_epochs"] = "5",
        ["warmup_lr"] = "1.0e-05",
        ["warmup_prefix"] = "false",
        ["weight_decay"] = "2.0e-05",
    };

    /// <summary>An args.yaml with train.py's defaults and <paramref name="settings"/> (<c>key: value</c>, value as YAML; a null value removes the key).</summary>
    public static string Yaml(params (string Key, string? Value)[] settings)
    {
        var values = new SortedDictionary<string, string>(Defaults, StringComparer.Ordinal);
        foreach (var (key, value) in settings)
        {
            if (value is null)
            {
                values.Remove(key);
            }
            else
            {
                values[key] = value;
            }
        }

        var text = new StringBuilder();
        foreach (var (key, value) in values)
        {
            text.Append(key).Append(':').Append(value.StartsWith('\n') ? string.Empty : " ").Append(value).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The import of <paramref name="yaml"/>, as the configuration JSON it produces.</summary>
    public static JsonElement Json(string yaml, long? batchesPerEpoch = null, long? worldSize = null) =>
        JsonDocument.Parse(Import(yaml, batchesPerEpoch, worldSize).Options.ToJson()).RootElement.Clone();

    public static ImportedConfiguration Import(string yaml, long? batchesPerEpoch = null, long? worldSize = null) =>
        TimmImport.FromYaml(yaml, new ImportFacts(worldSize ?? 1, worldSize is not null, batchesPerEpoch));

    /// <summary>The problems of a refused import.</summary>
    public static string Refusal(string yaml, long? batchesPerEpoch = null, long? worldSize = null)
    {
        var act = () => Import(yaml, batchesPerEpoch, worldSize);
        return string.Join('\n', act.Should().Throw<UsageException>().Which.Problems);
    }

    /// <summary>The keys of the imported configuration, in order.</summary>
    public static string[] Keys(JsonElement json) => [.. json.EnumerateObject().Select(property => property.Name)];
}
