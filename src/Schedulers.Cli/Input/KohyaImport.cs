using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Tomlyn;
using Tomlyn.Model;

namespace Schedulers.Cli;

/// <summary>
/// sd-scripts' learning-rate settings, from a TOML config file (<c>--config_file</c>) or a list of <c>--key value</c>
/// arguments, translated to the schedule <c>get_scheduler_fix</c> would build: no more and no less. Which setting becomes
/// which key, and with which schedules, is <see cref="KohyaMappings"/>; settings sd-scripts ignores for the chosen
/// scheduler are ignored and listed as notes; what it refuses (or crashes on) is refused. <c>unet_lr</c>,
/// <c>text_encoder_lr</c> and the "only" flags make parameter groups (<see cref="KohyaNetworkParts"/>,
/// <see cref="KohyaParameterGroups"/>).
/// </summary>
internal static class KohyaImport
{
    /// <summary>Reads a TOML config file; its sections are flattened one level, as sd-scripts' <c>read_config_from_file</c> does.</summary>
    public static ImportedConfiguration FromToml(string toml, long numProcesses, DataSetFacts? facts = null)
    {
        TomlTable document;
        try
        {
            document = TomlSerializer.Deserialize<TomlTable>(toml) ?? new TomlTable();
        }
        catch (Exception exception) when (exception is TomlException or InvalidOperationException or FormatException)
        {
            throw new UsageException($"the file is not valid TOML: {exception.Message}");
        }

        var settings = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in document)
        {
            if (value is TomlTable section)
            {
                foreach (var (innerKey, innerValue) in section)
                {
                    settings[innerKey] = innerValue;
                }
            }
            else
            {
                settings[key] = value;
            }
        }

