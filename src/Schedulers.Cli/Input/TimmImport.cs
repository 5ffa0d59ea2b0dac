using System.Collections.Immutable;
using System.Globalization;

namespace Schedulers.Cli;

/// <summary>
/// The schedule timm's train.py builds from its <c>args.yaml</c>: <c>create_scheduler_v2(**scheduler_kwargs(args),
/// updates_per_epoch=...)</c> of timm 1.0, as <see cref="TimmMappings"/> tabulates it, with train.py's learning-rate rule
/// and its training length (the <c>num_epochs</c> the factory returns). What the factory does not pass is noted when it
/// differs from train.py's default; what timm or our vocabulary cannot express is refused; a fact the file lacks
/// (updates per epoch, world size) comes from an option, or the import is refused naming it.
/// </summary>
internal static class TimmImport
{
    public static ImportedConfiguration FromYaml(string yaml, ImportFacts facts)
    {
        // The reader's notes on repeated keys are dropped: TimmSettings refuses a repeated key where the schedule reads it.
        var (mapping, _) = YamlReader.Read(yaml);
        var import = new ImportBuilder();
        var settings = new TimmSettings(mapping, import);

        var sched = settings.Text(TimmMappings.Sched);
        settings.ThrowIfProblems();
        var scheduler = TimmMappings.Schedules.FirstOrDefault(entry => entry.Sched == sched).Scheduler;
        var known = string.Join(", ", TimmMappings.Schedules.Select(entry => entry.Sched));
        if (sched is null)
        {
            throw new UsageException($"sched is not set: train.py records it in every args.yaml (is this one?); create_scheduler_v2 builds {known}.");
        }

        if (scheduler is null)
        {
            throw new UsageException(sched is "wsd" or "rsqrt"
                ? $"sched '{sched}': timm's WSDLRScheduler is not one of our schedulers; create_scheduler_v2 also builds {known}."
                : $"sched '{sched}' is not one create_scheduler_v2 builds ({known}): it returns no scheduler, and train.py fails on it.");
        }

        var plateau = sched == TimmMappings.Plateau;
        var onUpdates = settings.Boolean(TimmMappings.SchedOnUpdates);
        var updatesPerEpoch = UpdatesPerEpoch(settings, facts);
        if (plateau)
        {
            RefusePlateauExtras(settings);
        }
        else if (onUpdates && updatesPerEpoch is null)
        {
            settings.Problem("sched_on_updates is true: timm counts every length in optimizer updates (epochs × updates_per_epoch) and steps per update, "
                + "and args.yaml does not record the batches per epoch: give --batches-per-epoch N (the training loader's batches per epoch of one process, "
                + "divided by grad_accum_steps as train.py does).");
        }

        var scale = onUpdates && !plateau ? updatesPerEpoch ?? 1 : 1;
        var learningRate = LearningRate(settings, facts, import);
        var parameters = Parameters(settings, sched, scale, onUpdates && !plateau, import);
        var (totalSteps, totalOrigin) = Length(settings, sched, parameters, scale, onUpdates && !plateau, import);
        settings.ThrowIfProblems();

        import.Set(ScheduleKeys.Scheduler, scheduler, TimmMappings.Sched.Source);
        import.Set(ScheduleKeys.LearningRate, learningRate.Value, learningRate.Origin);
        import.Set(ScheduleKeys.TotalSteps, totalSteps, totalOrigin);
        if (!plateau && !onUpdates && updatesPerEpoch is { } perEpoch)
        {
            import.Set(TimmKeys.StepsPerEpoch, perEpoch, "--batches-per-epoch (train.py's updates_per_epoch)");
        }
        else if (!plateau && !onUpdates)
        {
            import.Note("sched_on_updates is false: timm steps the schedule once per epoch, so this curve has one value per epoch; "
                + "give --batches-per-epoch N for one value per optimizer step.");
        }
        else if (plateau && facts.BatchesPerEpoch is not null)
        {
            import.Note("--batches-per-epoch is not used: the plateau scheduler steps once per reported metric (one per epoch).");
        }

        foreach (var (rule, value, origin) in parameters)
        {
            import.Set(rule.Target!, value, origin);
        }

        return import.Build();
    }

