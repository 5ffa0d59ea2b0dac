using System.Collections.Immutable;

namespace Schedulers;

/// <summary>
/// A schedule configuration in the contract's vocabulary (<c>scheduler</c>, <c>learning_rate</c>, <c>total_steps</c>, ...):
/// the one type that the builder, JSON and the command line all produce. It holds the entries exactly as received,
/// in order, duplicates included, so that validation can report every problem; it is immutable.
/// </summary>
public sealed class ScheduleOptions
{
    /// <summary>The key that names the scheduler.</summary>
    public const string SchedulerKey = ScheduleKeys.Scheduler;

    private ScheduleOptions(ImmutableArray<KeyValuePair<string, ParameterValue>> entries) => Entries = entries;

    /// <summary>Gets a configuration with no entries.</summary>
    public static ScheduleOptions Empty { get; } = new([]);

    /// <summary>Gets the entries in the order they were given (a key given twice appears twice).</summary>
    public ImmutableArray<KeyValuePair<string, ParameterValue>> Entries { get; }

    /// <summary>Gets the scheduler name as given, or <see langword="null"/> when it is missing or not a string.</summary>
    public string? Scheduler => TryGetValue(SchedulerKey, out var value) && value.Kind == ParameterValueKind.Text ? value.TextValue : null;

    /// <summary>Creates a configuration from entries, keeping their order and any duplicates.</summary>
    /// <param name="entries">The entries.</param>
    /// <returns>The configuration.</returns>
    public static ScheduleOptions FromEntries(IEnumerable<KeyValuePair<string, ParameterValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return new([.. entries]);
    }

    /// <summary>Gets the first value given for a key.</summary>
    /// <param name="key">The key, matched exactly.</param>
    /// <param name="value">The value, when present.</param>
    /// <returns><see langword="true"/> when the key is present.</returns>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ParameterValue? value)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Gets whether a key is present.</summary>
    /// <param name="key">The key, matched exactly.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(string key) => TryGetValue(key, out _);

    /// <summary>Returns a copy in which <paramref name="key"/> has exactly the given value (replacing every earlier one in place, or appended).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new configuration.</returns>
    public ScheduleOptions With(string key, ParameterValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var builder = ImmutableArray.CreateBuilder<KeyValuePair<string, ParameterValue>>(Entries.Length + 1);
        var replaced = false;
        foreach (var entry in Entries)
        {
            if (!string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                builder.Add(entry);
            }
            else if (!replaced)
            {
                builder.Add(new(key, value));
                replaced = true;
            }
        }

        if (!replaced)
        {
            builder.Add(new(key, value));
        }

        return new(builder.ToImmutable());
    }

    /// <summary>Returns a copy without <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The new configuration.</returns>
    public ScheduleOptions Without(string key) =>
        new([.. Entries.Where(entry => !string.Equals(entry.Key, key, StringComparison.Ordinal))]);

    /// <summary>Reads a configuration from JSON in the contract's vocabulary. Structure is checked here; values are checked when a schedule is created.</summary>
    /// <param name="json">A JSON object.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ScheduleConfigurationException">The text is not a JSON object.</exception>
    public static ScheduleOptions FromJson(string json) => ScheduleJson.Read(json);

    /// <summary>Writes the configuration as JSON, entries in order.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ScheduleJson.Write(this);

    /// <inheritdoc />
    public override string ToString() => ToJson();
}
