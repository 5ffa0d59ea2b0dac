using System.Globalization;

namespace Schedulers;

/// <summary>
/// What every timm scheduler shares (<c>timm/scheduler/scheduler.py</c> and the warmup each class repeats): the base
/// learning rate, an optional curve length, timm's warmup keys and timm's noise keys, with their rules; and the cycle keys
/// of the cosine, tanh and polynomial schedulers.
/// </summary>
internal static class TimmParameters
{
    /// <summary>
    /// The smallest <c>noise_pct</c>: timm redraws until <c>|n| &lt; noise_pct</c>, about <c>1 / (0.8 noise_pct)</c>
    /// draws per step, so a tiny one would never finish a curve.
    /// </summary>
    public const double MinNoisePct = 0.01;

    /// <summary>The cycle settings the cosine, tanh and polynomial schedulers read alike (their own shape's settings aside).</summary>
    public static TimmCycles.Settings Cycles(ParameterSet parameters) => new(
        parameters.LearningRate,
        parameters.Integer(ScheduleKeys.TInitial),
        parameters.Number(ScheduleKeys.LrMin),
        parameters.Number(ScheduleKeys.CycleMul),
        parameters.Number(ScheduleKeys.CycleDecay),
        parameters.Integer(ScheduleKeys.CycleLimit));

    public static SchedulerDescriptor Describe(string name, string summary, string formula, bool prefixByDefault, params ParameterDescriptor[] parameters) => new(
        name,
        SchedulerFamily.Timm,
        summary,
        formula,
        WarmupSupport.Timm,
        decaysAfterWarmup: true,
        [
            CommonParameters.LearningRateDescriptor,
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
            .. parameters,
            new(ScheduleKeys.WarmupT, ParameterKind.Integer, ParameterPresence.Optional,
                "Length of timm's linear warmup, in steps; it must end before total_steps.", ParameterValue.FromNumber(0), range: ValueRange.AtLeast(0)),
            new(ScheduleKeys.WarmupLrInit, ParameterKind.Number, ParameterPresence.Optional,
                "Learning rate at step 0 of the warmup; needs warmup_t > 0.", ParameterValue.FromNumber(0), range: ValueRange.FromZeroToLearningRate()),
            new(ScheduleKeys.WarmupPrefix, ParameterKind.Boolean, ParameterPresence.Optional,
                "true: the curve starts when the warmup ends (its clock is step - warmup_t); false: the curve runs on the step itself, and the warmup covers its first warmup_t steps. Needs warmup_t > 0.",
                ParameterValue.FromBoolean(prefixByDefault)),
            new(ScheduleKeys.NoiseRangeT, ParameterKind.IntegerOrRange, ParameterPresence.Optional,
                "Steps that carry timm's seeded noise: t0 (every step from t0 on) or [t0, t1). Without it there is no noise.", range: ValueRange.AtLeast(0)),
            new(ScheduleKeys.NoisePct, ParameterKind.Number, ParameterPresence.Optional,
                $"Noise bound: draws are repeated until |n| < noise_pct, and lr becomes lr + lr * n. Needs noise_range_t; at least {MinNoisePct.ToString(CultureInfo.InvariantCulture)}, so that the redraws end.",
                ParameterValue.FromNumber(0.67), range: ValueRange.Between(MinNoisePct, true, 1, true)),
            new(ScheduleKeys.NoiseStd, ParameterKind.Number, ParameterPresence.Optional,
                "timm stores noise_std and never uses it (the draws are standard normal): only 1.0 is accepted, with noise_range_t.",
                ParameterValue.FromNumber(1.0)),
            new(ScheduleKeys.NoiseSeed, ParameterKind.Integer, ParameterPresence.Optional,
                "Seed of the noise: step t draws from a PyTorch CPU generator seeded with noise_seed + t. Needs noise_range_t.",
                ParameterValue.FromNumber(42), range: ValueRange.AtLeast(0)),
        ],
        warmupRefusal: $"timm's {name} counts its warmup with warmup_t: give warmup_t (and warmup_lr_init, warmup_prefix) instead");

    public static ParameterDescriptor TInitialDescriptor { get; } = new(
        ScheduleKeys.TInitial, ParameterKind.Integer, ParameterPresence.Required, "Steps of the first cycle.", range: ValueRange.AtLeast(1));

    public static ParameterDescriptor LrMinDescriptor { get; } = new(
        ScheduleKeys.LrMin, ParameterKind.Number, ParameterPresence.Optional,
        "Learning rate each cycle ends at, and the value after the last cycle.", ParameterValue.FromNumber(0), range: ValueRange.FromZeroToLearningRate());

    public static ParameterDescriptor CycleMulDescriptor { get; } = new(
        ScheduleKeys.CycleMul, ParameterKind.Number, ParameterPresence.Optional,
        "Growth of each cycle's length: cycle i lasts t_initial * cycle_mul^i steps. Other than 1 only with cycle_limit >= 2.",
        ParameterValue.FromNumber(1), range: ValueRange.GreaterThan(0));

    public static ParameterDescriptor CycleDecayDescriptor { get; } = new(
        ScheduleKeys.CycleDecay, ParameterKind.Number, ParameterPresence.Optional,
        "Decay of each cycle's peak: cycle i starts at learning_rate * cycle_decay^i. Other than 1 only with cycle_limit >= 2.",
        ParameterValue.FromNumber(1), range: ValueRange.Between(0, false, 1, true));

