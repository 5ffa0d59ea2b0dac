using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Schedulers.Cli;

/// <summary>
/// The top-level mapping of a one-document YAML file (timm's <c>args.yaml</c>, a <c>yaml.safe_dump</c> of an argparse
/// namespace), read from YamlDotNet's event parser rather than its object model: nested collections are skipped by
/// counting, never by recursion, so no nesting depth can exhaust the stack. Scalars are resolved as PyYAML's
/// <c>safe_load</c> resolves them, except that <c>1e-5</c> is a number (PyYAML reads a string, which train.py's argparse
/// then converts with <c>type=float</c>). Anything that is not such a file is a <see cref="UsageException"/>.
/// </summary>
/// <param name="Values">Each key's value; a key written twice keeps its last value, as PyYAML does.</param>
/// <param name="Repeated">The keys written more than once.</param>
internal sealed record YamlMapping(OrderedDictionary<string, YamlValue> Values, ImmutableHashSet<string> Repeated)
{
    private const int MaxFlowDepth = 64;

    private static readonly HashSet<string> Nulls = new(["", "~", "null", "Null", "NULL"], StringComparer.Ordinal);
    private static readonly HashSet<string> Trues = new(["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"], StringComparer.Ordinal);
    private static readonly HashSet<string> Falses = new(["false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"], StringComparer.Ordinal);

    /// <summary>Reads <paramref name="yaml"/>, refusing invalid YAML, several documents, and a document that is not a mapping.</summary>
    public static YamlMapping Read(string yaml)
    {
        // YamlDotNet's scanner revisits every open flow level at each token: 100,000 nested '[' take minutes. Brackets
        // are counted before parsing (quoted ones too, which can only over-count), and deep flow nesting is refused.
        var depth = 0;
        foreach (var character in yaml)
        {
            depth = character is '[' or '{' ? depth + 1 : character is ']' or '}' ? Math.Max(0, depth - 1) : depth;
            if (depth > MaxFlowDepth)
            {
                throw new UsageException($"the file nests [ or {{ deeper than {MaxFlowDepth} levels; an args.yaml is a mapping of plain values and lists.");
            }
        }

        try
        {
            return Parse(new Parser(new StringReader(yaml)));
        }
        catch (Exception exception) when (exception is YamlException or InvalidOperationException)
        {
            // YamlDotNet 18.1 throws InvalidOperationException ("The scanner should contain no more tokens.") for a
            // document-end marker before any document ("...\nsched: cosine"): invalid YAML as well.
            throw new UsageException($"the file is not valid YAML: {exception.Message}");
        }
    }

    private static YamlMapping Parse(IParser parser)
    {
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            throw new UsageException("the file is empty: an args.yaml is a mapping of train.py's arguments.");
        }

        parser.Consume<DocumentStart>();
        if (!parser.TryConsume<MappingStart>(out _))
        {
            throw new UsageException("the file is not a YAML mapping of arguments (an args.yaml is one `key: value` per line).");
        }

        var values = new OrderedDictionary<string, YamlValue>(StringComparer.Ordinal);
        var repeated = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var anchors = new Dictionary<string, YamlValue>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadValue(parser, anchors);
            var value = ReadValue(parser, anchors);
            if (key.Kind is YamlValueKind.List or YamlValueKind.Other)
            {
                continue; // a complex key names no argument
            }

