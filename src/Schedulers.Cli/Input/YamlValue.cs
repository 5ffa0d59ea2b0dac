using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>What a YAML value holds, resolved as PyYAML's <c>safe_load</c> resolves plain scalars.</summary>
internal enum YamlValueKind
{
    /// <summary><c>null</c>, <c>~</c> or nothing.</summary>
    Null,

    /// <summary><c>true</c> / <c>false</c> (and YAML 1.1's <c>yes</c>, <c>no</c>, <c>on</c>, <c>off</c>).</summary>
    Boolean,

    /// <summary>A plain number.</summary>
    Number,

    /// <summary>A string: a quoted scalar, or a plain one that is no other kind.</summary>
    Text,

    /// <summary>A sequence; its items are scalars (a nested collection is an item of kind <see cref="Other"/>).</summary>
    List,

    /// <summary>A mapping, a nested collection or a tag the import does not read: kept only to be refused by name.</summary>
    Other,
}

/// <summary>One value of a YAML mapping, with the text it was written as (a refusal quotes it).</summary>
internal sealed record YamlValue(YamlValueKind Kind, string Written)
{
    /// <summary>The number, for <see cref="YamlValueKind.Number"/> (possibly not finite: <c>.inf</c>, <c>.nan</c>).</summary>
    public double Number { get; init; } = double.NaN;

    /// <summary>Whether a number was written as an integer (no point, no exponent), as Python's <c>int</c>.</summary>
    public bool IsInteger { get; init; }

    /// <summary>The truth value, for <see cref="YamlValueKind.Boolean"/>.</summary>
    public bool Boolean { get; init; }

    /// <summary>The items, for <see cref="YamlValueKind.List"/>.</summary>
    public ImmutableArray<YamlValue> Items { get; init; } = [];
}
