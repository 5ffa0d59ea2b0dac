using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Schedulers.Cli;

/// <summary>
/// A YAML file of settings (timm's <c>args.yaml</c>, LLaMA-Factory's <c>training_args.yaml</c>): one document whose top
/// level is a mapping, read from YamlDotNet's event parser with a stack of its own, never by recursion, its scalars
/// typed as the tool that reads the file types them (<see cref="YamlScalars"/>). Whatever is not such a file is a
/// <see cref="UsageException"/>, never another exception: nesting is bounded, aliases are counted as if expanded within
/// a budget (so that "billion laughs" is refused, not expanded), a key given twice keeps its last value as PyYAML's
/// constructor does, with a note.
/// </summary>
internal sealed class YamlReader
{
    /// <summary>The deepest nesting read, aliases expanded: the same as the JSON path's <c>MaxDepth</c>.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most values an expanded document may hold (aliases count each time they are used; keys do not).</summary>
    public const int MaxValues = 100_000;

    private readonly Stack<Open> _open = new();
    private readonly Dictionary<string, Expanded> _anchors = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];
    private int _values;
    private YamlValue? _root;

    private YamlReader()
    {
    }

    /// <summary>Reads <paramref name="yaml"/>'s mapping, with notes on what was read unusually.</summary>
    public static (YamlValue Root, ImmutableArray<string> Notes) Read(string yaml)
    {
        // YamlDotNet's scanner revisits every open flow level at each token (100,000 nested '[' took minutes), so
        // brackets are counted before parsing (quoted ones too, which can only over-count).
        var depth = 0;
        foreach (var character in yaml)
        {
            depth = character is '[' or '{' ? depth + 1 : character is ']' or '}' ? Math.Max(0, depth - 1) : depth;
            if (depth > MaxDepth)
            {
                throw new UsageException($"the YAML file nests deeper than {MaxDepth} levels of [ and {{.");
            }
        }

        var reader = new YamlReader();
        var root = reader.Walk(new Parser(new StringReader(yaml)));
        return root.Kind == YamlValueKind.Mapping
            ? (root, [.. reader._notes])
            : throw new UsageException("a YAML file of settings is a mapping of settings (key: value lines), not a list or a single value.");
    }

    private YamlValue Walk(Parser parser)
    {
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                var at = parser.Current!;
                switch (at)
                {
                    case DocumentStart when ++documents > 1:
                        // yaml.safe_load refuses a stream of several documents ("expected a single document in the stream").
                        throw new UsageException("the YAML file holds more than one document (---): give the settings as one mapping.");
                    case MappingStart or SequenceStart:
                        if (_open.Count >= MaxDepth)
                        {
                            throw new UsageException($"the YAML file nests deeper than {MaxDepth} levels (line {at.Start.Line}).");
                        }

                        _open.Push(new Open((NodeEvent)at, _values));
                        Count(1);
                        break;
                    case MappingEnd or SequenceEnd:
                        var done = _open.Pop();
                        Add(new Expanded(done.Close(), _values - done.Start, done.Depth + 1), 0, done.Anchor, at);
                        break;
                    case Scalar scalar:
                        Add(new Expanded(YamlScalars.Resolve(scalar), 1, 0), 1, scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, at);
                        break;
                    case AnchorAlias alias:
                        // An anchor is known once its node is complete: an alias inside its own anchor's node is refused, not a cycle.
                        var named = _anchors.GetValueOrDefault(alias.Value.Value)
                            ?? throw new UsageException($"the YAML alias *{alias.Value.Value} (line {alias.Start.Line}) names no anchor defined before it.");
                        if (_open.Count + named.Depth > MaxDepth)
                        {
                            throw new UsageException($"the YAML file nests deeper than {MaxDepth} levels once its aliases are expanded.");
                        }

                        Add(named, named.Size, null, at);
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
            // sequence before a "key:" line, "..." before any document): it is still the file's fault, not ours.
            throw new UsageException($"the file is not valid YAML (the parser stopped at line {parser.Current?.Start.Line.ToString(CultureInfo.InvariantCulture) ?? "?"}): {exception.Message}");
        }

        return _root ?? throw new UsageException("the YAML file is empty: it holds no settings.");
    }

    /// <summary>Adds a complete node to the collection open around it, counting <paramref name="uncounted"/> values unless it is a key.</summary>
    private void Add(Expanded node, int uncounted, string? anchor, ParsingEvent at)
    {
        if (anchor is not null)
        {
            _anchors[anchor] = node;
        }

        if (!_open.TryPeek(out var parent))
        {
            Count(uncounted);
            _root = node.Value;
            return;
        }

        if (parent.IsMapping && parent.PendingKey is null)
        {
            // PyYAML refuses a list or a mapping as a key ("found unhashable key").
            parent.PendingKey = node.Value.Kind is YamlValueKind.List or YamlValueKind.Mapping
                ? throw new UsageException($"a YAML key (line {at.Start.Line}) is a list or a mapping: keys of settings are names.")
                : node.Value.Written;
            return;
        }

        Count(uncounted);
        parent.Depth = Math.Max(parent.Depth, node.Depth);
        if (!parent.IsMapping)
        {
            parent.Items.Add(node.Value);
        }
        else if (parent.Entries.TryAdd(parent.PendingKey!, node.Value))
        {
            parent.PendingKey = null;
        }
        else
        {
            // PyYAML's constructor keeps the last value of a repeated key without a word; say which one is read.
            _notes.Add($"'{parent.PendingKey}' is given more than once in the YAML file: the last value (line {at.Start.Line}) is read, as PyYAML reads it.");
            parent.Entries[parent.PendingKey!] = node.Value;
            parent.Repeated.Add(parent.PendingKey!);
            parent.PendingKey = null;
        }
    }

    private void Count(int values)
    {
        _values += values;
        if (_values > MaxValues)
        {
            throw new UsageException($"the YAML file expands to more than {MaxValues} values (aliases repeat what they name): it is not a file of settings.");
        }
    }

    /// <summary>A complete node with the values it holds and its nesting depth once its aliases are expanded.</summary>
    private sealed record Expanded(YamlValue Value, int Size, int Depth);

    /// <summary>A mapping or a sequence whose end has not been read yet.</summary>
    private sealed class Open(NodeEvent start, int values)
    {
        public bool IsMapping { get; } = start is MappingStart;

        public string? Anchor { get; } = start.Anchor.IsEmpty ? null : start.Anchor.Value;

        /// <summary>The values counted before this node.</summary>
        public int Start { get; } = values;

        /// <summary>The deepest of its items' expanded depths.</summary>
        public int Depth { get; set; }

        public string? PendingKey { get; set; }

        public List<YamlValue> Items { get; } = [];

        public OrderedDictionary<string, YamlValue> Entries { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Repeated { get; } = new(StringComparer.Ordinal);

        public YamlValue Close() => IsMapping
            ? new YamlValue(YamlValueKind.Mapping, string.Empty) { Entries = Entries, Repeated = Repeated }
            : new YamlValue(YamlValueKind.List, string.Empty) { Items = [.. Items] };
    }
}