            if (!values.TryAdd(key.Written, value))
            {
                repeated.Add(key.Written);
                values[key.Written] = value;
            }
        }

        parser.Consume<DocumentEnd>();
        if (!parser.Accept<StreamEnd>(out _))
        {
            // yaml.safe_load refuses a stream of several documents ("expected a single document in the stream").
            throw new UsageException("the file holds more than one YAML document; an args.yaml is one mapping.");
        }

        return new YamlMapping(values, repeated.ToImmutable());
    }

    /// <summary>One node: a scalar, an alias of an earlier one, a sequence of scalars, or anything else skipped whole.</summary>
    private static YamlValue ReadValue(IParser parser, Dictionary<string, YamlValue> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var earlier)
                ? earlier
                : throw new UsageException($"the file is not valid YAML: the alias *{alias.Value.Value} names no anchor before it.");
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return Remember(scalar.Anchor, Resolve(scalar), anchors);
        }

        if (parser.TryConsume<SequenceStart>(out var sequence))
        {
            var items = ImmutableArray.CreateBuilder<YamlValue>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(parser.Accept<Scalar>(out _) || parser.Accept<AnchorAlias>(out _) ? ReadValue(parser, anchors) : Skip(parser));
            }

            var list = new YamlValue(YamlValueKind.List, "[" + string.Join(", ", items.Select(item => item.Written)) + "]") { Items = items.ToImmutable() };
            return Remember(sequence.Anchor, list, anchors);
        }

        return Skip(parser);
    }

    private static YamlValue Remember(AnchorName anchor, YamlValue value, Dictionary<string, YamlValue> anchors)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = value;
        }

        return value;
    }

    /// <summary>Skips one node of any depth by counting its starts and ends.</summary>
    private static YamlValue Skip(IParser parser)
    {
        var depth = 0;
        do
        {
            var current = parser.Current ?? throw new YamlException("the document ends inside a collection.");
            depth += current switch
            {
                MappingStart or SequenceStart => 1,
                MappingEnd or SequenceEnd => -1,
                _ => 0,
            };
            if (!parser.MoveNext() && depth > 0)
            {
                throw new YamlException("the document ends inside a collection.");
            }
        }
        while (depth > 0);

        return new YamlValue(YamlValueKind.Other, "a nested collection");
    }

    /// <summary>PyYAML's resolution: a quoted scalar is a string; a plain one is null, a boolean, a number or a string.</summary>
    private static YamlValue Resolve(Scalar scalar)
    {
        var text = scalar.Value;
        var tag = scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value;
        return tag switch
        {
            null when scalar.Style is not ScalarStyle.Plain => new YamlValue(YamlValueKind.Text, text),
            null or "tag:yaml.org,2002:null" when Nulls.Contains(text) => new YamlValue(YamlValueKind.Null, "null"),
            null or "tag:yaml.org,2002:bool" when Trues.Contains(text) => new YamlValue(YamlValueKind.Boolean, text) { Boolean = true },
            null or "tag:yaml.org,2002:bool" when Falses.Contains(text) => new YamlValue(YamlValueKind.Boolean, text) { Boolean = false },
            null or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" when Number(text) is { } number => number,
            null or "tag:yaml.org,2002:str" => new YamlValue(YamlValueKind.Text, text),
            _ => new YamlValue(YamlValueKind.Other, $"{text} (tagged {tag})"),
        };
    }

    /// <summary>A decimal number, with PyYAML's underscores and its <c>.inf</c> / <c>.nan</c> spellings.</summary>
    private static YamlValue? Number(string text)
    {
        var signless = text.TrimStart('+', '-');
        var negative = text.StartsWith('-');
        if (signless is ".inf" or ".Inf" or ".INF")
        {
            return new YamlValue(YamlValueKind.Number, text) { Number = negative ? double.NegativeInfinity : double.PositiveInfinity };
        }

        if (text is ".nan" or ".NaN" or ".NAN")
        {
            return new YamlValue(YamlValueKind.Number, text) { Number = double.NaN };
        }

        // Digits, one sign, a point, an exponent: nothing double.Parse would also take ("Infinity", spaces, "1,5").
        var plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var digits = plain.TrimStart('+', '-');
        if (digits.Length == 0 || plain.Length - digits.Length > 1 || !char.IsAsciiDigit(digits[0]) && digits[0] != '.'
            || !digits.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-'))
        {
            return null;
        }

        if (!double.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return new YamlValue(YamlValueKind.Number, text) { Number = number, IsInteger = digits.All(char.IsAsciiDigit) };
    }
}
