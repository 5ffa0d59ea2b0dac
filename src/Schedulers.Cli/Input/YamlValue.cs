using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>What a YAML value holds, its scalars resolved by <see cref="YamlScalars"/>.</summary>
internal enum YamlValueKind
{
    /// <summary><c>null</c>, <c>~</c> or nothing.</summary>
    Null,

    /// <summary><c>true</c> / <c>false</c> (and, in YAML 1.1, <c>yes</c>, <c>no</c>, <c>on</c>, <c>off</c>).</summary>
    Boolean,

    /// <summary>A plain number.</summary>
    Number,

    /// <summary>A string: a quoted scalar, or a plain one that is no other kind.</summary>
    Text,

    /// <summary>A sequence.</summary>
    List,

    /// <summary>A mapping.</summary>
    Mapping,

    /// <summary>A scalar tagged as something its text is not, or with a tag the tools refuse: kept only to be refused by name.</summary>
    Other,
}

/// <summary>One value of a YAML file of settings, with the text it was written as (a refusal quotes it).</summary>
internal sealed record YamlValue(YamlValueKind Kind, string Text)
{
    /// <summary>The number, for <see cref="YamlValueKind.Number"/> (possibly not finite: <c>.inf</c>, <c>.nan</c>, <c>1e999</c>).</summary>
    public double Number { get; init; } = double.NaN;

    /// <summary>Whether a number was written as an integer (no point, no exponent), as Python's <c>int</c>.</summary>
    public bool IsInteger { get; init; }

    /// <summary>The truth value, for <see cref="YamlValueKind.Boolean"/>.</summary>
    public bool Boolean { get; init; }

    /// <summary>The items, for <see cref="YamlValueKind.List"/>.</summary>
    public ImmutableArray<YamlValue> Items { get; init; } = [];

    /// <summary>The entries in the order written, for <see cref="YamlValueKind.Mapping"/>.</summary>
    public IReadOnlyDictionary<string, YamlValue> Entries { get; init; } = ImmutableDictionary<string, YamlValue>.Empty;

    /// <summary>The keys of <see cref="Entries"/> written more than once (each keeps its last value).</summary>
    public IReadOnlySet<string> Repeated { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>
    /// The value as written, for a note or a refusal: a list's items, but a nested collection only named, since with
    /// aliases its text could be exponentially long.
    /// </summary>
    public string Written => Kind switch
    {
        YamlValueKind.List => "[" + string.Join(", ", Items.Select(item => item.Kind is YamlValueKind.List or YamlValueKind.Mapping ? "a nested collection" : item.Written)) + "]",
        YamlValueKind.Mapping => "a nested collection",
        _ => Text,
    };
}
