using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>Every logged rate against the curve under one alignment: how many match, the largest error and the first mismatch.</summary>
internal sealed record AlignedComparison(LogAlignment Alignment, int Matching, PointError Largest, PointError? FirstMismatch)
{
    public bool Fits => FirstMismatch is null;

    public static AlignedComparison Of(LearningRateSchedule schedule, ImmutableArray<LoggedRate> rates, LogAlignment alignment, double tolerance)
    {
        var matching = 0;
        PointError? largest = null;
        PointError? firstMismatch = null;
        foreach (var rate in rates)
        {
            var point = Compare(schedule, rate, rate.Step - (int)alignment);
            if (point.Expected is { } expected && RateMatch.Matches(rate.Rate, expected, tolerance))
            {
                matching++;
            }
            else
            {
                firstMismatch ??= point;
            }

            if (largest is null || point.Error > largest.Value.Error)
            {
                largest = point;
            }
        }

        return new AlignedComparison(alignment, matching, largest!.Value, firstMismatch);
    }

    /// <summary>The logged rate against the curve at <paramref name="position"/> (the scheduler's step).</summary>
    public static PointError Compare(LearningRateSchedule schedule, LoggedRate rate, long position)
    {
        if (position < 0)
        {
            return new PointError(rate, position, null, double.PositiveInfinity);
        }

        var expected = schedule.GetLearningRate(position);
        return new PointError(rate, position, expected, RateMatch.RelativeError(rate.Rate, expected));
    }
}
