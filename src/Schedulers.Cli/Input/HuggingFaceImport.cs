using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Schedulers.Cli;

/// <summary>
/// The schedule Hugging Face's <c>Trainer</c> builds from a <c>TrainingArguments</c> file, JSON or YAML
/// (<see cref="YamlJson"/>): <c>learning_rate</c>, the run's length (<see cref="HuggingFaceTrainingLength"/>),
/// <c>lr_scheduler_type</c>, <c>warmup_steps</c>, <c>warmup_ratio</c>, <c>lr_scheduler_kwargs</c>, through
/// <c>transformers.get_scheduler</c>, as <see cref="HuggingFaceMappings"/> tabulates it: what it ignores is listed as
/// notes, what it refuses is refused, a warmup the run never leaves is the ramp it ran
/// (<see cref="HuggingFaceUnfinishedWarmup"/>), every other key of the file is unrelated to the schedule and ignored.
/// </summary>
internal static class HuggingFaceImport
{
    /// <summary>
    /// Reads a <c>TrainingArguments</c> file: JSON when its first character (after white space) is <c>{</c> or <c>[</c>,
    /// YAML otherwise (LLaMA-Factory's <c>training_args.yaml</c>), whatever the file's name.
    /// </summary>
    public static ImportedConfiguration Read(string text, HuggingFaceRunFacts facts)
    {
        var (root, readingNotes) = text.TrimStart().TrimStart('\uFEFF') is ['{' or '[', ..] ? (ParseJson(text), []) : YamlJson.Read(text);
        var import = new ImportBuilder();
        foreach (var note in readingNotes)
        {
            import.Note(note);
        }

        // TrainingArguments has no "scheduler": such a file is most likely one of ours given to --from hf, whose keys the
        // import would silently replace by TrainingArguments' defaults.
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(ScheduleOptions.SchedulerKey, out _))
        {
            import.Warn($"the file has a \"{ScheduleOptions.SchedulerKey}\" key, which TrainingArguments has not: if it is a configuration of ours, read it without --from hf (its keys are not TrainingArguments' and are ignored here).");
        }

