using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>A log that is the curve times a constant (another learning_rate, or a rate multiplied on the way to the optimizer).</summary>
internal sealed record ScaleExplanation(double Ratio, PointError Largest)
{
    /// <summary>
    /// The ratio of the first entry where the curve is not 0, when every entry is the curve times it (entries where the
    /// curve is 0 logged 0); null when the ratios differ, when fewer than two entries fix it, or when it is 1.
    /// </summary>
    public static ScaleExplanation? Find(LearningRateSchedule schedule, ImmutableArray<LoggedRate> rates, LogAlignment alignment, double tolerance)
    {
        double? ratio = null;
        var fixing = 0;
        PointError? largest = null;
        foreach (var rate in rates)
        {
            var point = AlignedComparison.Compare(schedule, rate, rate.Step - (int)alignment);
            if (point.Expected is not { } expected)
            {
                return null;
            }

            if (expected == 0)
            {
                if (rate.Rate != 0)
                {
                    return null;
                }

                continue;
            }

            ratio ??= rate.Rate / expected;
            fixing++;
            var scaled = point with { Error = RateMatch.RelativeError(rate.Rate, ratio.Value * expected) };
            if (ratio.Value == 0 || !RateMatch.Matches(rate.Rate, ratio.Value * expected, tolerance))
            {
                return null;
            }

            if (largest is null || scaled.Error > largest.Value.Error)
            {
                largest = scaled;
            }
        }

        return ratio is { } found && fixing >= 2 && Math.Abs(found - 1) > tolerance ? new ScaleExplanation(found, largest!.Value) : null;
    }
}