        return Translate(settings, numProcesses, FrozenSet<string>.Empty, facts ?? DataSetFacts.None);
    }

    /// <summary>Reads <c>--key value</c> arguments as sd-scripts' argparse would (values as text, <c>lr_scheduler_args</c> taking every value up to the next flag).</summary>
    public static ImportedConfiguration FromArguments(IReadOnlyList<string> arguments, long numProcesses, DataSetFacts? facts = null)
    {
        var settings = ReadArguments(arguments, expandPrefixes: true);
        return Translate(settings, numProcesses, settings.Keys.ToFrozenSet(StringComparer.Ordinal), facts ?? DataSetFacts.None);
    }

    /// <summary>
    /// The learning-rate arguments of an sd-scripts command line, as text (a list for <c>lr_scheduler_args</c>). Other
    /// arguments are skipped with their values (argparse would read them); an unknown <c>--lr_*</c> is refused, as
    /// sd-scripts refuses unrecognized arguments.
    /// </summary>
    /// <param name="arguments">The arguments, split as a shell splits them.</param>
    /// <param name="expandPrefixes">Whether a unique prefix of a known key stands for it (argparse's abbreviations; only safe where no other argument can share the prefix).</param>
    internal static Dictionary<string, object> ReadArguments(IReadOnlyList<string> arguments, bool expandPrefixes)
    {
        var settings = new Dictionary<string, object>(StringComparer.Ordinal);
        var problems = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var token = arguments[i];
            if (!token.StartsWith("--", StringComparison.Ordinal))
            {
                problems.Add($"'{token}' is not a --key argument (sd-scripts refuses unrecognized arguments).");
                continue;
            }

            var key = token[2..];
            string? inline = null;
            if (key.IndexOf('=', StringComparison.Ordinal) is var equals and > 0)
            {
                inline = key[(equals + 1)..];
                key = key[..equals];
            }

            var values = new List<string>();
            if (inline is not null)
            {
                values.Add(inline);
            }

            key = expandPrefixes ? Expand(key) : key;
            var isFlag = key == KohyaMappings.UnetOnly.Source || key == KohyaMappings.TextEncoderOnly.Source;

            // A nargs="*" setting takes every value up to the next flag; so may an argument this import does not read,
            // whose arity it does not know.
            var takesSeveral = KohyaMappings.SeveralValues.Contains(key) || !KohyaMappings.KnownKeys.Contains(key);
            while (!isFlag && i + 1 < arguments.Count && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal) && (takesSeveral || values.Count == 0))
            {
                values.Add(arguments[++i]);
            }

            if (isFlag)
            {
                // store_true takes no value: argparse refuses "--flag=x" and leaves a following word unrecognized.
                if (inline is not null)
                {
                    problems.Add($"--{key} is a flag and takes no value (argparse: ignored explicit argument '{inline}').");
                }
                else if (i + 1 < arguments.Count && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    problems.Add($"--{key} is a flag and takes no value; '{arguments[i + 1]}' after it is an unrecognized argument to sd-scripts.");
                }

                settings[key] = true;
            }
            else if (KohyaMappings.SeveralValues.Contains(key))
            {
                settings[key] = values;
            }
            else if (KohyaMappings.KnownKeys.Contains(key) && values.Count != 1)
            {
                problems.Add($"--{key} expects one value.");
            }
            else if (KohyaMappings.KnownKeys.Contains(key))
            {
                settings[key] = values[0];
            }
            else if (key.StartsWith("lr_", StringComparison.Ordinal))
            {
                problems.Add($"--{key} is not an sd-scripts argument (sd-scripts refuses unrecognized arguments); its learning-rate arguments are {string.Join(", ", KohyaMappings.KnownKeys.Select(known => "--" + known))}.");
            }
        }

        UsageException.ThrowIfAny(problems);
        return settings;
    }

    /// <summary>argparse accepts a unique prefix of a long option (<c>--lr_warmup</c> for <c>--lr_warmup_steps</c>).</summary>
    private static string Expand(string key)
    {
        if (KohyaMappings.KnownKeys.Contains(key))
        {
            return key;
        }

        var matches = KohyaMappings.KnownKeys.Where(known => known.StartsWith(key, StringComparison.Ordinal)).ToArray();
        return matches.Length == 1 && key.Length >= 3 ? matches[0] : key;
    }

    /// <summary>
    /// Translates sd-scripts settings (as its namespace would hold them) to our vocabulary. <paramref name="stepsOrigin"/>
    /// says where <c>max_train_steps</c> came from when another tool computed it (the Kohya GUI).
    /// </summary>
    internal static ImportedConfiguration Translate(Dictionary<string, object> settings, long numProcesses, IReadOnlySet<string> argumentKeys, DataSetFacts facts, string? stepsOrigin = null)
    {
        var reader = new KohyaSettings(settings, argumentKeys);
        var import = new ImportBuilder();

        foreach (var key in settings.Keys.Where(key => key.StartsWith("lr_", StringComparison.Ordinal) && !KohyaMappings.KnownKeys.Contains(key)))
        {
            import.Note($"{key} is not an sd-scripts learning-rate setting; sd-scripts ignores it, and so does this import.");
        }

        var learningRate = reader.Number(KohyaMappings.LearningRate.Source);
        if (learningRate is null)
        {
            import.Note($"learning_rate is not set: sd-scripts' default {KohyaMappings.DefaultLearningRate.ToString("R", CultureInfo.InvariantCulture)} applies.");
        }

        var maxTrainSteps = reader.Integer(KohyaMappings.MaxTrainSteps.Source);
        var epochs = reader.Integer(KohyaMappings.MaxTrainEpochs.Source);
        var stepsFrom = stepsOrigin ?? KohyaMappings.MaxTrainSteps.Source;
        long steps;
        if (epochs is > 0 and var epochCount)
        {
            steps = EpochSteps(reader, epochCount, numProcesses, facts, out stepsFrom);
            if (maxTrainSteps is { } replaced)
            {
                import.Note($"max_train_steps {replaced} is replaced: sd-scripts sets max_train_steps = {stepsFrom} = {steps} when max_train_epochs is given.");
            }
        }
        else
        {
            if (maxTrainSteps is null)
            {
                import.Note($"max_train_steps is not set: sd-scripts' default {KohyaMappings.DefaultMaxTrainSteps} applies.");
            }

            steps = maxTrainSteps ?? KohyaMappings.DefaultMaxTrainSteps;
            stepsFrom = maxTrainSteps is null ? $"sd-scripts' default max_train_steps {KohyaMappings.DefaultMaxTrainSteps}" : stepsFrom;
        }

        if (steps > (1L << 53) / numProcesses)
        {
            reader.Problem($"max_train_steps {steps} × num_processes {numProcesses} is beyond 2^53 steps.");
            steps = 1;
        }

        var totalSteps = steps * numProcesses;

        // Every setting is read (and a mistyped one refused) whether or not the chosen schedule uses it, as argparse does.
        var values = KohyaMappings.ScheduleParameters.DistinctBy(rule => rule.Source).ToDictionary(rule => rule.Source, rule => reader.Read(rule, totalSteps), StringComparer.Ordinal);
        var warmup = values[KohyaMappings.WarmupSteps.Source] as long? ?? 0;
        var name = reader.Text(KohyaMappings.Scheduler.Source) ?? KohyaMappings.DefaultSchedule;
        var pyTorchClass = reader.Text(KohyaMappings.SchedulerType.Source) ?? string.Empty;
        var kwargs = reader.SchedulerArguments();
        var parts = KohyaNetworkParts.Read(reader, learningRate ?? KohyaMappings.DefaultLearningRate);
        reader.ThrowIfProblems();
        foreach (var note in parts.Notes)
        {
            import.Note(note);
        }

        import.Set(ScheduleKeys.LearningRate, learningRate ?? KohyaMappings.DefaultLearningRate, KohyaMappings.LearningRate.Source);
        var totalOrigin = numProcesses == 1 ? stepsFrom : $"({stepsFrom}) × num_processes {numProcesses}";

        if (pyTorchClass.Length > 0)
        {
            var className = pyTorchClass.StartsWith("torch.optim.lr_scheduler.", StringComparison.Ordinal) ? pyTorchClass["torch.optim.lr_scheduler.".Length..] : pyTorchClass;
            if (className.Contains('.', StringComparison.Ordinal) || SchedulerCatalog.Find(className) is not { Family: SchedulerFamily.PyTorch } descriptor)
            {
                throw new UsageException($"lr_scheduler_type '{pyTorchClass}' is not one of PyTorch's schedulers here: {string.Join(", ", SchedulerCatalog.All.Where(scheduler => scheduler.Family == SchedulerFamily.PyTorch).Select(scheduler => scheduler.Name))}.");
            }

            if (warmup != 0)
            {
                throw new UsageException($"lr_warmup_steps {warmup} with lr_scheduler_type {className}: sd-scripts refuses it ('{name} does not require `num_warmup_steps`. Set None or 0.'); compose a warmup with SequentialLR in our JSON instead.");
            }

            if (settings.ContainsKey(KohyaMappings.Scheduler.Source) && name != KohyaMappings.DefaultSchedule)
            {
                import.Note($"lr_scheduler {name} is ignored: lr_scheduler_type {className} replaces it.");
            }

            // Our steps_per_epoch has the key of PyTorch's OneCycleLR argument, which only sizes the run (total_steps =
            // epochs * steps_per_epoch); sd-scripts steps every class once per optimizer step, never per epoch.
            if (kwargs.ContainsKey(ScheduleKeys.StepsPerEpoch))
            {
                throw new UsageException(descriptor.Name == "OneCycleLR"
                    ? "lr_scheduler_args steps_per_epoch: PyTorch's OneCycleLR reads it with epochs only to size the run (total_steps = epochs * steps_per_epoch), and sd-scripts steps it once per optimizer step; give total_steps in lr_scheduler_args instead."
                    : $"lr_scheduler_args steps_per_epoch: sd-scripts passes it to {descriptor.Name}, which does not take it (Python raises TypeError); sd-scripts steps the scheduler once per optimizer step.");
            }

            import.Set(ScheduleKeys.Scheduler, descriptor.Name, KohyaMappings.SchedulerType.Source);
            Carry(KohyaMappings.PyTorchClasses, "lr_scheduler_type " + pyTorchClass, values, settings, kwargs, import, reader, totalSteps);
            foreach (var (key, value) in kwargs)
            {
                import.Set(key, value, $"lr_scheduler_args {key}");
            }

            // PyTorch's classes do not take the training length (OneCycleLR's total_steps is its own argument); ours
            // takes it as the default curve length only.
            if (!kwargs.ContainsKey(ScheduleKeys.TotalSteps) && descriptor.Name != "OneCycleLR")
            {
                import.Set(ScheduleKeys.TotalSteps, totalSteps, totalOrigin);
            }

            return KohyaParameterGroups.WithGroups(import.Build(), parts);
        }

        if (name.StartsWith("adafactor", StringComparison.Ordinal))
        {
            throw new UsageException($"lr_scheduler {name} is transformers' AdafactorSchedule, which follows the Adafactor optimizer's own step sizes: it is not a schedule of the step alone.");
        }

        if (!KohyaMappings.Schedules.Contains(name))
        {
            throw new UsageException($"lr_scheduler '{name}' is not one sd-scripts builds here: {string.Join(", ", KohyaMappings.Schedules)} (or a PyTorch class through lr_scheduler_type).");
        }

        if (name == KohyaMappings.DefaultSchedule && warmup != 0)
        {
            throw new UsageException($"lr_warmup_steps {warmup} with lr_scheduler constant: sd-scripts refuses it ('constant does not require `num_warmup_steps`. Set None or 0.'); use constant_with_warmup for a warmup.");
        }

        if (name == "cosine_with_min_lr" && values[KohyaMappings.MinLrRatio.Source] is null && !kwargs.ContainsKey(ScheduleKeys.MinLr))
        {
            throw new UsageException("lr_scheduler cosine_with_min_lr needs lr_scheduler_min_lr_ratio (or min_lr in lr_scheduler_args): transformers refuses it without one ('One of min_lr or min_lr_rate should be set').");
        }

        var takes = KohyaMappings.Keywords.Where(rule => rule.IsUsedBy(name)).ToArray();
        var refused = kwargs.Keys.Where(key => !takes.Any(rule => rule.Source == key)).ToArray();
        if (refused.Length > 0)
        {
            throw new UsageException([.. refused.Select(key => $"lr_scheduler_args {key}: sd-scripts passes it to the {name} schedule function, which does not take it (Python raises TypeError){(takes.Length == 0 ? "; that function takes no extra arguments" : "; it takes " + string.Join(", ", takes.Select(rule => rule.Source)))}.")]);
        }

        import.Set(ScheduleKeys.Scheduler, name, KohyaMappings.Scheduler.Source);
        Carry(name, "lr_scheduler " + name, values, settings, kwargs, import, reader, totalSteps);
        foreach (var (key, value) in kwargs)
        {
            import.Set(takes.First(rule => rule.Source == key).Target!, value, $"lr_scheduler_args {key}");
        }

        // For constant, constant_with_warmup, piecewise_constant and inverse_sqrt the training length is only the default curve length.
        import.Set(ScheduleKeys.TotalSteps, totalSteps, totalOrigin);

        return KohyaParameterGroups.WithGroups(import.Build(), parts);
    }

    /// <summary>
    /// sd-scripts' training length for <c>max_train_epochs</c> (train_network.py, before the loader is sharded):
    /// <c>max_train_epochs * math.ceil(len(train_dataloader) / accelerator.num_processes / gradient_accumulation_steps)</c>,
    /// the division in floating point as Python does it. The batches per epoch come from <c>--batches-per-epoch</c>.
    /// </summary>
    private static long EpochSteps(KohyaSettings reader, long epochs, long numProcesses, DataSetFacts facts, out string origin)
    {
        var batches = facts.RequireBatchesPerEpoch($"max_train_epochs {epochs}: sd-scripts then sets max_train_steps = max_train_epochs × ceil(batches per epoch / num_processes / gradient_accumulation_steps), and the batches per epoch depend on the data set");
        var accumulation = reader.Integer(KohyaMappings.GradientAccumulationSteps.Source) ?? 1;
        if (accumulation < 1)
        {
            reader.Problem($"gradient_accumulation_steps {accumulation}: sd-scripts divides the batches per epoch by it; it must be >= 1.");
            accumulation = 1;
        }

        var perEpoch = (long)Math.Ceiling((double)batches / numProcesses / accumulation);
        origin = $"max_train_epochs {epochs} × ceil({DataSetFacts.BatchesOption} {batches} / num_processes {numProcesses} / gradient_accumulation_steps {accumulation})";
        if (perEpoch > 0 && epochs > (1L << 53) / perEpoch)
        {
            reader.Problem($"max_train_epochs {epochs} × {perEpoch} steps per epoch is beyond 2^53 steps.");
            return 1;
        }

        return epochs * perEpoch;
    }

    /// <summary>The names of <see cref="KohyaMappings.ScheduleParameters"/>, once each, in sd-scripts' order.</summary>
    private static ImmutableArray<string> Parameters { get; } = [.. KohyaMappings.ScheduleParameters.Select(rule => rule.Source).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Carries over what <paramref name="schedule"/> reads of the schedule parameters, as its row in
    /// <see cref="KohyaMappings.ScheduleParameters"/> says, and notes each setting given that no row reads with it.
    /// </summary>
    private static void Carry(string schedule, string described, Dictionary<string, object?> values, Dictionary<string, object> settings, IReadOnlyDictionary<string, ParameterValue> kwargs, ImportBuilder import, KohyaSettings reader, long totalSteps)
    {
        foreach (var source in Parameters)
        {
            var given = settings.ContainsKey(source);
            var rule = KohyaMappings.ScheduleParameters.FirstOrDefault(rule => rule.Source == source && rule.IsUsedBy(schedule));
            if (rule is null)
            {
                if (given)
                {
                    import.Note($"{source} is ignored: sd-scripts does not use it with {described}.");
                }
            }
            else if (rule.Target == ScheduleKeys.NumCycles && schedule == "warmup_stable_decay" && kwargs.TryGetValue(ScheduleKeys.DecayType, out var decayType) && decayType.TextValue != "cosine")
            {
                // sd-scripts always passes the halved count; it shapes only a cosine decay (transformers' default).
                if (given)
                {
                    import.Note($"{source} has no effect: sd-scripts passes it, but decay_type {decayType} is not cosine.");
                }
            }
            else if (rule.Target is { } key && (Number(values[source]) ?? rule.Default) is { } number)
            {
                import.Set(key, number * rule.Scale, rule.Type == ImportValueType.Steps && given ? reader.StepsOrigin(source, totalSteps) : rule.Origin);
            }
        }
    }

    private static double? Number(object? value) => value switch
    {
        long whole => whole,
        double number => number,
        _ => null,
    };
}
