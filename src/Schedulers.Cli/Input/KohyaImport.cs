using System.Collections.Immutable;
using System.Globalization;
using Tomlyn;
using Tomlyn.Model;

namespace Schedulers.Cli;

/// <summary>
/// sd-scripts' learning-rate settings, from a TOML config file (<c>--config_file</c>) or a list of <c>--key value</c>
/// arguments, translated to the schedule <c>get_scheduler_fix</c> would build: no more and no less. Settings sd-scripts
/// ignores for the chosen scheduler are ignored and listed as notes; what it refuses (or crashes on) is refused.
/// </summary>
internal static class KohyaImport
{
    /// <summary>The defaults of sd-scripts' argument parser, used where a setting is absent.</summary>
    private const double DefaultLearningRate = 2e-6;
    private const long DefaultMaxTrainSteps = 1600;

    private static readonly ImmutableArray<string> KnownKeys =
    [
        "learning_rate", "max_train_steps", "max_train_epochs", "lr_scheduler", "lr_warmup_steps", "lr_decay_steps",
        "lr_scheduler_num_cycles", "lr_scheduler_power", "lr_scheduler_timescale", "lr_scheduler_min_lr_ratio",
        "lr_scheduler_type", "lr_scheduler_args",
    ];

    /// <summary>Reads a TOML config file; its sections are flattened one level, as sd-scripts' <c>read_config_from_file</c> does.</summary>
    public static ImportedConfiguration FromToml(string toml, long numProcesses)
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

