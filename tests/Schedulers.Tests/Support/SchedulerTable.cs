namespace Schedulers.Tests.Support;

/// <summary>One kind of per-scheduler knowledge the tests keep, seen without its values (for the catalog checks).</summary>
internal interface ISchedulerTable
{
    /// <summary>Gets where the table is, as a developer adding a scheduler looks for it.</summary>
    string Location { get; }

    /// <summary>Gets the scheduler names the table has an entry for.</summary>
    IEnumerable<string> Names { get; }

    /// <summary>The failure message for a scheduler with no entry: what to add, and where.</summary>
    string MissingMessage(string scheduler);
}

/// <summary>
/// What the tests know about each scheduler, one entry per scheduler of <see cref="SchedulerCatalog.All"/>, spelled as
/// the catalog spells it: the knowledge itself, or the reason there is none. There is no default: a scheduler with no
/// entry fails loudly, naming the table to add it to, and PerSchedulerKnowledgeTests checks every table against the
/// catalog in both directions.
/// </summary>
/// <typeparam name="T">The knowledge.</typeparam>
internal sealed class SchedulerTable<T> : ISchedulerTable
    where T : class
{
    private readonly Dictionary<string, SchedulerEntry<T>> _entries;
    private readonly string _knowledge;

    /// <param name="knowledge">What an entry holds, as in "add {knowledge} for it", e.g. "a generator of random valid configurations".</param>
    /// <param name="location">The table's name and file.</param>
    /// <param name="entries">The entries, built with collection initializers (so that a name twice throws).</param>
    public SchedulerTable(string knowledge, string location, Dictionary<string, SchedulerEntry<T>> entries)
    {
        _knowledge = knowledge;
        Location = location;
        _entries = entries;
    }

    public string Location { get; }

    public IEnumerable<string> Names => _entries.Keys;

    /// <summary>Gets whether the entry of <paramref name="scheduler"/> is a deliberate "none"; fails when there is no entry.</summary>
    public bool HasNone(string scheduler) => Entry(scheduler).Value is null;

    /// <summary>Gets what the table knows about <paramref name="scheduler"/>; fails when there is no entry or the entry says none.</summary>
    public T For(string scheduler)
    {
        var entry = Entry(scheduler);
        return entry.Value ?? throw new InvalidOperationException($"{scheduler} has no {_knowledge} ({Location}): {entry.NoneBecause}");
    }

    public string MissingMessage(string scheduler) =>
        $"scheduler '{scheduler}' has no entry in {Location}: add {_knowledge} for it there, " +
        "or, if it can have none, an entry saying why (never a default arm).";

    private SchedulerEntry<T> Entry(string scheduler) =>
        _entries.TryGetValue(scheduler, out var entry) ? entry : throw new Xunit.Sdk.XunitException(MissingMessage(scheduler));
}

/// <summary>One scheduler's entry in a <see cref="SchedulerTable{T}"/>: the knowledge, or why there is none.</summary>
internal sealed record SchedulerEntry<T>(T? Value, string? NoneBecause)
    where T : class
{
    public static SchedulerEntry<T> Of(T value) => new(value, null);

    public static SchedulerEntry<T> None(string because) => new(null, because);
}
