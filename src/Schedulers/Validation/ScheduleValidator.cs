using System.Collections.Immutable;

namespace Schedulers;

/// <summary>
/// The one validation pass: every entry of a configuration is checked against the chosen scheduler's descriptors, then
/// the scheduler's cross-parameter rules run, and every problem found is reported together.
/// </summary>
internal static class ScheduleValidator
{
    private const int MaxLenientRounds = 8;

    // A code-only scheduler (LambdaLR) is found, so that its refusal can point to C#, but never offered as a value. The
    // catalog is fixed, so the list and its text are made once rather than on every validation.
    private static readonly ImmutableArray<string> ConfigurableNames =
        [.. SchedulerCatalog.All.Where(scheduler => !scheduler.IsCodeOnly).Select(scheduler => scheduler.Name)];

    private static readonly string ConfigurableNamesText = string.Join(", ", ConfigurableNames);

    public static LearningRateSchedule Create(ScheduleOptions options)
    {
        var outcome = Check(options);
        Guard.ThrowIfAny(outcome.Problems.AddRange(NoCurve(outcome)));
        return outcome.Build();
    }

    public static LenientScheduleResult CreateLenient(ScheduleOptions options)
    {
        var adjustments = ImmutableArray.CreateBuilder<ScheduleAdjustment>();
        for (var round = 0; ; round++)
        {
            var outcome = Check(options);
            Guard.ThrowIfAny(NoCurve(outcome));
            if (outcome.Problems.IsEmpty)
            {
                return new LenientScheduleResult(outcome.Build(), adjustments.ToImmutable());
            }

            // Remedies first: one can clear a problem that has none (renaming "lr" supplies the learning_rate it lacked).
            if (outcome.Problems.All(problem => problem.Remedy is null))
            {
                Guard.ThrowIfAny(outcome.Problems);
            }

            if (round == MaxLenientRounds)
            {
                Guard.ThrowIfAny(outcome.Problems); // Remedies that keep undoing each other: give up rather than loop.
            }

            foreach (var remedy in outcome.Problems.Where(problem => problem.Remedy is not null).SelectMany(problem => problem.Remedy!.Steps()).DistinctBy(remedy => remedy.Key))
            {
                options.TryGetValue(remedy.Key, out var original);
                options = remedy.NewValue is null ? options.Without(remedy.Key) : options.With(remedy.Key, remedy.NewValue);
                adjustments.Add(new ScheduleAdjustment(remedy.Key, original, remedy.NewValue, remedy.Reason));
            }
        }
    }

    /// <summary>Every problem of a configuration that must make a curve (a composite's child).</summary>
    public static ImmutableArray<ConfigurationProblem> CheckCurve(ScheduleOptions options)
    {
        var outcome = Check(options);
        return outcome.Problems.AddRange(NoCurve(outcome));
    }

    /// <summary>A valid configuration of a scheduler that makes no curve (ReduceLROnPlateau, LambdaLR) is still no curve.</summary>
    private static ImmutableArray<ConfigurationProblem> NoCurve(Outcome outcome) =>
        outcome.Definition is { NoCurveReason: { } reason } definition
            ? [ConfigurationProblem.ForKey(ScheduleOptions.SchedulerKey, ParameterValue.FromText(definition.Descriptor.Name), reason)]
            : [];

    public static Outcome Check(ScheduleOptions options)
    {
        var problems = new List<ConfigurationProblem>();
        CheckDuplicates(options, problems);
        var definition = CheckScheduler(options, problems);
        var descriptor = definition?.Descriptor;

        var values = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        var acceptedZeroWarmup = new List<string>();

        // learning_rate and total_steps first: other ranges and the warmup ratio are relative to them.
        foreach (var (key, value) in Ordered(options))
        {
            var learningRate = values.TryGetValue(ScheduleKeys.LearningRate, out var lr) ? lr.NumberValue : double.NaN;
            if (descriptor?.Find(key) is { } parameter)
            {
                if (ValueCheck.Check(parameter, value, learningRate) is { } problem)
                {
                    problems.Add(problem);
                }
                else
                {
                    values[key] = value;
                }
            }
            else if (SchedulerCatalog.FindParameter(key) is not { } known)
            {
                var meant = MeantKey(key, descriptor);
                problems.Add(ConfigurationProblem.ForKey(key, value,
                    meant is null ? $"{value} is given under a name no scheduler has. Remove it." : $"{value} is given under a name no scheduler has. Did you mean \"{meant}\"? Rename it, or remove it.",
                    UnknownKeyRemedy(key, meant, value, descriptor, options)));
            }
            else if (descriptor is not null)
            {
                if (IsZeroWarmup(known, value, values))
                {
                    acceptedZeroWarmup.Add(key); // A warmup of 0 means "no warmup" and every scheduler accepts it, as Kohya does.
                }
                else
                {
                    problems.Add(NotUsed(descriptor, options, key, value));
                }
            }
        }

        long warmupSteps = 0;
        if (descriptor is not null)
        {
            CheckPresence(descriptor, options, problems);
            warmupSteps = ResolveWarmup(descriptor, values, problems);
        }

        var parameters = new ParameterSet(descriptor, values, warmupSteps, options);
        definition?.CheckRules(parameters, problems);
        CheckEpochUnits(parameters, problems);

        var canonical = descriptor is null ? options : Canonical(descriptor, options, acceptedZeroWarmup);
        return new Outcome([.. problems], definition, parameters, canonical);
    }

