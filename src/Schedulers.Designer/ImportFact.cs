namespace Schedulers.Designer;

/// <summary>
/// A fact an import needs that its file does not hold (sd-scripts' number of processes, a data set's size): the page
/// shows a field for it next to the import box.
/// </summary>
/// <param name="Name">The name the page sends the value under.</param>
/// <param name="Label">The field's label.</param>
/// <param name="DefaultValue">The value used when the field is left empty, as text.</param>
/// <param name="Description">What the fact is and why the import needs it.</param>
public sealed record ImportFact(string Name, string Label, string DefaultValue, string Description);