        return FromSettings(root, facts, import);
    }

    private static JsonElement ParseJson(string json)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            root = document.RootElement.Clone();

            // An escaped unpaired surrogate parses, then throws when read: read the top-level names and strings now,
            // inside the refusal (lr_scheduler_kwargs goes through ScheduleOptions.FromJson, which checks its own).
            foreach (var property in root.ValueKind == JsonValueKind.Object ? root.EnumerateObject() : default)
            {
                _ = property.Name;
                _ = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                foreach (var inner in property.Value.ValueKind == JsonValueKind.Object ? property.Value.EnumerateObject() : default)
                {
                    _ = inner.Name;
                    _ = inner.Value.ValueKind == JsonValueKind.String ? inner.Value.GetString() : null;
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new UsageException($"the file is not valid JSON: {exception.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new UsageException("a TrainingArguments file is a JSON object.");
        }

        return root;
    }

    private static ImportedConfiguration FromSettings(JsonElement root, HuggingFaceRunFacts facts, ImportBuilder import)
    {
        var problems = new List<string>();
        var learningRate = Number(root, HuggingFaceMappings.LearningRate.Source, problems);
        if (learningRate is null)
        {
            import.Note($"learning_rate is not set: TrainingArguments' default {HuggingFaceMappings.DefaultLearningRate.ToString("R", CultureInfo.InvariantCulture)} applies.");
        }

        var warmupSteps = Number(root, HuggingFaceMappings.WarmupSteps.Source, problems) ?? 0;
        var warmupRatio = Number(root, HuggingFaceMappings.WarmupRatio.Source, problems) ?? 0;
        var name = Text(root, HuggingFaceMappings.SchedulerType.Source, problems) ?? HuggingFaceMappings.DefaultSchedule;
        var kwargs = Kwargs(root, problems);
        var plateau = name == HuggingFaceMappings.Plateau;
        var length = plateau ? null : HuggingFaceTrainingLength.Resolve(root, facts, import, problems);

        // transformers 5 reads a warmup_steps below 1 as a share of the run (ceil); 1 and more are steps.
        if (warmupSteps < 0 || (warmupSteps >= 1 && warmupSteps != Math.Floor(warmupSteps)))
        {
            problems.Add($"warmup_steps = {warmupSteps.ToString("R", CultureInfo.InvariantCulture)} is not a whole number of steps >= 0 (or a share of the run below 1, as transformers 5 reads it).");
        }

        if (warmupRatio is < 0 or > 1)
        {
            problems.Add($"warmup_ratio = {warmupRatio.ToString("R", CultureInfo.InvariantCulture)} is not in [0, 1] (TrainingArguments refuses it).");
        }

        UsageException.ThrowIfAny(problems);
        if (plateau)
        {
            // get_scheduler returns ReduceLROnPlateau(optimizer, **lr_scheduler_kwargs) before it looks at any warmup.
            import.Set(ScheduleKeys.Scheduler, "ReduceLROnPlateau", HuggingFaceMappings.SchedulerType.Source);
            import.Set(ScheduleKeys.LearningRate, learningRate ?? HuggingFaceMappings.DefaultLearningRate, HuggingFaceMappings.LearningRate.Source);
            if (warmupSteps > 0 || warmupRatio > 0)
            {
                import.Note("the warmup is ignored: transformers' get_scheduler builds reduce_lr_on_plateau without one.");
            }

            foreach (var note in facts.Unused("reduce_lr_on_plateau follows the metrics, not the run's length"))
            {
                import.Note(note);
            }

            foreach (var (key, value) in kwargs)
            {
                import.Set(key, value, $"lr_scheduler_kwargs {key}");
            }

            return import.Build();
        }

        var (totalSteps, totalOrigin) = length!.Value;

        // TrainingArguments.get_warmup_steps: warmup_steps wins when > 0, else ceil(max_steps * warmup_ratio); transformers 5
        // reads a warmup_steps in (0, 1) as that ratio itself.
        var warmupIsShare = warmupSteps is > 0 and < 1;
        var warmup = warmupSteps >= 1 ? (long)warmupSteps : (long)Math.Ceiling(totalSteps * (warmupIsShare ? warmupSteps : warmupRatio));
        var warmupOrigin = warmupSteps >= 1 ? HuggingFaceMappings.WarmupSteps.Origin
            : warmupIsShare ? $"transformers 5's share of the run for warmup_steps below 1: ceil(training steps {totalSteps} × warmup_steps {warmupSteps.ToString("R", CultureInfo.InvariantCulture)})"
            : $"TrainingArguments.get_warmup_steps: ceil(training steps {totalSteps} × warmup_ratio {warmupRatio.ToString("R", CultureInfo.InvariantCulture)})";
        if (warmupIsShare)
        {
            import.Note($"warmup_steps {warmupSteps.ToString("R", CultureInfo.InvariantCulture)} is below 1: read as a share of the run, as transformers 5 does (ceil({totalSteps} × {warmupSteps.ToString("R", CultureInfo.InvariantCulture)}) = {warmup} steps); transformers 4 took it as a step count.");
        }

        if (warmupSteps > 0 && warmupRatio > 0)
        {
            import.Note("warmup_ratio is ignored: warmup_steps > 0 takes precedence in the Trainer.");
        }

        var rate = learningRate ?? HuggingFaceMappings.DefaultLearningRate;
        var plain = HuggingFaceMappings.PlainSchedules.Contains(name);
        if (!plain && !HuggingFaceMappings.KeywordSchedules.Contains(name))
        {
            throw new UsageException($"lr_scheduler_type '{name}' is not one of transformers' schedules here: {string.Join(", ", HuggingFaceMappings.KeywordSchedules.Concat(HuggingFaceMappings.PlainSchedules))}.");
        }

        var takes = HuggingFaceMappings.Keywords.Where(rule => rule.IsUsedBy(name)).ToArray();
        var refused = plain ? [] : kwargs.Keys.Where(key => !takes.Any(rule => rule.Source == key)).ToArray();
        if (refused.Length > 0)
        {
            throw new UsageException([.. refused.Select(key => $"lr_scheduler_kwargs {key}: transformers passes it to the {name} schedule function, which does not take it (TypeError){(takes.Length == 0 ? string.Empty : "; it takes " + string.Join(", ", takes.Select(rule => rule.Source)))}.")]);
        }

        if (plain)
        {
            // get_scheduler builds these without lr_scheduler_kwargs.
            NoteIgnoredKeywords(name, kwargs, import);
        }

        if (HuggingFaceUnfinishedWarmup.Applies(name, warmup, totalSteps))
        {
            HuggingFaceUnfinishedWarmup.Build(name, rate, totalSteps, warmup, warmupOrigin, plain ? new Dictionary<string, ParameterValue>() : kwargs, import);
            return import.Build();
        }

        import.Set(ScheduleKeys.Scheduler, name, HuggingFaceMappings.SchedulerType.Source);
        import.Set(ScheduleKeys.LearningRate, rate, HuggingFaceMappings.LearningRate.Source);
        import.Set(ScheduleKeys.TotalSteps, totalSteps, totalOrigin);
        if (name == "constant")
        {
            // get_scheduler builds constant with the optimizer alone: no warmup, no keyword.
            if (warmup > 0)
            {
                import.Note($"the warmup ({warmup} steps, from {warmupOrigin}) is ignored: transformers' get_scheduler builds 'constant' without one (use constant_with_warmup).");
            }

            return import.Build();
        }

        import.Set(ScheduleKeys.WarmupSteps, warmup, warmupOrigin);
        foreach (var (key, value) in plain ? [] : kwargs)
        {
            import.Set(takes.First(rule => rule.Source == key).Target!, value, $"lr_scheduler_kwargs {key}");
        }

        return import.Build();
    }

    private static void NoteIgnoredKeywords(string name, IReadOnlyDictionary<string, ParameterValue> kwargs, ImportBuilder import)
    {
        foreach (var key in kwargs.Keys)
        {
            import.Note($"lr_scheduler_kwargs {key} is ignored: transformers' get_scheduler passes no keyword to '{name}'.");
        }
    }

    /// <summary>A number of the file, or <see langword="null"/> when absent or <c>null</c>; anything else is a problem.</summary>
    internal static double? Number(JsonElement root, string key, List<string> problems)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        problems.Add($"{key} = {value.GetRawText()} is not a finite number.");
        return null;
    }

    /// <summary>A boolean of the file, or <see langword="null"/> when absent or <c>null</c>; anything else is a problem.</summary>
    internal static bool? Boolean(JsonElement root, string key, List<string> problems)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        problems.Add($"{key} = {value.GetRawText()} is not true or false.");
        return null;
    }

    private static string? Text(JsonElement root, string key, List<string> problems)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        problems.Add($"{key} = {value.GetRawText()} is not a string.");
        return null;
    }

    /// <summary>
    /// <c>lr_scheduler_kwargs</c> (an object, or a string holding one, as the Trainer's command line passes it): the schedule
    /// function's keyword arguments, in the order written; a keyword given twice is refused.
    /// </summary>
    private static OrderedDictionary<string, ParameterValue> Kwargs(JsonElement root, List<string> problems)
    {
        var kwargs = new OrderedDictionary<string, ParameterValue>(StringComparer.Ordinal);
        if (!root.TryGetProperty(HuggingFaceMappings.SchedulerKeywords.Source, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return kwargs;
        }

        var json = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        try
        {
            var options = ScheduleOptions.FromJson(json);
            foreach (var group in options.Entries.GroupBy(entry => entry.Key, StringComparer.Ordinal))
            {
                if (group.Count() > 1)
                {
                    problems.Add($"lr_scheduler_kwargs gives {group.Key} {group.Count()} times ({string.Join(", ", group.Select(entry => entry.Value))}); give it once.");
                }

                kwargs[group.Key] = group.First().Value;
            }

            return kwargs;
        }
        catch (ScheduleConfigurationException exception)
        {
            problems.Add($"lr_scheduler_kwargs is not a JSON object of keyword arguments: {exception.Problems[0].Message}");
            return kwargs;
        }
    }
}