    public static ParameterDescriptor CycleLimitDescriptor { get; } = new(
        ScheduleKeys.CycleLimit, ParameterKind.Integer, ParameterPresence.Optional,
        "Number of cycles; after the last the value is lr_min.", ParameterValue.FromNumber(1), range: ValueRange.AtLeast(1));

    public static ParameterDescriptor KDecayDescriptor { get; } = new(
        ScheduleKeys.KDecay, ParameterKind.Number, ParameterPresence.Optional,
        "k-decay: the curve reads t_curr^k / t_i^k where it would read t_curr / t_i (1: the plain curve). At most 10: timm's t^k overflows into NaN for long cycles far sooner than k-decay's useful range ends.",
        ParameterValue.FromNumber(1), range: ValueRange.Between(0, false, 10, true));

    /// <summary>The rules every timm scheduler shares: warmup keys need a warmup, noise keys need noise_range_t.</summary>
    public static void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        var warmup = parameters.Has(ScheduleKeys.WarmupT) ? parameters.Integer(ScheduleKeys.WarmupT) : 0;
        foreach (var key in new[] { ScheduleKeys.WarmupLrInit, ScheduleKeys.WarmupPrefix })
        {
            // A warmup_t refused on its own check is not a missing warmup.
            if (parameters.Given(key) is { } value && warmup == 0 && (parameters.Has(ScheduleKeys.WarmupT) || !parameters.Written(ScheduleKeys.WarmupT)))
            {
                problems.Add(ConfigurationProblem.ForKey(key, value,
                    $"{value} has no effect without a warmup: set warmup_t > 0 or remove {key}.",
                    ConfigurationRemedy.Remove(key, "there is no warmup")));
            }
        }

        if (parameters.TotalSteps is { } total && warmup >= total)
        {
            problems.Add(ConfigurationProblem.ForKeys([ScheduleKeys.WarmupT, ScheduleKeys.TotalSteps],
                $"a warmup of {warmup} steps leaves no room for the curve: it must end before total_steps ({total}), so at most {total - 1} steps."));
        }

        var noisy = parameters.Written(ScheduleKeys.NoiseRangeT);
        foreach (var key in new[] { ScheduleKeys.NoisePct, ScheduleKeys.NoiseStd, ScheduleKeys.NoiseSeed })
        {
            if (parameters.Given(key) is { } value && !noisy)
            {
                problems.Add(ConfigurationProblem.ForKey(key, value,
                    $"{value} has no effect without noise_range_t (timm adds noise only at those steps): give noise_range_t, or remove {key}.",
                    ConfigurationRemedy.Remove(key, "there is no noise")));
            }
        }

        // Without noise_range_t, noise_std was refused above already.
        if (parameters.Given(ScheduleKeys.NoiseStd) is { } std && std.NumberValue != 1.0 && noisy)
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.NoiseStd, std,
                $"{std} would not change the noise: timm stores noise_std and never uses it (its draws are standard normal, bounded by noise_pct). Remove noise_std, or set it to 1.0.",
                ConfigurationRemedy.Remove(ScheduleKeys.NoiseStd, "timm never reads it")));
        }
    }

    /// <summary>cycle_mul and cycle_decay shape the cycles after the first, so they need a second cycle.</summary>
    public static void CheckCycleRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        // A cycle_limit refused on its own check says nothing about the cycles wanted.
        if (parameters.Integer(ScheduleKeys.CycleLimit) >= 2 || (!parameters.Has(ScheduleKeys.CycleLimit) && parameters.Written(ScheduleKeys.CycleLimit)))
        {
            return;
        }

        foreach (var key in new[] { ScheduleKeys.CycleMul, ScheduleKeys.CycleDecay })
        {
            if (parameters.Given(key) is { } value && value.NumberValue != 1.0)
            {
                problems.Add(ConfigurationProblem.ForKeys([key, ScheduleKeys.CycleLimit],
                    $"{key} = {value} shapes the cycles after the first, and cycle_limit = {parameters.Integer(ScheduleKeys.CycleLimit).ToString(CultureInfo.InvariantCulture)} leaves only one: set cycle_limit >= 2, or remove {key}."));
            }
        }
    }

    /// <summary>Builds a timm schedule over <paramref name="curve"/>; <paramref name="warmupTarget"/> is what the warmup climbs to (timm: the base learning rate, but for TanhLRScheduler without warmup_prefix).</summary>
    public static LearningRateSchedule Schedule(SchedulerDescriptor descriptor, ScheduleOptions options, ParameterSet parameters, TimmCurve curve, Func<long, double>? warmupTarget = null)
    {
        var warmup = parameters.Integer(ScheduleKeys.WarmupT);
        var prefix = parameters.Boolean(ScheduleKeys.WarmupPrefix);
        var target = warmup > 0 && warmupTarget is not null ? warmupTarget(warmup) : parameters.LearningRate;
        return new TimmSchedule(descriptor, options, parameters.LearningRate, parameters.TotalSteps,
            (warmup, parameters.Number(ScheduleKeys.WarmupLrInit), target), prefix, curve, Noise(parameters));
    }

    private static TimmNoise? Noise(ParameterSet parameters)
    {
        if (parameters.Given(ScheduleKeys.NoiseRangeT) is not { } range)
        {
            return null;
        }

        var (start, end) = range.Kind == ParameterValueKind.List
            ? ((long)range.Items[0].NumberValue, (long?)(long)range.Items[1].NumberValue)
            : ((long)range.NumberValue, null);
        return new TimmNoise(start, end, parameters.Number(ScheduleKeys.NoisePct), parameters.Integer(ScheduleKeys.NoiseSeed));
    }
}
