using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>
/// One of the command line's importers offered to the designer: the same reader as <c>--from</c>, given the text the
/// page sent instead of a file. Refusals come back as the designer's problem list.
/// </summary>
/// <param name="Name">The name the page sends.</param>
/// <param name="Label">What a person reads in the picker.</param>
/// <param name="Read">The importer: the file's text and the facts given (absent ones take their default).</param>
internal sealed record DesignerImport(string Name, string Label, Func<string, Func<string, string>, ImportedConfiguration> Read) : IImportSource
{
    /// <inheritdoc />
    public ImmutableArray<ImportFact> Facts { get; init; } = [];

    /// <summary>The <c>--from</c> sources this import reads (a test checks that every source has one).</summary>
    public ImmutableArray<ConfigurationSource> Sources { get; init; } = [];

    /// <inheritdoc />
    public ImportOutcome Import(string text, IReadOnlyDictionary<string, string> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        string Fact(string name) => facts.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : Facts.FirstOrDefault(fact => fact.Name == name)?.DefaultValue ?? throw new DesignerInputException($"the import needs '{name}'.");

        try
        {
            var imported = Read(text, Fact);
            return new ImportOutcome(imported.Options, imported.Notes);
        }
        catch (UsageException refused)
        {
            throw new DesignerInputException(refused.Problems);
        }
    }
}
