namespace Schedulers;

/// <summary>
/// One scheduler: its public descriptor and the rules that involve several of its parameters. Per-key type and range
/// checks are generic and driven by the descriptor. What a valid configuration becomes depends on the kind of
/// scheduler: a curve (<see cref="CurveDefinition"/>), a metric-driven <see cref="PlateauScheduler"/>, or nothing a
/// configuration can make (<c>LambdaLR</c>, which takes C# code).
/// </summary>
internal abstract class SchedulerDefinition
{
    public abstract SchedulerDescriptor Descriptor { get; }

    /// <summary>
    /// Gets why a valid configuration of this scheduler cannot be made into a curve, with the way to get what the user
    /// wants; <see langword="null"/> for schedulers that make curves.
    /// </summary>
    public virtual string? NoCurveReason => null;

    /// <summary>Adds a problem for every rule that spans several parameters and is broken.</summary>
    public virtual void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
    }
}
