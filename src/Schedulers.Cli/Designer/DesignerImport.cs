using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Schedulers.Cli;

/// <summary>
/// One of the command line's importers offered to the designer: the same reader as <c>--from</c>, given the text the
/// page sent instead of a file. Refusals come back as the designer's problem list. The importers word what they need as
/// the command line's options (<c>give --images N</c>); through the page, each option that a field of this import gives
/// is reworded as that field (<c>fill in the 'images × repeats' field</c>), in refusals and notes alike.
/// </summary>
/// <param name="Name">The name the page sends.</param>
/// <param name="Label">What a person reads in the picker.</param>
/// <param name="Read">The importer: the file's text and the facts given, by name (absent ones are not in it).</param>
internal sealed record DesignerImport(string Name, string Label, Func<string, IReadOnlyDictionary<string, string>, ImportedConfiguration> Read) : IImportSource
{
    /// <summary>The facts the page shows as fields, each with the command-line option its importer names it by.</summary>
    public ImmutableArray<DesignerFact> Fields { get; init; } = [];

    /// <inheritdoc />
    public ImmutableArray<ImportFact> Facts => [.. Fields.Select(entry => entry.Fact)];

    /// <summary>The <c>--from</c> sources this import reads (a test checks that every source has one).</summary>
    public ImmutableArray<ConfigurationSource> Sources { get; init; } = [];

    /// <inheritdoc />
    public ImportOutcome Import(string text, IReadOnlyDictionary<string, string> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        try
        {
            var imported = Read(text, facts);
            return new ImportOutcome(imported.Options, [.. imported.Notes.Select(Reword)]);
        }
        catch (UsageException refused)
        {
            throw new DesignerInputException([.. refused.Problems.Select(Reword)]);
        }
    }

    /// <summary>A count the API has checked (<see cref="ImportFact.Maximum"/>), or <see langword="null"/> when not given.</summary>
    public static long? Count(IReadOnlyDictionary<string, string> facts, ImportFact fact)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(fact);
        if (!facts.TryGetValue(fact.Name, out var text))
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= (fact.Maximum ?? long.MaxValue)
            ? value
            : throw new DesignerInputException($"the '{fact.Label}' field: '{text}' is not a whole number in [1, {(fact.Maximum ?? long.MaxValue).ToString(CultureInfo.InvariantCulture)}].");
    }

    /// <summary>A message with each option of <see cref="Fields"/> named as its field.</summary>
    public string Reword(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var (fact, option) in Fields)
        {
            var flag = $@"(?<![\w-]){Regex.Escape(option)}(?![\w-])";
            var field = $"the '{fact.Label}' field";
            message = Regex.Replace(message, $@"\bgive {flag} N\b", $"fill in {field}");
            message = Regex.Replace(message, $@"\bgive {flag} (\w+)", $"set {field} to $1");
            message = Regex.Replace(message, $@"{flag} N\b", field);
            message = Regex.Replace(message, $@"{flag} (\d+|ceil|floor)\b", $"{field} ($1)");
            message = Regex.Replace(message, flag, field);
        }

        return message.Replace("leave the option out", "leave the field empty", StringComparison.Ordinal);
    }
}

/// <summary>A fact of a <see cref="DesignerImport"/> and the command-line option that gives it (<c>--images</c>).</summary>
/// <param name="Fact">The fact, as the page shows it.</param>
/// <param name="Option">The option its importer's messages name it by.</param>
internal sealed record DesignerFact(ImportFact Fact, string Option);
