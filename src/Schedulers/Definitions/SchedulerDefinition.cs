namespace Schedulers;

/// <summary>
/// One scheduler: its public descriptor, the rules that involve several of its parameters, and the factory that turns
/// checked parameters into an immutable schedule. Per-key type and range checks are generic and driven by the descriptor.
/// </summary>
internal abstract class SchedulerDefinition
{
    public abstract SchedulerDescriptor Descriptor { get; }

    /// <summary>Adds a problem for every rule that spans several parameters and is broken.</summary>
    public virtual void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
    }

    /// <summary>Creates the schedule; called only when no problem was found.</summary>
    public abstract LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions);
}