    /// <summary>train.py: <c>updates_per_epoch = (len(loader_train) + grad_accum_steps - 1) // grad_accum_steps</c>.</summary>
    private static long? UpdatesPerEpoch(TimmSettings settings, ImportFacts facts)
    {
        if (facts.BatchesPerEpoch is not { } batches)
        {
            return null;
        }

        // train.py reads the setting as max(1, grad_accum_steps) before anything else.
        var accumulation = Math.Max(1, settings.Integer(TimmMappings.GradAccumSteps) ?? 1);
        return (batches + accumulation - 1) / accumulation;
    }

    private static void RefusePlateauExtras(TimmSettings settings)
    {
        foreach (var rule in TimmMappings.PlateauRefusals)
        {
            var refused = rule.Type switch
            {
                ImportValueType.Boolean => settings.Boolean(rule),
                ImportValueType.Fractions => settings.IsSet(rule),
                _ => settings.Number(rule) is not (null or 0),
            };
            if (refused)
            {
                settings.Problem($"{rule.Source} = {settings.Written(rule)} with sched plateau: {rule.Note}");
            }
        }
    }

    /// <summary>
    /// <c>lr</c>, or when it is null or 0 train.py's rule (run after args.yaml is written):
    /// <c>lr = lr_base × (batch_size × world_size × grad_accum_steps / lr_base_size)</c>, the ratio's square root with
    /// <c>sqrt</c> scaling (by default for an optimizer whose name holds <c>ada</c> or <c>lamb</c>).
    /// </summary>
    private static (double Value, string Origin) LearningRate(TimmSettings settings, ImportFacts facts, ImportBuilder import)
    {
        var written = settings.Written(TimmMappings.Lr);
        var lr = settings.Number(TimmMappings.Lr);
        if (lr is { } given && given != 0)
        {
            return (given, TimmMappings.Lr.Source);
        }

        if (lr is null && settings.IsSet(TimmMappings.Lr))
        {
            return (0, TimmMappings.Lr.Source); // refused as not a number: no rule to apply
        }

        var lrBase = settings.Number(TimmMappings.LrBase);
        var baseSize = settings.Integer(TimmMappings.LrBaseSize);
        var batchSize = settings.Integer(TimmMappings.BatchSize);
        var accumulation = Math.Max(1, settings.Integer(TimmMappings.GradAccumSteps) ?? 1);
        var scaling = settings.Text(TimmMappings.LrBaseScale);
        if (string.IsNullOrEmpty(scaling))
        {
            var opt = settings.Text(TimmMappings.Opt);
            if (opt is null)
            {
                import.Note("opt is not in the file: train.py's default sgd applies (linear lr scaling).");
            }

            var name = (opt ?? "sgd").ToLowerInvariant();
            scaling = name.Contains("ada", StringComparison.Ordinal) || name.Contains("lamb", StringComparison.Ordinal) ? "sqrt" : "linear";
        }

        if (facts.WorldSize is not { } worldSize)
        {
            settings.Problem($"lr = {written}: train.py then computes lr = lr_base × batch_size × world_size × grad_accum_steps / lr_base_size ({scaling} scaling), "
                + "and the world size is not in args.yaml: give --num-processes N (the run's number of processes, torchrun's world size).");
            return (0, TimmMappings.Lr.Source);
        }

        if (lrBase is null || baseSize is null || batchSize is null)
        {
            settings.Problem($"lr = {written}: train.py then computes it from lr_base, lr_base_size and batch_size, which must be numbers here.");
            return (0, TimmMappings.Lr.Source);
        }

        if (baseSize == 0)
        {
            settings.Problem("lr_base_size = 0: train.py divides the global batch size by it (ZeroDivisionError).");
            return (0, TimmMappings.Lr.Source);
        }

        // The same operations in the same order as train.py, so that the value is the same double.
        var globalBatch = (double)batchSize.Value * worldSize * accumulation;
        var ratio = (double)globalBatch / baseSize.Value;
        if (scaling == "sqrt")
        {
            ratio = Math.Pow(ratio, 0.5);
        }

        var value = lrBase.Value * ratio;
        var origin = $"lr_base × ({Format(globalBatch)} / lr_base_size){(scaling == "sqrt" ? "^0.5" : string.Empty)}, train.py's rule for lr {written}";
        import.Note($"lr is {written}: train.py computes lr = {Format(lrBase.Value)} × ({batchSize} × {worldSize} × {accumulation} / {baseSize}){(scaling == "sqrt" ? "^0.5" : string.Empty)} "
            + $"= {Format(value)} (lr_base × batch_size × world_size × grad_accum_steps / lr_base_size, {scaling} scaling).");
        if (scaling is not ("sqrt" or "linear"))
        {
            import.Note($"lr_base_scale '{scaling}' is neither sqrt nor linear: train.py scales linearly for anything but sqrt.");
        }

        return (value, origin);
    }

