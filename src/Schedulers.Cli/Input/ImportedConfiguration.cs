using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>
/// A configuration in our vocabulary, with what the import did not carry over (notes) and, for each of our keys, the
/// setting of the original tool it came from, so that a refusal names what the user actually wrote.
/// </summary>
internal sealed record ImportedConfiguration(ScheduleOptions Options, ImmutableArray<string> Notes, ImmutableDictionary<string, string> Origins)
{
    /// <summary>What the import reproduced faithfully but the user probably did not mean (printed as warnings).</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    public static ImportedConfiguration Native(ScheduleOptions options) => new(options, [], ImmutableDictionary<string, string>.Empty);

    /// <summary>
    /// Gets the parameter groups that train at rates of their own, the first of which <see cref="Options"/> describes;
    /// empty when every parameter follows <see cref="Options"/>.
    /// </summary>
    public ImmutableArray<ImportedGroup> Groups { get; init; } = [];

    /// <summary>This configuration with further notes.</summary>
    public ImportedConfiguration WithNotes(IEnumerable<string> notes) => this with { Notes = Notes.AddRange(notes) };

    /// <summary>The configuration of the group named <paramref name="name"/> (<c>--group</c>), as the one a command works on.</summary>
    public ImportedConfiguration SelectGroup(string name)
    {
        if (Groups.IsEmpty)
        {
            throw new UsageException($"--group {name}: this configuration has no parameter groups of their own (every parameter follows learning_rate).");
        }

        var group = Groups.FirstOrDefault(group => group.Name == name)
            ?? throw new UsageException($"--group {name} is not a parameter group of this configuration; its groups are {string.Join(", ", Groups.Select(group => group.Name))}.");
        return this with
        {
            Options = group.Options,
            Origins = Origins.SetItem(ScheduleKeys.LearningRate, group.Origin),
            Notes = [.. Notes.Where(note => !note.StartsWith(GroupNotePrefix, StringComparison.Ordinal))],
        };
    }

    /// <summary>How the note listing the other groups starts (dropped once a group is chosen).</summary>
    public const string GroupNotePrefix = "parameter groups: ";

    /// <summary>Builds the schedule, naming the original settings in any problem.</summary>
    public LearningRateSchedule CreateSchedule() => Create(LearningRateSchedule.Create);

    /// <summary>Builds a ReduceLROnPlateau scheduler, naming the original settings in any problem.</summary>
    public PlateauScheduler CreatePlateau() => Create(options => PlateauScheduler.Create(options));

    /// <summary>Gets whether the configuration names a scheduler that follows metrics (ReduceLROnPlateau).</summary>
    public bool IsMetricDriven => Options.Scheduler is { } name && SchedulerCatalog.Find(name) is { IsMetricDriven: true };

    private T Create<T>(Func<ScheduleOptions, T> create)
    {
        try
        {
            return create(Options);
        }
        catch (ScheduleConfigurationException exception) when (!Origins.IsEmpty)
        {
            throw new UsageException([.. exception.Problems.Select(problem => problem.Message + Provenance(problem))]);
        }
    }

    private string Provenance(ConfigurationProblem problem)
    {
        var origins = problem.Keys.Where(Origins.ContainsKey).Select(key => $"{key} comes from {Origins[key]}").ToArray();
        return origins.Length == 0 ? string.Empty : $" ({string.Join("; ", origins)})";
    }
}
