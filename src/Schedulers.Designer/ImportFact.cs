using System.Collections.Immutable;

namespace Schedulers.Designer;

/// <summary>
/// A fact an import needs that its file does not hold (sd-scripts' number of processes, a data set's size): the page
/// shows a field for it next to the import box. The API checks a value given against <see cref="Maximum"/> or
/// <see cref="Choices"/> before the import sees it, and refuses a bad one with 400 naming the field.
/// </summary>
/// <param name="Name">The name the page sends the value under.</param>
/// <param name="Label">The field's label.</param>
/// <param name="DefaultValue">The value used when the field is left empty, as text; empty when the import does without it.</param>
/// <param name="Description">What the fact is and why the import needs it.</param>
public sealed record ImportFact(string Name, string Label, string DefaultValue, string Description)
{
    /// <summary>Gets the largest value when the fact is a count: a value given must be a whole number in [1, <see cref="Maximum"/>].</summary>
    public long? Maximum { get; init; }

    /// <summary>Gets the values the fact may take when it is a choice (shown as a list); empty when it is not.</summary>
    public ImmutableArray<string> Choices { get; init; } = [];
}
