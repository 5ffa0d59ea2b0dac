using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>
/// A log that is the curve k steps behind, k growing: each entry (from <see cref="Increases"/>' step on) is lr(s - offset - k).
/// fp16 runs step the scheduler only when the loss scaler did not skip the optimizer step, so every skipped step adds one.
/// </summary>
internal sealed record LagExplanation(ImmutableArray<(long Step, long Lag)> Increases, PointError Largest)
{
    public long FinalLag => Increases[^1].Lag;

    public long FromStep => Increases[0].Step;

    /// <summary>
    /// The smallest lag for each entry in turn, never less than the previous entry's, nor more than it plus the steps
    /// between them (the scheduler does not step back). Null when no lag fits some entry, or every entry fits with none.
    /// The search is bounded by <paramref name="budget"/> evaluations of the curve, so a log of huge steps ends it.
    /// </summary>
    public static LagExplanation? Find(LearningRateSchedule schedule, ImmutableArray<LoggedRate> rates, LogAlignment alignment, double tolerance, long budget)
    {
        var increases = ImmutableArray.CreateBuilder<(long, long)>();
        long lag = 0;
        long? previousStep = null;
        PointError? largest = null;
        foreach (var rate in rates)
        {
            var position = rate.Step - (int)alignment;
            var most = Math.Min(position, previousStep is { } before ? lag + (rate.Step - before) : position);
            PointError? found = null;
            for (var candidate = lag; candidate <= most && budget-- > 0; candidate++)
            {
                var point = AlignedComparison.Compare(schedule, rate, position - candidate);
                if (point.Expected is { } expected && RateMatch.Matches(rate.Rate, expected, tolerance))
                {
                    found = point;
                    if (candidate > lag)
                    {
                        increases.Add((rate.Step, candidate));
                        lag = candidate;
                    }

                    break;
                }
            }

            if (found is not { } match)
            {
                return null;
            }

            if (largest is null || match.Error > largest.Value.Error)
            {
                largest = match;
            }

            previousStep = rate.Step;
        }

        return increases.Count == 0 ? null : new LagExplanation(increases.ToImmutable(), largest!.Value);
    }
}
