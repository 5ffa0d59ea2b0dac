using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>
/// One row of an import table: a setting of the source tool, the key of ours it becomes, and, for a setting only some of
/// the tool's schedules read, which ones. With any other schedule the tool ignores the setting, and so does the import,
/// with a note; a row without a key of ours marks a setting the tool reads without it reaching the schedule (to refuse it,
/// or as a list of keyword arguments), and its <see cref="Note"/> says why.
/// </summary>
/// <param name="Source">The setting as the tool spells it.</param>
/// <param name="Target">The <see cref="ScheduleKeys"/> key it becomes, or <see langword="null"/> when it becomes none.</param>
internal sealed record ImportRule(string Source, string? Target)
{
    /// <summary>The tool's schedules that read the setting; empty for a setting every schedule reads.</summary>
    public ImmutableArray<string> UsedBy { get; init; } = [];

    /// <summary>How the tool reads the value (a table-driven import reads it so).</summary>
    public ImportValueType Type { get; init; } = ImportValueType.Number;

    /// <summary>What the tool uses when the setting is absent; <see langword="null"/>: an absent setting is not carried over.</summary>
    public double? Default { get; init; }

    /// <summary>
    /// What the tool uses when the setting is missing altogether (or JSON <c>null</c>), where that differs from
    /// <see cref="Default"/>: the Kohya GUI reads <c>""</c> as <see cref="Default"/> but keeps its field's own default for a
    /// key the file lacks. <see langword="null"/>: the same as <see cref="Default"/>.
    /// </summary>
    public double? WhenAbsent { get; init; }

    /// <summary>What the tool multiplies the value by on the way to the schedule (sd-scripts halves some cycle counts).</summary>
    public double Scale { get; init; } = 1;

    /// <summary>Why the setting is read as it is, or what the tool does with it instead of carrying it over.</summary>
    public string? Note { get; init; }

    /// <summary>The original setting a refusal names for the key of ours this row sets: <see cref="Source"/> unless the value is changed on the way.</summary>
    public string Origin
    {
        get => field ?? Source;
        init;
    }

    /// <summary>Whether the tool reads the setting with <paramref name="schedule"/>.</summary>
    public bool IsUsedBy(string schedule) => UsedBy.IsEmpty || UsedBy.Contains(schedule, StringComparer.Ordinal);
}
