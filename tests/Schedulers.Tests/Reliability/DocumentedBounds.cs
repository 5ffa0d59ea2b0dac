using Schedulers.Tests.Support;

namespace Schedulers.Tests.Reliability;

/// <summary>
/// The range each scheduler's documentation promises, worked out from the configuration alone (never from the schedule
/// under test): every value at most <see cref="Peak"/>, and from the end of the warmup on at least <see cref="Floor"/>.
/// Floors are the values the user gave (<c>eta_min</c>, <c>min_lr</c>, <c>lr_end</c>) or the product the
/// documentation names (<c>learning_rate * min_lr_ratio</c>), exactly: docs/reliability.md promises no value an ulp below.
/// </summary>
internal sealed record DocumentedBounds(double Floor, double Peak)
{
    /// <summary>Gets whether the floor is exact; a composite's is a product of its children's, rounded in another order.</summary>
    public bool ExactFloor { get; init; } = true;

    /// <summary>Each scheduler's documented range, worked out from its configuration; or why it has none.</summary>
    public static SchedulerTable<Rule> Rules { get; } = new(
        "its documented bounds (a Rule giving the floor and the peak from the configuration alone)",
        "DocumentedBounds.Rules (tests/Schedulers.Tests/Reliability/DocumentedBounds.cs)",
        new(StringComparer.Ordinal)
        {
            { "constant", new Rule(c => new(c.LearningRate, c.LearningRate)) },
            { "constant_with_warmup", new Rule(c => new(c.LearningRate, c.LearningRate)) },
            { "linear", new Rule(c => new(c.RatioFloor(), c.LearningRate)) },
            { "cosine", new Rule(c => new(c.RatioFloor(), c.LearningRate)) },
            { "cosine_with_min_lr", new Rule(c => new(c.RatioFloor(), c.LearningRate)) },
            { "cosine_with_restarts", new Rule(c => new(0.0, c.LearningRate)) },
            { "polynomial", new Rule(c => new(c.Get(ScheduleKeys.LrEnd), c.LearningRate)) },
            { "inverse_sqrt", new Rule(c => new(0.0, c.LearningRate)) },
            { "warmup_stable_decay", new Rule(c => new(c.RatioFloor(), c.LearningRate)) },
            { "piecewise_constant", new Rule(c => Multipliers(c.Options.TryGetValue(ScheduleKeys.StepRules, out var rules) ? rules!.TextValue! : "1") is var multipliers
                ? new(c.LearningRate * multipliers.Min(), c.LearningRate * multipliers.Max())
                : null!) },
            { "StepLR", new Rule(c => new(0.0, c.LearningRate)) },
            { "MultiStepLR", new Rule(c => new(0.0, c.LearningRate)) },
            { "ExponentialLR", new Rule(c => new(0.0, c.LearningRate)) },
            { "ConstantLR", new Rule(c => new(c.LearningRate * c.Get(ScheduleKeys.Factor), c.LearningRate)) },
            { "LinearLR", new Rule(c => new(
                c.LearningRate * Math.Min(c.Get(ScheduleKeys.StartFactor), c.Get(ScheduleKeys.EndFactor)),
                c.LearningRate * Math.Max(c.Get(ScheduleKeys.StartFactor), c.Get(ScheduleKeys.EndFactor)))) },
            { "PolynomialLR", new Rule(c => new(0.0, c.LearningRate)) },
            { "CosineAnnealingLR", new Rule(c => new(c.Has(ScheduleKeys.EtaMin) ? c.Get(ScheduleKeys.EtaMin) : 0.0, c.LearningRate)) },
            { "CosineAnnealingWarmRestarts", new Rule(c => new(c.Has(ScheduleKeys.EtaMin) ? c.Get(ScheduleKeys.EtaMin) : 0.0, c.LearningRate)) },
            { "OneCycleLR", new Rule(OneCycle) },
            { "CyclicLR", new Rule(c => new(Math.Min(c.LearningRate, c.Get(ScheduleKeys.MaxLr)), Math.Max(c.LearningRate, c.Get(ScheduleKeys.MaxLr)))) },
            { "ReduceLROnPlateau", Rule.None("it follows reported metrics, so no configuration alone fixes its values; the plateau reference runs check them") },
            { "SequentialLR", new Rule(c => Children(c).Aggregate((a, b) => new(Math.Min(a.Floor, b.Floor), Math.Max(a.Peak, b.Peak))) with { ExactFloor = false }) },
            // ChainedScheduler multiplies its children's factors, each a child's value over the learning rate.
            { "ChainedScheduler", new Rule(c => Children(c).Aggregate(new DocumentedBounds(c.LearningRate, c.LearningRate), (a, b) => new(a.Floor * b.Floor / c.LearningRate, a.Peak * b.Peak / c.LearningRate)) with { ExactFloor = false }) },
            { "LambdaLR", Rule.None("its factor is any C# function: the documentation promises no range") },
            { "interpolated", new Rule(c => Points(c.Options) is var rates ? new(rates.Min(), rates.Max()) : null!) },
            { "CosineLRScheduler", new Rule(TimmCycles) },
            { "TanhLRScheduler", new Rule(TimmCycles) },
            { "PolyLRScheduler", new Rule(TimmCycles) },
            { "StepLRScheduler", new Rule(c => Timm(c, 0.0, exactFloor: true)) },
            { "MultiStepLRScheduler", new Rule(c => Timm(c, 0.0, exactFloor: true)) },
            { "ExponentialDecay", new Rule(c => new(0.0, c.Get(ScheduleKeys.InitialLearningRate))) },
            { "InverseTimeDecay", new Rule(c => new(0.0, c.Get(ScheduleKeys.InitialLearningRate))) },
            { "PolynomialDecay", new Rule(c => new(
                Math.Min(c.Get(ScheduleKeys.InitialLearningRate), c.Get(ScheduleKeys.EndLearningRate)),
                Math.Max(c.Get(ScheduleKeys.InitialLearningRate), c.Get(ScheduleKeys.EndLearningRate)))) },
            { "PiecewiseConstantDecay", new Rule(c => Numbers(c.Options, ScheduleKeys.Values) is var values ? new(values.Min(), values.Max()) : null!) },
            { "CosineDecay", new Rule(KerasCosine) },
            { "CosineDecayRestarts", new Rule(c => new(c.Get(ScheduleKeys.InitialLearningRate) * c.Get(ScheduleKeys.Alpha), c.Get(ScheduleKeys.InitialLearningRate))) },
        });