    /// <summary>
    /// The lenient path renames a misspelt key to the one the strict path suggests, when the scheduler takes it and it is
    /// not given too (the value then means what the user meant); any other unknown key is removed.
    /// </summary>
    private static ConfigurationRemedy UnknownKeyRemedy(string key, string? meant, ParameterValue value, SchedulerDescriptor? descriptor, ScheduleOptions options) =>
        meant is not null && descriptor?.Takes(meant) == true && !options.TryGetValue(meant, out _)
            ? ConfigurationRemedy.Remove(key, $"not a parameter: read as {meant}, which it misspells") with { Then = ConfigurationRemedy.Set(meant, value, $"renamed from {key}, which misspells it") }
            : ConfigurationRemedy.Remove(key, "unknown key");

    /// <summary>The key an unknown one probably meant: one the chosen scheduler takes first, then any scheduler's.</summary>
    private static string? MeantKey(string key, SchedulerDescriptor? descriptor) =>
        (descriptor is null ? null : Spelling.Closest(key, descriptor.Parameters.Select(parameter => parameter.Key))) ?? Spelling.Closest(key, SchedulerCatalog.AllParameterKeys);

    private static IEnumerable<KeyValuePair<string, ParameterValue>> Ordered(ScheduleOptions options) =>
        options.Entries
            .Where(entry => entry.Key != ScheduleOptions.SchedulerKey)
            .DistinctBy(entry => entry.Key, StringComparer.Ordinal)
            .OrderBy(entry => entry.Key switch { ScheduleKeys.LearningRate => 0, ScheduleKeys.TotalSteps => 1, _ => 2 });

