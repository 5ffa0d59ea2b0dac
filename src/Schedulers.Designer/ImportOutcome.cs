using System.Collections.Immutable;

namespace Schedulers.Designer;

/// <summary>What an import made of a file: a configuration in our vocabulary and the notes of what it left out.</summary>
/// <param name="Options">The configuration, not yet validated (the page shows its problems like any other).</param>
/// <param name="Notes">What the import ignored or changed, one sentence each.</param>
public sealed record ImportOutcome(ScheduleOptions Options, ImmutableArray<string> Notes);
