using System.Collections.Immutable;
using System.Globalization;

namespace Schedulers.Cli;

/// <summary>
/// A Trainer run whose warmup is not shorter than the run itself. transformers' schedule lambdas all begin with
/// <c>if current_step &lt; num_warmup_steps: return current_step / max(1, num_warmup_steps)</c>, so such a run stays in its
/// warmup: <c>lr = learning_rate × step / warmup_steps</c> for every step it trains, never reaching <c>learning_rate</c>.
/// Our vocabulary refuses those numbers (a warmup longer than <c>total_steps</c> is almost always a mistake), and
/// <c>validate</c> on our own JSON keeps refusing them; an import reproduces what the tool did, so it writes that curve as
/// an <c>interpolated</c> schedule through the ramp's own points (linear between them, exact at every step), with a
/// warning naming the likely mistake.
/// </summary>
internal static class HuggingFaceUnfinishedWarmup
{
    /// <summary>
    /// For each schedule whose lambda starts with the warmup above: its factor at step N of a run whose warmup is exactly
    /// N steps (the lambda's first step past the warmup, evaluated by the scheduler's last <c>step()</c>), or
    /// <see langword="null"/> where transformers divides by zero there (<c>polynomial</c>'s <c>num_training_steps -
    /// num_warmup_steps</c>), so that the run fails at its end.
    /// </summary>
    private static readonly ImmutableDictionary<string, double?> EndFactorAtFullWarmup = new Dictionary<string, double?>(StringComparer.Ordinal)
    {
        ["constant_with_warmup"] = 1, // the constant after the warmup
        ["linear"] = 0, // max(0, (N - N) / max(1, 0))
        ["cosine"] = 1, // progress 0: 0.5 × (1 + cos 0)
        ["cosine_with_restarts"] = 1, // progress 0 < 1: 0.5 × (1 + cos 0)
        ["cosine_with_min_lr"] = 1, // progress 0: r + (1 - r) × 1
        ["inverse_sqrt"] = 1, // 1 / sqrt((N + W - W) / W) with the default timescale W
        ["polynomial"] = null, // pct_remaining = 1 - 0 / (N - W): ZeroDivisionError
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Whether transformers' <paramref name="schedule"/> stays in its warmup for the whole run and our vocabulary refuses
    /// the same numbers: a warmup longer than the run, or as long as a run that decays after it.
    /// </summary>
    public static bool Applies(string schedule, long warmup, long totalSteps) =>
        EndFactorAtFullWarmup.ContainsKey(schedule)
        && (warmup > totalSteps || (warmup == totalSteps && SchedulerCatalog.Find(schedule) is { DecaysAfterWarmup: true }));

    /// <summary>Sets the run's curve on <paramref name="import"/>, or refuses what transformers itself cannot run.</summary>
    public static void Build(string schedule, double learningRate, long totalSteps, long warmup, string warmupOrigin, IReadOnlyDictionary<string, ParameterValue> kwargs, ImportBuilder import)
    {
        RefuseWhatTransformersRefuses(schedule, learningRate, kwargs);
        var endFactor = EndFactorAtFullWarmup[schedule];
        if (warmup == totalSteps && endFactor is null)
        {
            throw new UsageException($"warmup_steps {warmup} (from {warmupOrigin}) equals the run's {totalSteps} steps: transformers' polynomial schedule divides by num_training_steps - num_warmup_steps = 0 at the scheduler's last step, so the run fails at its end (ZeroDivisionError). Give a warmup shorter than the run.");
        }

        // transformers computes learning_rate × (step / W): the points are the same products, and linear joins between them are the ramp.
        ParameterValue Point(long step, double rate) => ParameterValue.FromList([ParameterValue.FromNumber(step), ParameterValue.FromNumber(rate)]);
        var points = new List<ParameterValue> { Point(0, 0) };
        string lastValue;
        if (warmup > totalSteps)
        {
            points.Add(Point(warmup, learningRate));
            lastValue = $"{Format(learningRate * ((double)(totalSteps - 1) / warmup))} at step {totalSteps - 1}, the last step trained";
        }
        else
        {
            if (totalSteps > 1)
            {
                points.Add(Point(totalSteps - 1, learningRate * ((double)(totalSteps - 1) / warmup)));
            }

            points.Add(Point(totalSteps, learningRate * endFactor!.Value));
            lastValue = $"{Format(learningRate * ((double)(totalSteps - 1) / warmup))} at step {totalSteps - 1}, the last step trained (the scheduler's value after it, at step {totalSteps}, is {Format(learningRate * endFactor.Value)})";
            if (totalSteps == 1 && endFactor == 0)
            {
                throw new UsageException($"warmup_steps {warmup} (from {warmupOrigin}) equals the run's single step: transformers trains it with learning rate 0 and the linear schedule ends at 0, so there is no curve to draw. Give a warmup shorter than the run.");
            }
        }

        import.Set(ScheduleKeys.Scheduler, "interpolated", $"{HuggingFaceMappings.SchedulerType.Source} {schedule}, with a warmup not shorter than the run");
        import.Set(ScheduleKeys.TotalSteps, totalSteps, "the run's length");
        import.Set(ScheduleKeys.Points, ParameterValue.FromList(points), $"transformers' warmup ramp learning_rate × step / warmup_steps ({warmupOrigin}), which the run never leaves");
        import.Set(ScheduleKeys.Method, "linear", "the warmup ramp is linear");
        foreach (var key in kwargs.Keys)
        {
            import.Note($"lr_scheduler_kwargs {key} has no effect on this run: it never leaves the warmup.");
        }

        import.Warn($"the warmup ({warmup} steps, from {warmupOrigin}) is not shorter than the run ({totalSteps} steps): transformers stays in its warmup for every step the run trains, so the learning rate climbs to {lastValue} and never reaches learning_rate {Format(learningRate)}; the {schedule} decay never happens. Likely mistake: a warmup counted in examples or batches rather than optimizer steps (gradient accumulation and several processes divide the steps), or copied from a longer run; warmup_ratio (or transformers 5's warmup_steps below 1) gives a share of the run instead. The curve is imported as the run had it: an interpolated ramp.");
    }

    /// <summary>What transformers refuses when it builds the schedule, before any step: the run never started.</summary>
    private static void RefuseWhatTransformersRefuses(string schedule, double learningRate, IReadOnlyDictionary<string, ParameterValue> kwargs)
    {
        if (schedule == "cosine_with_min_lr" && kwargs.ContainsKey("min_lr") == kwargs.ContainsKey("min_lr_rate"))
        {
            throw new UsageException("cosine_with_min_lr needs exactly one of lr_scheduler_kwargs min_lr and min_lr_rate: transformers raises ValueError otherwise, before the run starts.");
        }

        // get_polynomial_decay_schedule_with_warmup: lr_end defaults to 1e-7 and must be below the optimizer's learning rate.
        var end = kwargs.GetValueOrDefault("lr_end") ?? ParameterValue.FromNumber(1e-7);
        if (schedule == "polynomial" && !(end.Kind == ParameterValueKind.Number && end.NumberValue < learningRate))
        {
            throw new UsageException($"lr_end = {end} is not below learning_rate {Format(learningRate)}: transformers' polynomial schedule raises ValueError before the run starts.");
        }
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
