using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Schedulers.Tests.Cli.Importing;

/// <summary>
/// Writes a reference configuration the way a user of sd-scripts or of the Hugging Face Trainer would write it, following
/// their documented arguments, so that importing it must give back the reference curve (or <see langword="null"/> when
/// that tool cannot express the configuration).
/// </summary>
internal static class ForeignConfigurations
{
    private static readonly HashSet<string> KohyaSchedulers =
        ["constant", "constant_with_warmup", "linear", "cosine", "cosine_with_restarts", "polynomial", "inverse_sqrt", "cosine_with_min_lr", "warmup_stable_decay", "piecewise_constant"];

    /// <summary>An sd-scripts TOML file (the form a GUI writes), with some unrelated keys as a GUI would have them.</summary>
    public static string? KohyaToml(JsonElement config)
    {
        var scheduler = config.GetProperty("scheduler").GetString()!;
        var lines = new List<string> { "pretrained_model_name_or_path = \"model.safetensors\"", "network_dim = 16", "mixed_precision = \"bf16\"" };
        var arguments = new List<string>();
        if (config.TryGetProperty("steps_per_epoch", out _))
        {
            return null; // sd-scripts steps its scheduler once per optimizer step, never once per epoch
        }

        var pyTorch = char.IsUpper(scheduler[0]);
        if (pyTorch && SchedulerCatalog.Find(scheduler)?.Family != SchedulerFamily.PyTorch)
        {
            return null; // lr_scheduler_type names a torch.optim.lr_scheduler class; timm's and Keras's are not
        }

        if (pyTorch)
        {
            if (scheduler is "SequentialLR" or "ChainedScheduler")
            {
                return null;
            }

            lines.Add($"lr_scheduler_type = \"{scheduler}\"");
        }
        else if (!KohyaSchedulers.Contains(scheduler))
        {
            return null;
        }
        else
        {
            lines.Add($"lr_scheduler = \"{scheduler}\"");
        }

        foreach (var property in config.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "scheduler":
                    break;
                case "learning_rate":
                    lines.Add($"learning_rate = {Number(value)}");
                    break;
                case "total_steps" when !pyTorch || scheduler != "OneCycleLR":
                    lines.Add($"max_train_steps = {value.GetInt64()}");
                    break;
                case "warmup_steps":
                    lines.Add($"lr_warmup_steps = {value.GetInt64()}");
                    break;
                case "decay_steps":
                    lines.Add($"lr_decay_steps = {value.GetInt64()}");
                    break;
                case "power" when !pyTorch:
                    lines.Add($"lr_scheduler_power = {Number(value)}");
                    break;
                case "timescale":
                    lines.Add($"lr_scheduler_timescale = {value.GetInt64()}");
                    break;
                case "min_lr_ratio":
                    lines.Add($"lr_scheduler_min_lr_ratio = {Number(value)}");
                    break;
                case "num_cycles" when scheduler == "cosine_with_restarts":
                    lines.Add($"lr_scheduler_num_cycles = {value.GetInt64()}");
                    break;
                case "num_cycles" when scheduler is "cosine_with_min_lr" or "warmup_stable_decay":
                    // sd-scripts halves its count for these two: a Kohya user writes twice the transformers value.
                    var doubled = 2 * value.GetDouble();
                    if (doubled != Math.Floor(doubled))
                    {
                        return null;
                    }

                    lines.Add($"lr_scheduler_num_cycles = {(long)doubled}");
                    break;
                default:
                    arguments.Add($"{property.Name}={Python(value)}");
                    break;
            }
        }

        // A GUI always writes these two, whatever the scheduler; sd-scripts ignores them where they do not apply.
        if (!lines.Any(line => line.StartsWith("lr_scheduler_num_cycles", StringComparison.Ordinal)) && scheduler is not ("cosine_with_min_lr" or "warmup_stable_decay"))
        {
            lines.Add("lr_scheduler_num_cycles = 1");
        }

        if (!lines.Any(line => line.StartsWith("lr_scheduler_power", StringComparison.Ordinal)))
        {
            lines.Add("lr_scheduler_power = 1");
        }

        if (arguments.Count > 0)
        {
            lines.Add("lr_scheduler_args = [" + string.Join(", ", arguments.Select(argument => JsonSerializer.Serialize(argument))) + "]");
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>A Hugging Face TrainingArguments JSON, or <see langword="null"/> where the Trainer cannot build the schedule.</summary>
    public static string? TrainingArguments(JsonElement config)
    {
        var scheduler = config.GetProperty("scheduler").GetString()!;
        if (scheduler is not ("constant" or "constant_with_warmup" or "linear" or "cosine" or "cosine_with_restarts" or "polynomial" or "inverse_sqrt" or "cosine_with_min_lr" or "warmup_stable_decay"))
        {
            return null;
        }

        var names = new Dictionary<string, string> { ["min_lr_ratio"] = scheduler == "cosine_with_min_lr" ? "min_lr_rate" : "min_lr_ratio", ["decay_steps"] = "num_decay_steps" };
        var json = new StringBuilder($"{{\"output_dir\": \"out\", \"per_device_train_batch_size\": 8, \"lr_scheduler_type\": \"{scheduler}\"");
        var kwargs = new List<string>();
        foreach (var property in config.EnumerateObject())
        {
            switch (property.Name)
            {
                case "scheduler":
                    break;
                case "learning_rate":
                    json.Append(CultureInfo.InvariantCulture, $", \"learning_rate\": {property.Value.GetRawText()}");
                    break;
                case "total_steps":
                    json.Append(CultureInfo.InvariantCulture, $", \"max_steps\": {property.Value.GetRawText()}");
                    break;
                case "warmup_steps":
                    json.Append(CultureInfo.InvariantCulture, $", \"warmup_steps\": {property.Value.GetRawText()}");
                    break;
                case var key when scheduler is "constant" or "constant_with_warmup" or "inverse_sqrt":
                    // get_scheduler passes no keyword to these: a timescale, say, cannot be set through the Trainer.
                    _ = key;
                    return null;
                case var key:
                    kwargs.Add($"\"{names.GetValueOrDefault(key, key)}\": {property.Value.GetRawText()}");
                    break;
            }
        }

        json.Append(", \"lr_scheduler_kwargs\": {").Append(string.Join(", ", kwargs)).Append("}}");
        return json.ToString();
    }

    private static string Number(JsonElement value) => value.GetDouble().ToString("R", CultureInfo.InvariantCulture) is var text && !text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal) ? text + ".0" : text;

    private static string Python(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"'{value.GetString()}'",
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(Python)) + "]",
        _ => value.GetRawText(),
    };
}