    public static DocumentedBounds Of(ScheduleOptions options, double? parentRate = null)
    {
        var configuration = new Configuration(options, parentRate);
        var bounds = Rules.For(options.Scheduler!).Of(configuration);

        // A child's warmup runs inside the parent's curve, where the parent's own warmup rule does not reach.
        var warms = (configuration.Has(ScheduleKeys.WarmupSteps) && configuration.Get(ScheduleKeys.WarmupSteps) > 0)
            || (configuration.Has(ScheduleKeys.WarmupRatio) && configuration.Get(ScheduleKeys.WarmupRatio) > 0);
        var timmWarms = configuration.Has(ScheduleKeys.WarmupT) && configuration.Get(ScheduleKeys.WarmupT) > 0;
        var start = configuration.Has(ScheduleKeys.WarmupStartLr) ? configuration.Get(ScheduleKeys.WarmupStartLr)
            : configuration.Has(ScheduleKeys.WarmupLrInit) ? configuration.Get(ScheduleKeys.WarmupLrInit) : 0.0;
        return parentRate is not null && (warms || timmWarms) ? bounds with { Floor = Math.Min(bounds.Floor, start) } : bounds;
    }

    /// <summary>
    /// timm's cycles end at lr_min, and the lowest peak is the last cycle's, learning_rate * cycle_decay^(cycle_limit - 1),
    /// which the curve falls to when it is below lr_min (the curve then rises to lr_min within each cycle; rounded in
    /// another order than this product, so that floor is not exact).
    /// </summary>
    private static DocumentedBounds TimmCycles(Configuration c)
    {
        var lrMin = c.Get(ScheduleKeys.LrMin);
        var lowestPeak = c.LearningRate * Math.Pow(c.Get(ScheduleKeys.CycleDecay), c.Get(ScheduleKeys.CycleLimit) - 1);
        return Timm(c, Math.Min(lrMin, lowestPeak), exactFloor: lrMin <= lowestPeak);
    }

