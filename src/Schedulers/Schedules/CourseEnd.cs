namespace Schedulers;

/// <summary>
/// Where a schedule's configured course ends (<see cref="LearningRateSchedule.Horizon"/>), with the settings that put it
/// there in words (<c>"total_steps"</c>, <c>"T_max"</c>, <c>"the last milestone + the last schedule's T_max"</c>), so
/// that a summary can say why a run is as long as it is.
/// </summary>
/// <param name="Step">The step the course ends at.</param>
/// <param name="Source">The settings that set it.</param>
internal readonly record struct CourseEnd(long Step, string Source)
{
    /// <summary>This end <paramref name="steps"/> later (after a warmup, or from a later milestone), saturating at <see cref="long.MaxValue"/>.</summary>
    public CourseEnd After(long steps, string what) =>
        new(Step > long.MaxValue - steps ? long.MaxValue : Step + steps, $"{what} + {Source}");
}
