using System.Collections.Immutable;

namespace Schedulers;

/// <summary>What the opt-in lenient path returns: the schedule and every adjustment made to obtain it.</summary>
public sealed class LenientScheduleResult
{
    internal LenientScheduleResult(LearningRateSchedule schedule, ImmutableArray<ScheduleAdjustment> adjustments)
    {
        Schedule = schedule;
        Adjustments = adjustments;
    }

    /// <summary>Gets the schedule built from the adjusted configuration.</summary>
    public LearningRateSchedule Schedule { get; }

    /// <summary>Gets every change made, in order; empty when the configuration was valid as given.</summary>
    public ImmutableArray<ScheduleAdjustment> Adjustments { get; }

    /// <inheritdoc />
    public override string ToString() => Adjustments.IsEmpty
        ? $"{Schedule} (valid as given: no adjustments)"
        : $"{Schedule} after {Adjustments.Length} adjustment{(Adjustments.Length == 1 ? string.Empty : "s")}: {string.Join("; ", Adjustments)}";
}
