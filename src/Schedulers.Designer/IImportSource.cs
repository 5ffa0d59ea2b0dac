using System.Collections.Immutable;

namespace Schedulers.Designer;

/// <summary>
/// One kind of file the designer imports (our JSON, sd-scripts TOML, a Hugging Face <c>TrainingArguments</c> JSON, ...).
/// The command line supplies its importers through this interface, so a new importer is one more instance in
/// <see cref="DesignerSettings.ImportSources"/> and the page lists it with no change of its own.
/// </summary>
public interface IImportSource
{
    /// <summary>Gets the name the page sends (<c>json</c>, <c>kohya</c>, <c>hf</c>, ...).</summary>
    string Name { get; }

    /// <summary>Gets what a person reads in the source picker.</summary>
    string Label { get; }

    /// <summary>Gets the facts this source needs besides the file, shown as fields; empty when none.</summary>
    ImmutableArray<ImportFact> Facts { get; }

    /// <summary>Reads the text of one file.</summary>
    /// <param name="text">The file's text, held in memory only.</param>
    /// <param name="facts">The values of <see cref="Facts"/> given, by name, each checked against its fact (absent ones take their default).</param>
    /// <returns>The configuration and notes.</returns>
    /// <exception cref="DesignerInputException">The file is refused; every problem is listed.</exception>
    /// <exception cref="ScheduleConfigurationException">Our JSON is refused by the library.</exception>
    ImportOutcome Import(string text, IReadOnlyDictionary<string, string> facts);
}
