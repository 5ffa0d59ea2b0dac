namespace Schedulers;

/// <summary>A scheduler whose configuration makes an immutable curve, a <see cref="LearningRateSchedule"/>.</summary>
internal abstract class CurveDefinition : SchedulerDefinition
{
    /// <summary>Creates the schedule; called only when no problem was found.</summary>
    public abstract LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions);
}
