using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>
/// A run's logged learning rates against a configuration's curve: the alignment the log follows (or the one forced), the
/// comparison under it, and when the log differs, whether it is the curve lagging behind (scheduler steps skipped) or
/// scaled by a constant.
/// </summary>
internal sealed record RunCheck(AlignedComparison Comparison, AlignmentChoice Choice, LagExplanation? Lag, ScaleExplanation? Scale)
{
    /// <summary>The other alignment's lag, where the log is explained as a lag under both (only the writer's version tells them apart).</summary>
    public LagExplanation? OtherLag { get; init; }

    // A lag search costs one evaluation per entry plus one per step of lag found, and one per candidate where it
    // fails: a million candidates beyond the entries finds any lag a run could have, and ends a search that a log
    // starting at a huge step (a resumed run, or a broken file) would make long.
    private const long LagCandidates = 1_000_000;

    public bool Followed => Comparison.Fits;

    public static RunCheck Of(LearningRateSchedule schedule, ImmutableArray<LoggedRate> rates, LogAlignment? forced, double tolerance)
    {
        LogAlignment[] alignments = forced is { } only ? [only] : [LogAlignment.Previous, LogAlignment.Current];
        var comparisons = alignments.Select(alignment => AlignedComparison.Of(schedule, rates, alignment, tolerance)).ToArray();
        var fitting = comparisons.Where(comparison => comparison.Fits).ToArray();
        if (fitting.Length > 0)
        {
            var choice = forced is not null ? AlignmentChoice.Forced : fitting.Length == 2 ? AlignmentChoice.BothFit : AlignmentChoice.OnlyOneFits;
            return new RunCheck(fitting[0], choice, null, null);
        }

        // A lag under the modern alignment is the same log as a lag one larger under the old one: the smaller lag is the
        // simpler story, and ties go to the modern alignment (listed first).
        var lags = comparisons
            .Select(comparison => (comparison, Lag: LagExplanation.Find(schedule, rates, comparison.Alignment, tolerance, LagCandidates + (2L * rates.Length))))
            .Where(candidate => candidate.Lag is not null)
            .OrderBy(candidate => candidate.Lag!.FinalLag)
            .ToArray();
        if (lags.Length > 0)
        {
            return new RunCheck(lags[0].comparison, Chosen(forced, AlignmentChoice.Explained), lags[0].Lag, null) { OtherLag = lags.Length > 1 ? lags[1].Lag : null };
        }

        foreach (var comparison in comparisons)
        {
            if (ScaleExplanation.Find(schedule, rates, comparison.Alignment, tolerance) is { } scale)
            {
                return new RunCheck(comparison, Chosen(forced, AlignmentChoice.Explained), null, scale);
            }
        }

        var closest = comparisons.OrderByDescending(comparison => comparison.Matching).First();
        return new RunCheck(closest, Chosen(forced, AlignmentChoice.Closest), null, null);
    }

    private static AlignmentChoice Chosen(LogAlignment? forced, AlignmentChoice otherwise) => forced is null ? otherwise : AlignmentChoice.Forced;
}
