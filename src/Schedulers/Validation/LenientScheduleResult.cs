using System.Collections.Immutable;

namespace Schedulers;

/// <summary>What the opt-in lenient path returns: the schedule and every adjustment made to obtain it.</summary>
/// <param name="Schedule">The schedule built from the adjusted configuration.</param>
/// <param name="Adjustments">Every change made, in order; empty when the configuration was valid as given.</param>
public sealed record LenientScheduleResult(LearningRateSchedule Schedule, ImmutableArray<ScheduleAdjustment> Adjustments);