        return Translate(settings, numProcesses, fromArguments: false);
    }

    /// <summary>Reads <c>--key value</c> arguments as sd-scripts' argparse would (values as text, <c>lr_scheduler_args</c> taking every value up to the next flag).</summary>
    public static ImportedConfiguration FromArguments(IReadOnlyList<string> arguments, long numProcesses)
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

            while (i + 1 < arguments.Count && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal) && (key == "lr_scheduler_args" || values.Count == 0))
            {
                values.Add(arguments[++i]);
            }

            key = Expand(key);
            if (key == "lr_scheduler_args")
            {
                settings[key] = values;
            }
            else if (KnownKeys.Contains(key) && values.Count != 1)
            {
                problems.Add($"--{key} expects one value.");
            }
            else if (KnownKeys.Contains(key))
            {
                settings[key] = values[0];
            }
            else if (key.StartsWith("lr_", StringComparison.Ordinal))
            {
                problems.Add($"--{key} is not an sd-scripts argument (sd-scripts refuses unrecognized arguments); its learning-rate arguments are {string.Join(", ", KnownKeys.Select(known => "--" + known))}.");
            }
        }

        UsageException.ThrowIfAny(problems);
        return Translate(settings, numProcesses, fromArguments: true);
    }

    /// <summary>argparse accepts a unique prefix of a long option (<c>--lr_warmup</c> for <c>--lr_warmup_steps</c>).</summary>
    private static string Expand(string key)
    {
        if (KnownKeys.Contains(key))
        {
            return key;
        }

        var matches = KnownKeys.Where(known => known.StartsWith(key, StringComparison.Ordinal)).ToArray();
        return matches.Length == 1 && key.Length >= 3 ? matches[0] : key;
    }

    private static ImportedConfiguration Translate(Dictionary<string, object> settings, long numProcesses, bool fromArguments)
    {
        var reader = new KohyaSettings(settings, fromArguments);
        var import = new ImportBuilder();

        foreach (var key in settings.Keys.Where(key => key.StartsWith("lr_", StringComparison.Ordinal) && !KnownKeys.Contains(key)))
        {
            import.Note($"{key} is not an sd-scripts learning-rate setting; sd-scripts ignores it, and so does this import.");
        }

        if (reader.Integer("max_train_epochs") is > 0)
        {
            reader.Problem("max_train_epochs overrides max_train_steps in sd-scripts, and the number of steps it gives depends on the data set; give max_train_steps instead.");
        }

        var learningRate = reader.Number("learning_rate");
        if (learningRate is null)
        {
            import.Note($"learning_rate is not set: sd-scripts' default {DefaultLearningRate.ToString("R", CultureInfo.InvariantCulture)} applies.");
        }

        var maxTrainSteps = reader.Integer("max_train_steps");
        if (maxTrainSteps is null)
        {
            import.Note($"max_train_steps is not set: sd-scripts' default {DefaultMaxTrainSteps} applies.");
        }

        var steps = maxTrainSteps ?? DefaultMaxTrainSteps;
        if (steps > (1L << 53) / numProcesses)
        {
            reader.Problem($"max_train_steps {steps} × num_processes {numProcesses} is beyond 2^53 steps.");
            steps = 1;
        }

        var totalSteps = steps * numProcesses;
        var warmup = reader.Steps("lr_warmup_steps", totalSteps);
        var decay = reader.Steps("lr_decay_steps", totalSteps);
        var numCycles = reader.Integer("lr_scheduler_num_cycles") ?? 1;
        var power = reader.Number("lr_scheduler_power") ?? 1.0;
        var timescale = reader.Integer("lr_scheduler_timescale");
        var minLrRatio = reader.Number("lr_scheduler_min_lr_ratio");
        var name = reader.Text("lr_scheduler") ?? "constant";
        var pyTorchClass = reader.Text("lr_scheduler_type") ?? string.Empty;
        var kwargs = reader.SchedulerArguments();
        reader.ThrowIfProblems();

        void Ignored(params string[] keys)
        {
            foreach (var key in keys.Where(settings.ContainsKey))
            {
                import.Note($"{key} is ignored: sd-scripts does not use it with {(pyTorchClass.Length > 0 ? "lr_scheduler_type " + pyTorchClass : "lr_scheduler " + name)}.");
            }
        }

        import.Set("learning_rate", learningRate ?? DefaultLearningRate, "learning_rate");
        var totalOrigin = numProcesses == 1 ? "max_train_steps" : $"max_train_steps × num_processes ({numProcesses})";

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

            if (settings.ContainsKey("lr_scheduler") && name != "constant")
            {
                import.Note($"lr_scheduler {name} is ignored: lr_scheduler_type {className} replaces it.");
            }

            Ignored("lr_decay_steps", "lr_scheduler_num_cycles", "lr_scheduler_power", "lr_scheduler_timescale", "lr_scheduler_min_lr_ratio");
            import.Set(ScheduleOptions.SchedulerKey, descriptor.Name, "lr_scheduler_type");
            foreach (var (key, value) in kwargs)
            {
                import.Set(key, value, $"lr_scheduler_args {key}");
            }

            // PyTorch's classes do not take the training length (OneCycleLR's total_steps is its own argument); ours
            // takes it as the default curve length only.
            if (!kwargs.ContainsKey("total_steps") && descriptor.Name != "OneCycleLR")
            {
                import.Set("total_steps", totalSteps, totalOrigin);
            }

            return import.Build();
        }

        if (name.StartsWith("adafactor", StringComparison.Ordinal))
        {
            throw new UsageException($"lr_scheduler {name} is transformers' AdafactorSchedule, which follows the Adafactor optimizer's own step sizes: it is not a schedule of the step alone.");
        }

        import.Set(ScheduleOptions.SchedulerKey, name, "lr_scheduler");
        HashSet<string> takes;
        switch (name)
        {
            case "constant":
                if (warmup != 0)
                {
                    throw new UsageException($"lr_warmup_steps {warmup} with lr_scheduler constant: sd-scripts refuses it ('constant does not require `num_warmup_steps`. Set None or 0.'); use constant_with_warmup for a warmup.");
                }

                Ignored("lr_decay_steps", "lr_scheduler_num_cycles", "lr_scheduler_power", "lr_scheduler_timescale", "lr_scheduler_min_lr_ratio");
                takes = [];
                break;
            case "piecewise_constant":
                // sd-scripts returns diffusers' piecewise schedule before it looks at the warmup.
                Ignored("lr_warmup_steps", "lr_decay_steps", "lr_scheduler_num_cycles", "lr_scheduler_power", "lr_scheduler_timescale", "lr_scheduler_min_lr_ratio");
                takes = ["step_rules"];
                break;
            case "constant_with_warmup":
                import.Set("warmup_steps", warmup, "lr_warmup_steps");
                Ignored("lr_decay_steps", "lr_scheduler_num_cycles", "lr_scheduler_power", "lr_scheduler_timescale", "lr_scheduler_min_lr_ratio");
                takes = [];
                break;
            case "inverse_sqrt":
                import.Set("warmup_steps", warmup, "lr_warmup_steps");
                if (timescale is { } scale)
                {
                    import.Set("timescale", scale, "lr_scheduler_timescale");
                }

                Ignored("lr_decay_steps", "lr_scheduler_num_cycles", "lr_scheduler_power", "lr_scheduler_min_lr_ratio");
                takes = [];
                break;
            case "cosine_with_restarts":
                import.Set("warmup_steps", warmup, "lr_warmup_steps");
                import.Set("num_cycles", numCycles, "lr_scheduler_num_cycles");
                Ignored("lr_decay_steps", "lr_scheduler_power", "lr_scheduler_timescale", "lr_scheduler_min_lr_ratio");
                takes = [];
                break;
            case "polynomial":
                import.Set("warmup_steps", warmup, "lr_warmup_steps");
                import.Set("power", power, "lr_scheduler_power");
                Ignored("lr_decay_steps", "lr_scheduler_num_cycles", "lr_scheduler_timescale", "lr_scheduler_min_lr_ratio");
                takes = ["lr_end"];
                break;
            case "cosine_with_min_lr":
                import.Set("warmup_steps", warmup, "lr_warmup_steps");
                import.Set("num_cycles", numCycles / 2.0, "lr_scheduler_num_cycles / 2 (sd-scripts halves it)");
                if (minLrRatio is { } ratio)
                {
                    import.Set("min_lr_ratio", ratio, "lr_scheduler_min_lr_ratio");
                }
                else if (!kwargs.ContainsKey("min_lr"))
                {
                    throw new UsageException("lr_scheduler cosine_with_min_lr needs lr_scheduler_min_lr_ratio (or min_lr in lr_scheduler_args): transformers refuses it without one ('One of min_lr or min_lr_rate should be set').");
                }

                Ignored("lr_decay_steps", "lr_scheduler_power", "lr_scheduler_timescale");
                takes = ["min_lr"];
                break;
            case "linear":
            case "cosine":
                import.Set("warmup_steps", warmup, "lr_warmup_steps");
                Ignored("lr_decay_steps", "lr_scheduler_num_cycles", "lr_scheduler_power", "lr_scheduler_timescale", "lr_scheduler_min_lr_ratio");
                takes = name == "cosine" ? ["num_cycles"] : [];
                break;
            case "warmup_stable_decay":
                import.Set("warmup_steps", warmup, "lr_warmup_steps");
                import.Set("decay_steps", decay, "lr_decay_steps");

                // sd-scripts always passes the halved count; it shapes only a cosine decay (transformers' default).
                if (kwargs.TryGetValue("decay_type", out var decayType) && decayType.TextValue != "cosine")
                {
                    if (settings.ContainsKey("lr_scheduler_num_cycles"))
                    {
                        import.Note($"lr_scheduler_num_cycles has no effect: sd-scripts passes it, but decay_type {decayType} is not cosine.");
                    }
                }
                else
                {
                    import.Set("num_cycles", numCycles / 2.0, "lr_scheduler_num_cycles / 2 (sd-scripts halves it)");
                }

                import.Set("min_lr_ratio", minLrRatio ?? 0.0, "lr_scheduler_min_lr_ratio");
                Ignored("lr_scheduler_power", "lr_scheduler_timescale");
                takes = ["warmup_type", "decay_type"];
                break;
            default:
                throw new UsageException($"lr_scheduler '{name}' is not one sd-scripts builds here: constant, constant_with_warmup, linear, cosine, cosine_with_restarts, cosine_with_min_lr, polynomial, inverse_sqrt, warmup_stable_decay, piecewise_constant (or a PyTorch class through lr_scheduler_type).");
        }

        var refused = kwargs.Keys.Where(key => !takes.Contains(key)).ToArray();
        if (refused.Length > 0)
        {
            throw new UsageException([.. refused.Select(key => $"lr_scheduler_args {key}: sd-scripts passes it to the {name} schedule function, which does not take it (Python raises TypeError){(takes.Count == 0 ? "; that function takes no extra arguments" : "; it takes " + string.Join(", ", takes))}.")]);
        }

        foreach (var (key, value) in kwargs)
        {
            import.Set(key, value, $"lr_scheduler_args {key}");
        }

        // For constant, constant_with_warmup, piecewise_constant and inverse_sqrt the training length is only the default curve length.
        import.Set("total_steps", totalSteps, totalOrigin);

        return import.Build();
    }
}
