using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Schedulers.Cli;

/// <summary>
/// A Kohya GUI (kohya_ss) configuration file: the JSON its LoRA tab saves. The import does what the GUI's
/// <c>train_model</c> (kohya_gui/lora_gui.py) does when training starts — it computes the training length and the
/// warmup, and writes sd-scripts settings — and then translates those settings as <see cref="KohyaImport"/> translates
/// any sd-scripts configuration. What the file cannot know (the images in its folders) comes from
/// <see cref="DataSetFacts"/>. The GUI's <c>unet_lr</c> and <c>text_encoder_lr</c> are written as sd-scripts
/// settings, with the flag the GUI adds for a part whose rate is 0, and become parameter groups as sd-scripts makes them
/// (<see cref="KohyaNetworkParts"/>).
/// </summary>
internal static class KohyaGuiImport
{
    /// <summary>A GUI file is JSON (an object); sd-scripts' config file is TOML, which cannot begin with <c>{</c>.</summary>
    public static bool IsGuiJson(string text) => text.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal);

    public static ImportedConfiguration FromJson(string json, long? explicitProcesses, DataSetFacts facts)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            throw new UsageException(HasComments(json)
                ? "the file is a Kohya GUI JSON file with comments (// or /* */), which JSON does not allow: the GUI's json.load refuses it too. Remove the comments."
                : $"the file starts like a Kohya GUI JSON file but is not valid JSON: {exception.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException("a Kohya GUI file is a JSON object of settings.");
            }

            // Python's json.load keeps the last of a key given twice.
            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value;
            }

            return Translate(new KohyaGuiSettings(values), explicitProcesses, facts);
        }
    }

    /// <summary>Whether the text is valid JSON once comments are skipped: then they are what made it invalid.</summary>
    private static bool HasComments(string json)
    {
        try
        {
            using var _ = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ImportedConfiguration Translate(KohyaGuiSettings reader, long? explicitProcesses, DataSetFacts facts)
    {
        var notes = new List<string>();
        var learningRate = reader.Number(KohyaGuiMappings.LearningRate) ?? 0;
        var unetLr = reader.Number(KohyaGuiMappings.UnetLr) ?? 0;
        var textEncoderLr = reader.Number(KohyaGuiMappings.TextEncoderLr) ?? 0;
        var scheduler = reader.Text(KohyaGuiMappings.Scheduler);
        var percent = reader.Integer(KohyaGuiMappings.WarmupPercent) ?? 0;
        var savesWarmupSteps = reader.Has(KohyaGuiMappings.WarmupSteps.Source);
        var warmupSteps = reader.Integer(KohyaGuiMappings.WarmupSteps) ?? 0;
        var maxTrainSteps = reader.Integer(KohyaGuiMappings.MaxTrainSteps) ?? 0;
        var maxTrainEpochs = reader.Integer(KohyaGuiMappings.MaxTrainEpochs) ?? 0;
        var epoch = reader.Integer(KohyaGuiMappings.Epoch) ?? 0;
        var batchSize = reader.Integer(KohyaGuiMappings.TrainBatchSize);
        var accumulation = reader.Integer(KohyaGuiMappings.GradientAccumulationSteps) ?? 0;
        var fileProcesses = reader.Integer(KohyaGuiMappings.NumProcesses) ?? 0;
        var regularisation = reader.Text(KohyaGuiMappings.RegDataDir);
        var trainDataDir = reader.Text(KohyaGuiMappings.TrainDataDir) ?? string.Empty;
        var datasetConfig = reader.Text(KohyaGuiMappings.DatasetConfig);
        var schedulerArguments = reader.Text(KohyaGuiMappings.SchedulerArguments);
        var schedulerType = reader.Text(KohyaGuiMappings.SchedulerType);
        var numCycles = reader.Integer(KohyaGuiMappings.NumCycles) ?? 1;
        var power = reader.Number(KohyaGuiMappings.Power) ?? 1;
        var additional = KohyaGuiAdditionalParameters.Read(reader.Text(KohyaGuiMappings.AdditionalParameters));
        var passedThrough = KohyaGuiMappings.PassedThrough.Where(rule => reader.IsSet(rule.Source))
            .Select(rule => (rule.Source, Value: rule.Type == ImportValueType.Integer ? (object?)reader.Integer(rule) : reader.Number(rule))).ToArray();
        foreach (var rule in KohyaGuiMappings.Noted)
        {
            if (reader.Number(rule) is { } value && value != 0)
            {
                notes.Add($"{rule.Source} {Format(value)}: {rule.Note}");
            }
        }

        reader.ThrowIfProblems();
        var problems = new List<string>();
        if (learningRate == 0 && unetLr == 0 && textEncoderLr == 0)
        {
            problems.Add("learning_rate, unet_lr and text_encoder_lr are all 0 (or \"\"): the Kohya GUI refuses to train ('Please input learning rate values.').");
        }

        if (percent is < 0 or > 100)
        {
            problems.Add($"lr_warmup {percent} is not a percentage of the training steps in [0, 100].");
        }
        else if (percent == 100 && savesWarmupSteps)
        {
            problems.Add("lr_warmup 100: the GUI passes the share 1.0, a warmup as long as the whole run; give fewer percent, or lr_warmup_steps.");
        }

        if (warmupSteps < 0)
        {
            problems.Add($"lr_warmup_steps {warmupSteps} is negative.");
        }

        if (epoch < 0 || maxTrainSteps < 0 || maxTrainEpochs < 0)
        {
            problems.Add($"epoch {epoch}, max_train_steps {maxTrainSteps} and max_train_epochs {maxTrainEpochs} must not be negative.");
        }

        var processes = Processes(fileProcesses, explicitProcesses, problems, notes);
        UsageException.ThrowIfAny(problems);
        if (additional.ChangesSchedule)
        {
            notes.Add(additional.Note());
        }

        // train_model: the training length and the warmup the GUI writes into sd-scripts' config file.
        long steps = maxTrainSteps;
        string? stepsOrigin = null;
        long warmup;
        string warmupOrigin;
        if (datasetConfig is not null)
        {
            notes.Add($"dataset_config is set: the GUI counts no image folders, and sd-scripts takes the data set from {datasetConfig}.");
            (warmup, warmupOrigin) = steps > 0 && percent != 0 ? RoundedPercent(percent, steps, "max_train_steps") : (0, "lr_warmup 0");
            if (savesWarmupSteps && warmupSteps > 0)
            {
                notes.Add($"lr_warmup_steps {warmupSteps} is not used: with dataset_config the GUI's train_model replaces it by its conversion of lr_warmup ({warmup}).");
            }
        }
        else
        {
            var needsSteps = maxTrainEpochs == 0 || (!savesWarmupSteps && percent != 0);
            if (steps == 0 && needsSteps)
            {
                var why = reader.Has(KohyaGuiMappings.MaxTrainSteps.Source) ? "max_train_steps is 0" : "max_train_steps is absent";
                (steps, stepsOrigin) = GuiSteps(batchSize, accumulation, epoch, regularisation, trainDataDir, facts, notes, why);
                if (!reader.Has(KohyaGuiMappings.MaxTrainSteps.Source))
                {
                    notes.Add("max_train_steps is absent: read as 0, the GUI counting the steps from its image folders, as the releases that saved files without it did; a current GUI keeps its field's value instead (1600 unless changed): write max_train_steps into the file to be sure.");
                }

                notes.AddRange(reader.AbsentDefaultsUsed.Where(rule => rule == KohyaGuiMappings.Epoch || rule == KohyaGuiMappings.TrainBatchSize || rule == KohyaGuiMappings.GradientAccumulationSteps)
                    .Select(rule => $"{rule.Source} is absent: the GUI keeps its field's default {Format(rule.WhenAbsent!.Value)}."));
            }

            (warmup, warmupOrigin) = savesWarmupSteps ? (warmupSteps, "lr_warmup_steps")
                : percent != 0 ? RoundedPercent(percent, steps, stepsOrigin is null ? "max_train_steps" : "the GUI's max_train_steps") : (0, "lr_warmup 0");
        }

        object? warmupSetting = warmup;
        if (savesWarmupSteps && warmup <= 0 && percent != 0)
        {
            // The GUI releases that save lr_warmup_steps pass the percentage as a share, which sd-scripts truncates.
            warmupSetting = percent / 100.0;
            warmupOrigin = $"lr_warmup {percent} % passed as the share {Format(percent / 100.0)}, which sd-scripts truncates";
        }
        else if (savesWarmupSteps && warmupSteps > 0 && percent != 0 && datasetConfig is null)
        {
            notes.Add($"lr_warmup {percent} is not used: lr_warmup_steps {warmupSteps} wins (the GUI warns 'Both lr_warmup and lr_warmup_steps are set').");
        }

        // The settings the GUI writes (it leaves out "", 0, False and None).
        var settings = new Dictionary<string, object>(StringComparer.Ordinal);
        AddIf(settings, KohyaMappings.LearningRate.Source, learningRate, learningRate != 0);
        AddIf(settings, KohyaMappings.Scheduler.Source, scheduler!, scheduler is not null);
        AddIf(settings, KohyaMappings.WarmupSteps.Source, warmupSetting!, warmupSetting is not 0L);
        AddIf(settings, KohyaMappings.MaxTrainSteps.Source, steps, steps != 0);
        AddIf(settings, KohyaMappings.MaxTrainEpochs.Source, maxTrainEpochs, maxTrainEpochs != 0);
        AddIf(settings, KohyaMappings.GradientAccumulationSteps.Source, accumulation, accumulation != 0);
        AddIf(settings, "lr_scheduler_num_cycles", numCycles, numCycles != 0);
        AddIf(settings, "lr_scheduler_power", power, power != 0);
        AddIf(settings, KohyaMappings.SchedulerType.Source, schedulerType!, schedulerType is not null);
        AddIf(settings, KohyaMappings.UnetLr.Source, unetLr, unetLr != 0);
        AddIf(settings, KohyaMappings.TextEncoderLr.Source, textEncoderLr, textEncoderLr != 0);

        // train_model's rule: a part whose field is 0 while the other's is not does not train, by a flag it passes.
        AddIf(settings, KohyaMappings.TextEncoderOnly.Source, true, unetLr == 0 && textEncoderLr != 0);
        AddIf(settings, KohyaMappings.UnetOnly.Source, true, textEncoderLr == 0 && unetLr != 0);
        if (schedulerArguments is not null && SplitArguments(schedulerArguments) is { Count: > 0 } arguments)
        {
            settings[KohyaMappings.SchedulerArguments.Source] = arguments;
        }

        foreach (var (key, value) in passedThrough)
        {
            AddIf(settings, key, value!, value is not null);
        }

        foreach (var (key, value) in additional.Settings)
        {
            settings[key] = value;
        }

        if (steps == 0 && datasetConfig is null && maxTrainEpochs == 0)
        {
            notes.Add("the GUI's count gives 0 training steps (no images, or epoch 0), so it passes no max_train_steps.");
        }

        var stepsFrom = additional.Settings.ContainsKey(KohyaMappings.MaxTrainSteps.Source) ? "additional_parameters --max_train_steps" : stepsOrigin;
        var imported = KohyaImport.Translate(settings, processes, additional.Keys, facts, stepsFrom);
        if (imported.Options.Contains(ScheduleKeys.WarmupSteps) && !additional.Settings.ContainsKey(KohyaMappings.WarmupSteps.Source))
        {
            // A share is counted by sd-scripts against its own training length, whose arithmetic its origin holds.
            var origin = warmupSetting is double ? $"{warmupOrigin}: {imported.Origins[ScheduleKeys.WarmupSteps]}" : warmupOrigin;
            imported = imported with { Origins = imported.Origins.SetItem(ScheduleKeys.WarmupSteps, origin) };
        }

        return imported.WithNotes(notes) with
        {
            Origins = imported.Origins.ToImmutableDictionary(origin => origin.Key, origin => FromCommandLine(origin.Value, additional), imported.Origins.KeyComparer),
            Groups = [.. imported.Groups.Select(group => group with { Origin = FromCommandLine(group.Origin, additional) })],
        };
    }

    /// <summary>The origin of what <c>additional_parameters</c> set names it, not the file's setting of the same name.</summary>
    private static string FromCommandLine(string origin, KohyaGuiAdditionalParameters additional) =>
        additional.Settings.Keys.Any(key => origin == key || origin.StartsWith(key + " ", StringComparison.Ordinal) || origin.StartsWith(key + "[", StringComparison.Ordinal))
            ? $"additional_parameters --{origin}"
            : origin;

    /// <summary>accelerate's process count: the file's <c>num_processes</c> when > 0 (the GUI passes it to <c>accelerate launch</c>).</summary>
    private static long Processes(long fromFile, long? explicitProcesses, List<string> problems, List<string> notes)
    {
        if (fromFile > 0 && explicitProcesses is { } given && given != fromFile)
        {
            problems.Add($"--num-processes {given} disagrees with the file's num_processes {fromFile}, which the GUI passes to accelerate launch; leave the option out or make them equal.");
        }

        if (fromFile <= 0 && explicitProcesses is null)
        {
            notes.Add("num_processes is 0 or unset: the GUI passes none to accelerate launch, which then follows its own configuration; 1 process is assumed (--num-processes N says otherwise).");
        }

        var processes = fromFile > 0 ? fromFile : explicitProcesses ?? 1;
        if (processes is < 1 or > 1_000_000)
        {
            problems.Add($"num_processes {processes} is not a number of processes in [1, 1000000].");
            return 1;
        }

        return processes;
    }

    /// <summary>
    /// The GUI's own training length when <c>max_train_steps</c> is 0: <c>ceil(float(total_steps) / train_batch_size /
    /// gradient_accumulation_steps * epoch * reg_factor)</c> in floating point, left to right, as train_model computes it.
    /// </summary>
    private static (long Steps, string Origin) GuiSteps(long? batchSize, long accumulation, long epoch, string? regularisation, string trainDataDir, DataSetFacts facts, List<string> notes, string why)
    {
        var problems = new List<string>();
        if (batchSize is not >= 1)
        {
            problems.Add($"train_batch_size {batchSize?.ToString(CultureInfo.InvariantCulture) ?? "\"\""}: the GUI divides the images by it to count the training steps; it must be >= 1.");
        }

        if (accumulation < 1)
        {
            problems.Add($"gradient_accumulation_steps {accumulation}: the GUI divides the images by it to count the training steps; it must be >= 1.");
        }

        UsageException.ThrowIfAny(problems);
        var images = facts.RequireImagesTimesRepeats($"{why}: the Kohya GUI then counts the training steps from the N_name folders of its image folder (train_data_dir \"{trainDataDir}\"), which the file does not hold");
        var regFactor = regularisation is null ? 1 : 2;
        if (regFactor == 2)
        {
            notes.Add($"reg_data_dir is set: the GUI doubles the training steps (reg_factor 2), as sd-scripts draws one regularisation image for each training image.");
        }

        var value = Math.Ceiling((double)images / batchSize!.Value / accumulation * epoch * regFactor);
        if (value > 1L << 53)
        {
            throw new UsageException($"{facts.ImagesOrigin}: the GUI's count gives {Format(value)} training steps, beyond 2^53.");
        }

        return ((long)value, $"the GUI's max_train_steps = ceil({images} images × repeats / train_batch_size {batchSize} / gradient_accumulation_steps {accumulation} × epoch {epoch} × reg_factor {regFactor}), images × repeats from {facts.ImagesOrigin}");
    }

    /// <summary>The GUI's <c>round(float(int(lr_warmup) * int(max_train_steps) / 100))</c>: Python's round, halves to even.</summary>
    private static (long Steps, string Origin) RoundedPercent(long percent, long steps, string stepsName)
    {
        var rounded = (long)Math.Round((double)(percent * steps) / 100, MidpointRounding.ToEven);
        return (rounded, $"round(lr_warmup {percent} % × {stepsName} {steps} / 100) (Python's round, halves to even)");
    }

    /// <summary>The GUI's <c>str(lr_scheduler_args).replace('"', "").split()</c>: double quotes removed, split at runs of whitespace.</summary>
    private static List<string> SplitArguments(string text) =>
        [.. text.Replace("\"", string.Empty, StringComparison.Ordinal).Split(IsPythonWhitespace(text), StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The whitespace characters present in <paramref name="text"/> that Python's <c>str.split()</c> splits at (it also splits at U+001C..U+001F).</summary>
    private static char[] IsPythonWhitespace(string text) => [.. text.Where(c => char.IsWhiteSpace(c) || c is >= '\u001c' and <= '\u001f').Distinct().DefaultIfEmpty(' ')];

    private static void AddIf(Dictionary<string, object> settings, string key, object value, bool condition)
    {
        if (condition)
        {
            settings[key] = value;
        }
    }

    private static string Format(double number) => number.ToString("R", CultureInfo.InvariantCulture);
}