    /// <summary>Every row of the table the factory passes to <paramref name="sched"/>'s class, with its value and origin, pruned to what has an effect.</summary>
    private static List<(ImportRule Rule, ParameterValue Value, string Origin)> Parameters(TimmSettings settings, string sched, long scale, bool onUpdates, ImportBuilder import)
    {
        var parameters = new List<(ImportRule Rule, ParameterValue Value, string Origin)>();
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var rule in TimmMappings.ScheduleParameters.Where(rule => rule.IsUsedBy(sched)))
        {
            var origin = onUpdates && rule.Type is ImportValueType.Epochs or ImportValueType.EpochList ? $"{rule.Origin} × updates_per_epoch {scale}" : rule.Origin;
            ParameterValue? value;
            switch (rule.Type)
            {
                case ImportValueType.Boolean:
                    var flag = settings.Boolean(rule);
                    values[rule.Source] = flag ? 1 : 0;
                    value = flag;
                    break;
                case ImportValueType.Text:
                    // The only text row: scheduler_kwargs' plateau_mode = 'min' if 'loss' in eval_metric else 'max'.
                    var metric = settings.Text(rule) ?? TimmMappings.DefaultEvalMetric;
                    value = metric.Contains("loss", StringComparison.Ordinal) ? "min" : "max";
                    break;
                case ImportValueType.EpochList:
                    var milestones = settings.IsSet(rule) ? settings.Numbers(rule, bareNumber: false) : Milestones(settings, rule, import);
                    value = milestones is { } list ? ParameterValue.FromList(list.Select(item => ParameterValue.FromNumber(item * scale))) : null;
                    break;
                case ImportValueType.Fractions:
                    value = settings.Numbers(rule, bareNumber: true) is { } fractions ? NoiseRange(fractions, settings, scale, import) : null;
                    if (value is null)
                    {
                        continue; // no lr_noise: no noise
                    }

                    values[rule.Source] = 1;
                    break;
                default:
                    var number = rule.Type == ImportValueType.Integer ? settings.Integer(rule) : settings.Number(rule);
                    if (number is { } given)
                    {
                        values[rule.Source] = rule.Type == ImportValueType.Epochs ? given * scale : given;
                    }

                    value = number is { } n ? ParameterValue.FromNumber(rule.Type == ImportValueType.Epochs ? n * scale : n) : null;
                    if (number is { } epochs && onUpdates && rule.Type == ImportValueType.Epochs)
                    {
                        origin = $"{rule.Origin} {Format(epochs)} × updates_per_epoch {scale}";
                    }

                    break;
            }

            if (value is null)
            {
                if (settings.IsNull(rule))
                {
                    settings.Problem($"{rule.Source} is null: create_scheduler_v2 passes it to timm's {Class(sched)} as None, which fails.");
                }

                continue;
            }

            parameters.Add((rule, value, origin));
        }

        foreach (var source in TimmMappings.ScheduleParameters.Where(rule => !rule.IsUsedBy(sched)).Select(rule => rule.Source).Distinct(StringComparer.Ordinal))
        {
            var rule = TimmMappings.ScheduleParameters.First(rule => rule.Source == source);
            if (TimmMappings.ScheduleParameters.All(other => other.Source != source || !other.IsUsedBy(sched)) && settings.Differs(rule))
            {
                import.Note($"{source} = {settings.Written(rule)} is ignored: create_scheduler_v2 does not pass it to timm's {Class(sched)}.");
            }
        }

