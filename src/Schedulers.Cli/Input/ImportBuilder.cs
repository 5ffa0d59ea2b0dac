using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>
/// Collects what an import translates: our keys with the original setting each came from, and notes of what it did not
/// carry over. Shared by the Kohya and Hugging Face imports.
/// </summary>
internal sealed class ImportBuilder
{
    private readonly List<KeyValuePair<string, ParameterValue>> _entries = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _warnings = [];
    private readonly ImmutableDictionary<string, string>.Builder _origins = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);

    /// <summary>Sets one of our keys, remembering the original setting it came from.</summary>
    public void Set(string key, ParameterValue value, string origin)
    {
        _entries.Add(new(key, value));
        _origins[key] = origin;
    }

    /// <summary>Records something the import ignored or assumed.</summary>
    public void Note(string note) => _notes.Add(note);

    /// <summary>Records something the import reproduced as the tool did, though it is probably not what the user meant.</summary>
    public void Warn(string warning) => _warnings.Add(warning);

    public ImportedConfiguration Build() => new(ScheduleOptions.FromEntries(_entries), [.. _notes], _origins.ToImmutable()) { Warnings = [.. _warnings] };
}
