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

    public static DocumentedBounds Of(ScheduleOptions options, double? parentRate = null)
    {
        var descriptor = SchedulerCatalog.Find(options.Scheduler!)!;
        double Get(string key) => options.TryGetValue(key, out var value) ? value!.NumberValue : descriptor.Find(key)!.DefaultValue!.NumberValue;
        bool Has(string key) => options.Contains(key);
        var lr = Has("learning_rate") ? Get("learning_rate") : Has("max_lr") && options.Scheduler == "OneCycleLR" ? Get("max_lr") : Has("base_lr") ? Get("base_lr") : parentRate ?? double.NaN;

        double RatioFloor() => Has("min_lr") ? Get("min_lr") : Has("min_lr_ratio") ? lr * Get("min_lr_ratio") : 0.0;

        var bounds = options.Scheduler switch
        {
            "constant" or "constant_with_warmup" => new(lr, lr),
            "linear" or "cosine" or "cosine_with_min_lr" or "warmup_stable_decay" => new(RatioFloor(), lr),
            "polynomial" => new(Get("lr_end"), lr),
            "CosineAnnealingLR" or "CosineAnnealingWarmRestarts" => new(Has("eta_min") ? Get("eta_min") : 0.0, lr),
            "ConstantLR" => new(lr * Get("factor"), lr),
            "LinearLR" => new(lr * Math.Min(Get("start_factor"), Get("end_factor")), lr * Math.Max(Get("start_factor"), Get("end_factor"))),
            "OneCycleLR" => new(Math.Min(lr / Get("div_factor"), lr / Get("div_factor") / Get("final_div_factor")), lr),
            "CyclicLR" => new(Math.Min(lr, Get("max_lr")), Math.Max(lr, Get("max_lr"))),
            "piecewise_constant" => Multipliers(options.TryGetValue("step_rules", out var rules) ? rules!.TextValue! : "1") is var multipliers
                ? new(lr * multipliers.Min(), lr * multipliers.Max())
                : null!,
            "interpolated" => Points(options) is var rates ? new(rates.Min(), rates.Max()) : null!,
            "SequentialLR" => Children(options, lr).Aggregate((a, b) => new(Math.Min(a.Floor, b.Floor), Math.Max(a.Peak, b.Peak))),
            // ChainedScheduler multiplies its children's factors, each a child's value over the learning rate.
            "ChainedScheduler" => Children(options, lr).Aggregate(new DocumentedBounds(lr, lr), (a, b) => new(a.Floor * b.Floor / lr, a.Peak * b.Peak / lr)),
            // StepLR, MultiStepLR, ExponentialLR, PolynomialLR, inverse_sqrt, cosine_with_restarts: from the rate down to 0.
            _ => new(0.0, lr),
        };

        // A child's warmup runs inside the parent's curve, where the parent's own warmup rule does not reach.
        if (options.Scheduler is "SequentialLR" or "ChainedScheduler")
        {
            bounds = bounds with { ExactFloor = false };
        }

        var warms = (Has("warmup_steps") && Get("warmup_steps") > 0) || (Has("warmup_ratio") && Get("warmup_ratio") > 0);
        return parentRate is not null && warms
            ? bounds with { Floor = Math.Min(bounds.Floor, Has("warmup_start_lr") ? Get("warmup_start_lr") : 0.0) }
            : bounds;
    }

    private static IEnumerable<DocumentedBounds> Children(ScheduleOptions options, double lr)
    {
        options.TryGetValue("schedulers", out var children);
        return children!.Items.Select(child => Of(ScheduleOptions.FromJson(child.TextValue!), lr));
    }

    private static double[] Multipliers(string rules) =>
        [.. rules.Split(',').Select(rule => double.Parse(rule.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture))];

    private static double[] Points(ScheduleOptions options)
    {
        options.TryGetValue("points", out var points);
        return [.. points!.Items.Select(point => point.Items[1].NumberValue)];
    }
}