    /// <summary>
    /// A timm curve between its floor and learning_rate, widened by the noise where noise_range_t is given: timm's
    /// <c>lr + lr * n</c> with <c>|n| &lt; noise_pct</c> (a few ulps of rounding on either side, hence no exact floor).
    /// </summary>
    private static DocumentedBounds Timm(Configuration c, double curveFloor, bool exactFloor)
    {
        if (!c.Has(ScheduleKeys.NoiseRangeT))
        {
            return new(curveFloor, c.LearningRate) { ExactFloor = exactFloor };
        }

        var percent = c.Get(ScheduleKeys.NoisePct);
        return new(curveFloor * (1 - percent) * (1 - 1e-15), c.LearningRate * (1 + percent) * (1 + 1e-15)) { ExactFloor = false };
    }

    /// <summary>OneCycleLR peaks at max_lr when no learning_rate is given, and falls to the rate over both divisors.</summary>
    private static DocumentedBounds OneCycle(Configuration c)
    {
        var lr = !c.Has(ScheduleKeys.LearningRate) && c.Has(ScheduleKeys.MaxLr) ? c.Get(ScheduleKeys.MaxLr) : c.LearningRate;
        return new(Math.Min(lr / c.Get(ScheduleKeys.DivFactor), lr / c.Get(ScheduleKeys.DivFactor) / c.Get(ScheduleKeys.FinalDivFactor)), lr);
    }

    /// <summary>Keras's CosineDecay decays from warmup_target after its warmup (else from initial_learning_rate) to alpha times that.</summary>
    private static DocumentedBounds KerasCosine(Configuration c)
    {
        var initial = c.Get(ScheduleKeys.InitialLearningRate);
        var start = c.Has(ScheduleKeys.WarmupTarget) ? c.Get(ScheduleKeys.WarmupTarget) : initial;
        return new(start * c.Get(ScheduleKeys.Alpha), Math.Max(initial, start));
    }

    private static double[] Numbers(ScheduleOptions options, string key)
    {
        options.TryGetValue(key, out var list);
        return [.. list!.Items.Select(item => item.NumberValue)];
    }

    private static IEnumerable<DocumentedBounds> Children(Configuration c)
    {
        c.Options.TryGetValue(ScheduleKeys.Schedulers, out var children);
        return children!.Items.Select(child => Of(ScheduleOptions.FromJson(child.TextValue!), c.LearningRate));
    }

    private static double[] Multipliers(string rules) =>
        [.. rules.Split(',').Select(rule => double.Parse(rule.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture))];

    private static double[] Points(ScheduleOptions options)
    {
        options.TryGetValue(ScheduleKeys.Points, out var points);
        return [.. points!.Items.Select(point => point.Items[1].NumberValue)];
    }

    /// <summary>One scheduler's entry in <see cref="Rules"/>: its bounds from its configuration.</summary>
    internal sealed record Rule(Func<Configuration, DocumentedBounds> Of)
    {
        public static SchedulerEntry<Rule> None(string because) => SchedulerEntry<Rule>.None(because);

        public static implicit operator SchedulerEntry<Rule>(Rule rule) => SchedulerEntry<Rule>.Of(rule);
    }

    /// <summary>A configuration as the rules read it: a key's value or its default, and the learning rate it scales.</summary>
    internal sealed class Configuration(ScheduleOptions options, double? parentRate)
    {
        private readonly SchedulerDescriptor _descriptor = SchedulerCatalog.Find(options.Scheduler!)!;

        public ScheduleOptions Options => options;

        /// <summary>Gets learning_rate, else base_lr, else the parent's (a composite's child takes its parent's).</summary>
        public double LearningRate => Has(ScheduleKeys.LearningRate) ? Get(ScheduleKeys.LearningRate) : Has(ScheduleKeys.BaseLr) ? Get(ScheduleKeys.BaseLr) : parentRate ?? double.NaN;

        public bool Has(string key) => options.Contains(key);

        public double Get(string key) => options.TryGetValue(key, out var value) ? value!.NumberValue : _descriptor.Find(key)!.DefaultValue!.NumberValue;

        /// <summary>min_lr, else learning_rate * min_lr_ratio, else 0.</summary>
        public double RatioFloor() => Has(ScheduleKeys.MinLr) ? Get(ScheduleKeys.MinLr) : Has(ScheduleKeys.MinLrRatio) ? LearningRate * Get(ScheduleKeys.MinLrRatio) : 0.0;
    }
}
