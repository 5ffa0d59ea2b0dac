using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>
/// The learning rates a finished run logged, sorted by step (a stable sort: a resumed run that logged a step twice keeps
/// both, in the order written), with the run's length when the log knows it (a <c>trainer_state.json</c>'s
/// <c>max_steps</c>), the kind of file it is and how it was read.
/// </summary>
internal sealed record RunLog(ImmutableArray<LoggedRate> Rates, long? MaxSteps, string Kind, string Description)
{
    /// <summary>The file's name, as the report names it: a copied <c>trainer_state.json</c> is often renamed after its checkpoint.</summary>
    public string Name { get; init; } = string.Empty;
}