    private static void CheckDuplicates(ScheduleOptions options, List<ConfigurationProblem> problems)
    {
        foreach (var group in options.Entries.GroupBy(entry => entry.Key, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            var first = group.First().Value;
            problems.Add(ConfigurationProblem.ForKey(group.Key, group.Last().Value,
                $"is given {group.Count()} times ({string.Join(", ", group.Select(entry => entry.Value))}); give it once.",
                ConfigurationRemedy.Set(group.Key, first, "kept the first of repeated values")));
        }
    }

    private static SchedulerDefinition? CheckScheduler(ScheduleOptions options, List<ConfigurationProblem> problems)
    {
        var names = ConfigurableNamesText;
        if (!options.TryGetValue(ScheduleOptions.SchedulerKey, out var value))
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleOptions.SchedulerKey, null, $"is required: one of {names}."));
            return null;
        }

        if (value.Kind != ParameterValueKind.Text)
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleOptions.SchedulerKey, value, $"expected a scheduler name, got {value}: one of {names}."));
            return null;
        }

        var definition = SchedulerDefinitions.Find(value.TextValue!);
        if (definition is null)
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleOptions.SchedulerKey, value,
                $"{value} is not a known scheduler.{Spelling.DidYouMean(value.TextValue!, ConfigurableNames)} Valid: {names}."));
        }

        return definition;
    }

    /// <summary>The whole run in epoch units must stay a step count the library accepts, as total_steps alone must.</summary>
    private static void CheckEpochUnits(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        if (!parameters.Has(ScheduleKeys.StepsPerEpoch) || parameters.TotalSteps is not { } total)
        {
            return;
        }

        var stepsPerEpoch = parameters.Integer(ScheduleKeys.StepsPerEpoch);
        var steps = (Int128)total * stepsPerEpoch;
        if (steps > (Int128)CommonParameters.MaxSteps)
        {
            problems.Add(ConfigurationProblem.ForKeys([ScheduleKeys.TotalSteps, ScheduleKeys.StepsPerEpoch],
                $"total_steps {total} epochs of steps_per_epoch {stepsPerEpoch} steps make {steps} steps: a run must be at most {ValueCheck.MaxStepsText} steps."));
        }
    }

    private static bool IsZeroWarmup(ParameterDescriptor known, ParameterValue value, Dictionary<string, ParameterValue> values) =>
        known.Key switch
        {
            ScheduleKeys.WarmupSteps => ValueCheck.Check(known, value, double.NaN) is null && value.NumberValue == 0,
            ScheduleKeys.WarmupRatio => ValueCheck.Check(known, value, double.NaN) is null
                && (value.NumberValue == 0 || (values.TryGetValue(ScheduleKeys.TotalSteps, out var total) && Math.Ceiling(value.NumberValue * total.NumberValue) == 0)),
            _ => false,
        };

    private static ConfigurationProblem NotUsed(SchedulerDescriptor descriptor, ScheduleOptions options, string key, ParameterValue value)
    {
        var remedy = ConfigurationRemedy.Remove(key, $"not used by {descriptor.Name}");
        if (key is ScheduleKeys.WarmupSteps or ScheduleKeys.WarmupRatio && descriptor.WarmupRefusal is { } advice)
        {
            return ConfigurationProblem.ForKey(key, value, $"{value} is not used by '{descriptor.Name}' ({advice}).", remedy);
        }

        if (key == ScheduleKeys.StepsPerEpoch)
        {
            var instead = descriptor.IsMetricDriven
                ? "it follows reported metrics, not the step: report a metric once per epoch and it already moves once per epoch"
                : "its function is given the step: divide the step by the steps per epoch inside the function";
            return ConfigurationProblem.ForKey(key, value, $"{value} is not used by '{descriptor.Name}' ({instead}). Remove it.", remedy);
        }

        if (key == ScheduleKeys.LearningRate && descriptor.LearningRateRefusal is { } why)
        {
            // Where the scheduler names the base rate otherwise (Keras's initial_learning_rate), the value moves there.
            var renamed = descriptor.LearningRateKey is { } target && !options.Contains(target)
                ? remedy with { Reason = $"{descriptor.Name} names it {target}", Then = ConfigurationRemedy.Set(target, value, "moved from learning_rate") }
                : remedy;
            return ConfigurationProblem.ForKey(key, value, $"{value} is not used by '{descriptor.Name}'{why}.", renamed);
        }

        var takers = SchedulerCatalog.SchedulersTaking(key).Select(scheduler => scheduler.Name).ToList();
        var where = (key, descriptor.Warmup) switch
        {
            (ScheduleKeys.WarmupStartLr, WarmupSupport.Shaped) => "it shapes the linear warmup of the other schedulers; warmup_stable_decay starts its warmup at min_lr_ratio",
            (ScheduleKeys.WarmupStartLr, WarmupSupport.Timm) => "timm names the warmup's first learning rate warmup_lr_init, with warmup_t",
            _ => $"it is a parameter of {string.Join(", ", takers)}",
        };
        return ConfigurationProblem.ForKey(key, value, $"{value} is not used by '{descriptor.Name}' ({where}). Remove it, or choose a scheduler that takes it.", remedy);
    }

    private static void CheckPresence(SchedulerDescriptor descriptor, ScheduleOptions options, List<ConfigurationProblem> problems)
    {
        var reportedGroups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in descriptor.Parameters)
        {
            var given = options.Contains(parameter.Key);

            // A learning_rate given where the scheduler names it otherwise is refused with a pointer to this key; saying
            // twice that it is missing would be noise.
            var givenAsLearningRate = parameter.Key == descriptor.LearningRateKey && options.Contains(ScheduleKeys.LearningRate);
            if (parameter.Presence == ParameterPresence.Required && !given && !givenAsLearningRate)
            {
                problems.Add(ConfigurationProblem.ForKey(parameter.Key, null, $"is required by '{descriptor.Name}': {parameter.ValidValues}."));
            }

            ImmutableArray<string> group = [parameter.Key, .. parameter.Alternatives.Where(descriptor.Takes)];
            if (group.Length < 2 || !reportedGroups.Add(string.Join("|", group.Order(StringComparer.Ordinal))))
            {
                continue;
            }

            var present = group.Where(options.Contains).ToList();
            if (present.Count > 1 && !parameter.EqualAlternativesAccepted)
            {
                problems.Add(ConfigurationProblem.ForKeys([.. present],
                    $"say the same thing two ways ({string.Join(", ", present.Select(key => $"{key} = {Received(options, key)}"))}); give only one.",
                    ConfigurationRemedy.Remove(present[^1], $"{present[0]} was given too")));
            }
            else if (present.Count == 0 && parameter.Presence == ParameterPresence.OneOfRequired)
            {
                problems.Add(ConfigurationProblem.ForKeys(group, $"'{descriptor.Name}' requires one of them: {string.Join("; ", group.Select(key => $"{key}: {descriptor.Find(key)!.ValidValues}"))}."));
            }
        }
    }

    /// <summary>Resolves the warmup length and checks that it fits the run and that warmup_start_lr has a warmup to start.</summary>
    private static long ResolveWarmup(SchedulerDescriptor descriptor, Dictionary<string, ParameterValue> values, List<ConfigurationProblem> problems)
    {
        // timm's warmup (warmup_t) is its schedulers' own: warmup_steps and warmup_ratio are not theirs to resolve.
        if (descriptor.Warmup is WarmupSupport.None or WarmupSupport.Timm)
        {
            return 0;
        }

        long? total = values.TryGetValue(ScheduleKeys.TotalSteps, out var totalValue) ? (long)totalValue.NumberValue : null;
        long warmup = 0;
        string? source = null;
        if (values.TryGetValue(ScheduleKeys.WarmupSteps, out var steps))
        {
            warmup = (long)steps.NumberValue;
            source = ScheduleKeys.WarmupSteps;
        }
        else if (values.TryGetValue(ScheduleKeys.WarmupRatio, out var ratio))
        {
            source = ScheduleKeys.WarmupRatio;
            if (total is null)
            {
                problems.Add(ConfigurationProblem.ForKeys([ScheduleKeys.WarmupRatio, ScheduleKeys.TotalSteps],
                    "warmup_ratio is a share of total_steps, so total_steps is required with it (or give warmup_steps instead)."));
            }
            else
            {
                warmup = (long)Math.Ceiling(ratio.NumberValue * total.Value);
            }
        }

        if (source is not null && total is not null)
        {
            var limit = descriptor.DecaysAfterWarmup ? total.Value - 1 : total.Value;
            if (warmup > limit)
            {
                var fromRatio = source == ScheduleKeys.WarmupRatio ? $" (ceil({values[source]} * {total}))" : string.Empty;
                var why = descriptor.DecaysAfterWarmup
                    ? $"leaves no room for the decay: it must end before total_steps ({total}), so at most {limit} steps"
                    : $"is longer than total_steps ({total})";
                problems.Add(ConfigurationProblem.ForKeys([source, ScheduleKeys.TotalSteps],
                    $"a warmup of {warmup} steps{fromRatio} {why}.",
                    source == ScheduleKeys.WarmupSteps ? ConfigurationRemedy.Set(source, ParameterValue.FromNumber(limit), "shortened to fit total_steps") : null));
            }
        }

        // An unresolvable ratio was reported above; otherwise a start LR with no warmup would silently do nothing.
        var unresolved = source == ScheduleKeys.WarmupRatio && total is null;
        if (values.TryGetValue(ScheduleKeys.WarmupStartLr, out var start) && warmup == 0 && !unresolved)
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.WarmupStartLr, start,
                $"{start} has no effect without a warmup; set warmup_steps > 0 or remove warmup_start_lr.",
                ConfigurationRemedy.Remove(ScheduleKeys.WarmupStartLr, "there is no warmup to start")));
        }

        return warmup;
    }

    private static string Received(ScheduleOptions options, string key) =>
        options.TryGetValue(key, out var value) ? value.ToString() : "(missing)";

    /// <summary>The configuration as the schedule reports it: the catalog's spelling of the name, keys in descriptor order.</summary>
    private static ScheduleOptions Canonical(SchedulerDescriptor descriptor, ScheduleOptions options, List<string> acceptedZeroWarmup)
    {
        var entries = new List<KeyValuePair<string, ParameterValue>> { new(ScheduleOptions.SchedulerKey, ParameterValue.FromText(descriptor.Name)) };
        foreach (var key in descriptor.Parameters.Select(parameter => parameter.Key).Concat(acceptedZeroWarmup))
        {
            if (options.TryGetValue(key, out var value))
            {
                entries.Add(new(key, value.Kind == ParameterValueKind.Number ? ParameterValue.FromNumber(value.NumberValue) : value));
            }
        }

        return ScheduleOptions.FromEntries(entries);
    }

    internal sealed record Outcome(ImmutableArray<ConfigurationProblem> Problems, SchedulerDefinition? Definition, ParameterSet Parameters, ScheduleOptions Canonical)
    {
        /// <summary>The scheduler's curve, in epoch units when <c>steps_per_epoch</c> is given (one wrapper for every scheduler).</summary>
        public LearningRateSchedule Build() =>
            EpochSchedule.Over(((CurveDefinition)Definition!).Create(Parameters, Canonical), Parameters.Integer(ScheduleKeys.StepsPerEpoch));
    }
}
