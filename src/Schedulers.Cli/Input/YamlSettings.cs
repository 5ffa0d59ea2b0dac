using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Schedulers.Cli;

/// <summary>
/// A YAML file of settings (LLaMA-Factory's <c>training_args.yaml</c>, which holds <c>TrainingArguments</c>' keys) read
/// with YamlDotNet's event parser into the same <see cref="JsonElement"/> a JSON file gives, so that one import reads
/// both. Plain scalars are typed by the YAML 1.2 core schema (<c>1e-5</c> is a number, as OmegaConf reads it; PyYAML's
/// YAML 1.1 would keep it as text); quoted scalars are text. Bad input is a <see cref="UsageException"/>, never another
/// exception: nesting is bounded, aliases are expanded within a budget (so that "billion laughs" is refused, not
/// expanded), a key given twice takes its last value as PyYAML does, with a note.
/// </summary>
internal static partial class YamlSettings
{
    /// <summary>The deepest nesting read, the same as the JSON path's <c>MaxDepth</c>.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most values an expanded document may hold (aliases count each time they are used).</summary>
    public const int MaxValues = 100_000;

    /// <summary>Reads one YAML document whose top level is a mapping, as JSON, with notes on what was read unusually.</summary>
    public static (JsonElement Root, ImmutableArray<string> Notes) Read(string yaml)
    {
        var notes = new List<string>();
        var root = Parse(yaml, notes);
        if (root is not Mapping)
        {
            throw new UsageException("a TrainingArguments YAML file is a mapping of settings (key: value lines).");
        }

        var buffer = new MemoryStream();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = MaxDepth }))
            {
                var budget = MaxValues;
                Write(root, writer, ref budget);
            }

            using var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = MaxDepth });
            return (document.RootElement.Clone(), [.. notes]);
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonWriter refuses to nest past MaxDepth: only aliases inside aliases get there.
            throw new UsageException($"the YAML file nests deeper than {MaxDepth} levels once its aliases are expanded.");
        }
        catch (ArgumentException exception)
        {
            // An escaped lone surrogate ("\ud800") reads as a .NET string that is not valid UTF-16.
            throw new UsageException($"the YAML file holds text that is not valid Unicode: {exception.Message}");
        }
    }

    private static Node Parse(string yaml, List<string> notes)
    {
        var parser = new Parser(new StringReader(yaml));
        var anchors = new Dictionary<string, Node>(StringComparer.Ordinal);
        var open = new Stack<Container>();
        Node? document = null;
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart:
                        if (++documents > 1)
                        {
                            throw new UsageException("the YAML file holds more than one document (---): give the settings as one mapping.");
                        }

                        break;
                    case MappingStart start:
                        Push(open, new Mapping(Anchor(start.Anchor)), parser.Current);
                        break;
                    case SequenceStart start:
                        Push(open, new Sequence(Anchor(start.Anchor)), parser.Current);
                        break;
                    case MappingEnd or SequenceEnd:
                        var done = open.Pop();
                        Remember(anchors, done.Anchor, done);
                        Add(open, done, ref document, notes, parser.Current);
                        break;
                    case YamlDotNet.Core.Events.Scalar scalar:
                        var value = Resolve(scalar);
                        Remember(anchors, Anchor(scalar.Anchor), value);
                        Add(open, value, ref document, notes, parser.Current);
                        break;
                    case AnchorAlias alias:
                        // An anchor is known once its node is complete: an alias inside its own anchor's node is refused, not a cycle.
                        Add(open, anchors.GetValueOrDefault(alias.Value.Value)
                            ?? throw new UsageException($"the YAML alias *{alias.Value.Value} (line {alias.Start.Line}) names no anchor defined before it."), ref document, notes, parser.Current);
                        break;
                }
            }
        }
        catch (YamlException exception)
        {
            throw new UsageException($"the file is not valid YAML (line {exception.Start.Line}, column {exception.Start.Column}): {exception.Message}");
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet 18.1.0's scanner throws InvalidOperationException on some malformed input (an unclosed flow
            // sequence before a "key:" line): it is still the file's fault, not ours.
            throw new UsageException($"the file is not valid YAML (the parser stopped at line {parser.Current?.Start.Line.ToString(CultureInfo.InvariantCulture) ?? "?"}): {exception.Message}");
        }

        return document ?? throw new UsageException("the YAML file is empty: it holds no settings.");
    }

    private static void Push(Stack<Container> open, Container container, ParsingEvent at)
    {
        if (open.Count >= MaxDepth)
        {
            throw new UsageException($"the YAML file nests deeper than {MaxDepth} levels (line {at.Start.Line}).");
        }

        open.Push(container);
    }

    private static void Remember(Dictionary<string, Node> anchors, string? anchor, Node node)
    {
        if (anchor is not null)
        {
            anchors[anchor] = node;
        }
    }

    private static void Add(Stack<Container> open, Node node, ref Node? document, List<string> notes, ParsingEvent at)
    {
        if (open.Count == 0)
        {
            document = node;
            return;
        }

        switch (open.Peek())
        {
            case Sequence sequence:
                sequence.Items.Add(node);
                break;
            case Mapping { PendingKey: null } mapping:
                mapping.PendingKey = node is Scalar { Value: var key } ? key ?? "null"
                    : throw new UsageException($"a YAML key (line {at.Start.Line}) is a list or a mapping: keys of settings are names.");
                break;
            case Mapping mapping:
                if (mapping.Entries.ContainsKey(mapping.PendingKey))
                {
                    // PyYAML's constructor keeps the last value of a repeated key without a word; say which one is read.
                    notes.Add($"'{mapping.PendingKey}' is given more than once in the YAML file: the last value (line {at.Start.Line}) is read, as PyYAML reads it.");
                    mapping.Entries.Remove(mapping.PendingKey);
                }

                mapping.Entries.Add(mapping.PendingKey, node);
                mapping.PendingKey = null;
                break;
        }
    }

    private static string? Anchor(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

    /// <summary>Types a scalar as the YAML 1.2 core schema does; a quoted or block scalar, or one tagged <c>!!str</c>, is text.</summary>
    private static Scalar Resolve(YamlDotNet.Core.Events.Scalar scalar)
    {
        var text = scalar.Value;
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        var plain = scalar.Style == ScalarStyle.Plain && tag is null;
        switch (tag)
        {
            case "tag:yaml.org,2002:str":
                return new Scalar(ScalarKind.Text, text);
            case "tag:yaml.org,2002:null":
                return new Scalar(ScalarKind.Null, null);
            case "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float":
                plain = true;
                break;
        }

        if (!plain)
        {
            return new Scalar(ScalarKind.Text, text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return new Scalar(ScalarKind.Null, null);
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return new Scalar(ScalarKind.Boolean, text);
        }

        return CoreNumber().IsMatch(text) || CoreSpecial().IsMatch(text) || CoreBased().IsMatch(text)
            ? new Scalar(ScalarKind.Number, text)
            : new Scalar(ScalarKind.Text, text);
    }

    private static void Write(Node node, Utf8JsonWriter writer, ref int budget)
    {
        if (--budget < 0)
        {
            throw new UsageException($"the YAML file expands to more than {MaxValues} values (aliases repeat what they name): it is not a file of settings.");
        }

        switch (node)
        {
            case Mapping mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Entries)
                {
                    writer.WritePropertyName(key);
                    Write(value, writer, ref budget);
                }

                writer.WriteEndObject();
                break;
            case Sequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(item, writer, ref budget);
                }

                writer.WriteEndArray();
                break;
            case Scalar { Kind: ScalarKind.Null }:
                writer.WriteNullValue();
                break;
            case Scalar { Kind: ScalarKind.Boolean, Value: var flag }:
                writer.WriteBooleanValue(flag![0] is 't' or 'T');
                break;
            case Scalar { Kind: ScalarKind.Number, Value: var number }:
                WriteNumber(number!, writer);
                break;
            case Scalar { Value: var text }:
                writer.WriteStringValue(text);
                break;
        }
    }

    /// <summary>
    /// A number as written when JSON can hold it so (a refusal quotes what the user wrote); otherwise its value, and
    /// <c>.inf</c> / <c>.nan</c> as text, which the import refuses as "not a finite number".
    /// </summary>
    private static void WriteNumber(string text, Utf8JsonWriter writer)
    {
        if (JsonNumber().IsMatch(text))
        {
            writer.WriteRawValue(text);
        }
        else if (CoreBased().IsMatch(text))
        {
            var hex = text.StartsWith("0x", StringComparison.Ordinal);
            var digits = text[2..];
            if (digits.Length <= 15)
            {
                writer.WriteNumberValue(hex ? long.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) : Convert.ToInt64(digits, 8));
            }
            else
            {
                writer.WriteStringValue(text);
            }
        }
        else if (!CoreSpecial().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CoreNumber();

    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN)$", RegexOptions.CultureInvariant)]
    private static partial Regex CoreSpecial();

    [GeneratedRegex(@"^(0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex CoreBased();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();

    private enum ScalarKind
    {
        Null,
        Boolean,
        Number,
        Text,
    }

    private abstract class Node;

    private abstract class Container(string? anchor) : Node
    {
        public string? Anchor { get; } = anchor;
    }

    private sealed class Mapping(string? anchor) : Container(anchor)
    {
        public OrderedDictionary<string, Node> Entries { get; } = new(StringComparer.Ordinal);

        public string? PendingKey { get; set; }
    }

    private sealed class Sequence(string? anchor) : Container(anchor)
    {
        public List<Node> Items { get; } = [];
    }

    private sealed class Scalar(ScalarKind kind, string? value) : Node
    {
        public ScalarKind Kind { get; } = kind;

        public string? Value { get; } = value;
    }
}