        return Prune(parameters, values, settings, import);
    }

    /// <summary>Keys that have no effect with the other values are left out, as our vocabulary refuses them there.</summary>
    private static List<(ImportRule Rule, ParameterValue Value, string Origin)> Prune(
        List<(ImportRule Rule, ParameterValue Value, string Origin)> parameters, Dictionary<string, double> values, TimmSettings settings, ImportBuilder import)
    {
        var left = new HashSet<string>(StringComparer.Ordinal);
        if (values.GetValueOrDefault("warmup_epochs") == 0)
        {
            // No warmup: warmup_t 0 is our default, timm never reads warmup_lr, and warmup_prefix subtracts 0.
            left.UnionWith(["warmup_epochs", "warmup_lr", "warmup_prefix"]);
        }

        if (values.TryGetValue("lr_cycle_limit", out var cycleLimit) && cycleLimit == 1)
        {
            // One cycle: t < t_initial gives cycle 0 whatever cycle_mul is, and cycle_decay ** 0 is 1.
            left.UnionWith(["lr_cycle_mul", "lr_cycle_decay"]);
            var mul = parameters.FirstOrDefault(entry => entry.Rule.Source == "lr_cycle_mul");
            if (mul.Rule is not null && settings.Differs(mul.Rule))
            {
                import.Note($"lr_cycle_mul = {settings.Written(mul.Rule)} has no effect with lr_cycle_limit 1 (one cycle).");
            }
        }

        if (!values.ContainsKey("lr_noise"))
        {
            left.UnionWith(["lr_noise_pct", "seed"]);
        }
        else if (settings.Differs(TimmMappings.LrNoiseStd))
        {
            import.Note($"lr_noise_std = {settings.Written(TimmMappings.LrNoiseStd)} is ignored: timm stores noise_std and never draws with it.");
        }

        return [.. parameters.Where(entry => !left.Contains(entry.Rule.Source))];
    }

    private static ImmutableArray<double>? Milestones(TimmSettings settings, ImportRule rule, ImportBuilder import)
    {
        if (settings.IsNull(rule))
        {
            return null;
        }

        import.Note($"{rule.Source} is not in the file: train.py's default [{string.Join(", ", TimmMappings.DefaultMilestones)}] applies.");
        return TimmMappings.DefaultMilestones;
    }

    /// <summary>
    /// <c>noise_range = noise * t_initial</c> (a list: each, one item: that item). timm applies noise at whole
    /// <c>t</c> with <c>t >= t0</c> (and <c>t &lt; t1</c>), which is <c>t >= ceil(t0)</c>: the bounds become whole steps.
    /// </summary>
    private static ParameterValue NoiseRange(ImmutableArray<double> fractions, TimmSettings settings, long scale, ImportBuilder import)
    {
        var tInitial = (settings.Integer(TimmMappings.Epochs) ?? 0) * scale;
        if (fractions.IsEmpty)
        {
            settings.Problem("lr_noise = []: timm indexes the noise range and fails (IndexError); give one fraction or two.");
            return ParameterValue.Null;
        }

        if (fractions.Length > 2)
        {
            import.Note($"lr_noise has {fractions.Length} fractions: timm reads the first two.");
        }

        var bounds = fractions.Take(2).Select(fraction => ParameterValue.FromNumber(Math.Ceiling(fraction * tInitial))).ToArray();
        return fractions.Length == 1 ? bounds[0] : ParameterValue.FromList(bounds);
    }

    /// <summary>
    /// The training length: the factory's <c>num_epochs</c> (a cycle scheduler's <c>get_cycle_length() + cooldown_t</c>,
    /// per update divided back into whole epochs; otherwise <c>epochs</c>), in optimizer updates when it steps on updates.
    /// </summary>
    private static (long Steps, string Origin) Length(TimmSettings settings, string sched, List<(ImportRule Rule, ParameterValue Value, string Origin)> parameters, long scale, bool onUpdates, ImportBuilder import)
    {
        var epochs = settings.Integer(TimmMappings.Epochs);
        var perUpdate = onUpdates ? $" × updates_per_epoch {scale}" : string.Empty;
        var origin = $"epochs {epochs}{perUpdate}";
        if (epochs is not { } runEpochs)
        {
            settings.Problem("epochs is null: train.py needs the number of epochs to train.");
            return (0, origin);
        }

        if (!TimmMappings.Cycles.Contains(sched))
        {
            if (settings.Differs(TimmMappings.CooldownEpochs))
            {
                import.Note($"cooldown_epochs = {settings.Written(TimmMappings.CooldownEpochs)} is ignored: create_scheduler_v2 adds it to the length of cycle schedulers only.");
            }

            if (sched is "step" or "multistep" && Number(parameters, "warmup_prefix") == 1 && Number(parameters, "warmup_epochs") > 0)
            {
                import.Note("warmup_prefix with a step schedule: timm 1.0 trains `epochs` epochs; timm's main branch adds warmup_epochs to that length.");
            }

            return (Whole(runEpochs * (double)scale, settings), origin);
        }

        // get_cycle_length(): cycles = max(1, cycle_limit); t_initial × cycles with cycle_mul 1, else
        // floor(-t_initial × (cycle_mul ** cycles - 1) / (1 - cycle_mul)), in Python's order of operations; + warmup_t with warmup_prefix.
        var tInitial = runEpochs * (double)scale;
        var cycles = Math.Max(1, settings.Integer(TimmMappings.ScheduleParameters.First(rule => rule.Source == "lr_cycle_limit")) ?? 1);
        var cycleMul = settings.Number(TimmMappings.ScheduleParameters.First(rule => rule.Source == "lr_cycle_mul")) ?? 1;
        var length = cycleMul == 1 ? tInitial * cycles : Math.Floor(-tInitial * (Math.Pow(cycleMul, cycles) - 1) / (1 - cycleMul));
        var rule = cycleMul == 1
            ? $"t_initial {Format(tInitial)} × cycle_limit {cycles}"
            : $"floor(t_initial {Format(tInitial)} × (cycle_mul {Format(cycleMul)}^cycle_limit {cycles} - 1) / (cycle_mul - 1))";
        if (Number(parameters, "warmup_prefix") == 1 && Number(parameters, "warmup_epochs") is { } prefix)
        {
            length += prefix;
            rule += $" + warmup_t {Format(prefix)} (warmup_prefix)";
        }

        if (settings.Integer(TimmMappings.CooldownEpochs) is { } cooldown and not 0)
        {
            length += cooldown * (double)scale;
            rule += $" + cooldown_epochs {cooldown}{perUpdate}";
        }

        var steps = Whole(length, settings);

        // Per update the factory returns num_epochs = t // updates_per_epoch, and train.py runs that many whole epochs.
        return onUpdates
            ? (FloorDivide(steps, scale) * scale, $"create_scheduler_v2's num_epochs = ({rule}) // updates_per_epoch {scale}, × updates_per_epoch {scale}; t_initial = epochs {epochs}{perUpdate}")
            : (steps, $"create_scheduler_v2's num_epochs = {rule}; t_initial = epochs {epochs}");
    }

    private static double? Number(List<(ImportRule Rule, ParameterValue Value, string Origin)> parameters, string source) =>
        parameters.FirstOrDefault(entry => entry.Rule.Source == source) is { Rule: not null } entry
            ? entry.Value.Kind == ParameterValueKind.Boolean ? (entry.Value.BooleanValue ? 1 : 0) : entry.Value.NumberValue
            : null;

    private static long Whole(double length, TimmSettings settings)
    {
        if (!double.IsFinite(length) || Math.Abs(length) > 1L << 53 || length != Math.Floor(length))
        {
            settings.Problem($"the run's length ({Format(length)}) is not a whole number of epochs or updates up to 2^53: train.py's range(num_epochs) fails on it.");
            return 0;
        }

        return (long)length;
    }

    /// <summary>Python's <c>//</c> on integers: rounds toward negative infinity.</summary>
    private static long FloorDivide(long value, long divisor) => (value / divisor) - ((value % divisor != 0) && ((value < 0) != (divisor < 0)) ? 1 : 0);

    private static string Class(string sched) => TimmMappings.Schedules.First(entry => entry.Sched == sched).Scheduler;

    private static string Format(double number) => number.ToString("R", CultureInfo.InvariantCulture);
}
