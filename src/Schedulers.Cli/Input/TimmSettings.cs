using System.Collections.Immutable;
using System.Globalization;

namespace Schedulers.Cli;

/// <summary>
/// Reads train.py's arguments from an <c>args.yaml</c> with the types its argument parser gives them. An absent setting
/// takes train.py's default (what train.py does with a <c>--config</c> YAML that omits it), with a note; a value of the
/// wrong type is a problem. Every problem is collected before anything is refused.
/// </summary>
internal sealed class TimmSettings(YamlValue mapping, ImportBuilder import)
{
    private readonly List<string> _problems = [];
    private readonly HashSet<string> _noted = new(StringComparer.Ordinal);

    public void Problem(string message) => _problems.Add(message);

    public void ThrowIfProblems() => UsageException.ThrowIfAny(_problems);

    /// <summary>Whether the file sets <paramref name="rule"/>'s setting (to anything but null).</summary>
    public bool IsSet(ImportRule rule) => Value(rule) is { Kind: not YamlValueKind.Null };

    /// <summary>Whether the file sets <paramref name="rule"/>'s setting to null (<c>None</c> in train.py).</summary>
    public bool IsNull(ImportRule rule) => Value(rule) is { Kind: YamlValueKind.Null };

    /// <summary>A <c>type=float</c> setting; absent, the rule's default (noted), or null.</summary>
    public double? Number(ImportRule rule)
    {
        switch (Value(rule))
        {
            case null:
                return Default(rule);
            case { Kind: YamlValueKind.Null }:
                return null;
            case { Kind: YamlValueKind.Number, Number: var number } when double.IsFinite(number):
                return number;
            case var other:
                return Refuse<double?>(rule, other, "a finite number");
        }
    }

    /// <summary>A <c>type=int</c> setting: written as an integer (Python's <c>int</c> has no point or exponent).</summary>
    public long? Integer(ImportRule rule)
    {
        switch (Value(rule))
        {
            case null:
                return (long?)Default(rule);
            case { Kind: YamlValueKind.Null }:
                return null;
            case { Kind: YamlValueKind.Number, IsInteger: true, Number: var number } when Math.Abs(number) <= 1L << 53:
                return (long)number;
            case var other:
                return Refuse<long?>(rule, other, "a whole number up to 2^53 (train.py reads it with type=int)");
        }
    }

    /// <summary>A <c>type=str</c> setting; absent or null, <see langword="null"/>.</summary>
    public string? Text(ImportRule rule) => Value(rule) switch
    {
        null or { Kind: YamlValueKind.Null } => null,
        { Kind: YamlValueKind.Text, Written: var text } => text,
        var other => Refuse<string?>(rule, other, "a string"),
    };

    /// <summary>A <c>store_true</c> flag; absent, false (its default).</summary>
    public bool Boolean(ImportRule rule) => Value(rule) switch
    {
        null => false,
        { Kind: YamlValueKind.Boolean, Boolean: var flag } => flag,
        var other => Refuse<bool>(rule, other, "true or false"),
    };

    /// <summary>
    /// An <c>nargs='+'</c> setting of floats or ints: a list, or (where the factory also takes one, as for
    /// <c>lr_noise</c>) a bare number; absent or null, <see langword="null"/>.
    /// </summary>
    public ImmutableArray<double>? Numbers(ImportRule rule, bool bareNumber)
    {
        switch (Value(rule))
        {
            case null or { Kind: YamlValueKind.Null }:
                return null;
            case { Kind: YamlValueKind.Number, Number: var number } when bareNumber && double.IsFinite(number):
                return [number];
            case { Kind: YamlValueKind.List, Items: var items } when items.All(item => item is { Kind: YamlValueKind.Number, Number: var n } && double.IsFinite(n)):
                return [.. items.Select(item => item.Number)];
            case var other:
                return Refuse<ImmutableArray<double>?>(rule, other, bareNumber ? "a finite number or a list of them" : "a list of finite numbers");
        }
    }

    /// <summary>Whether the file sets <paramref name="rule"/>'s setting to something other than train.py's default.</summary>
    public bool Differs(ImportRule rule) => Value(rule) switch
    {
        null => false,
        { Kind: YamlValueKind.Number, Number: var number } => rule.Default != number,
        { Kind: YamlValueKind.Boolean, Boolean: var flag } => flag,
        { Kind: YamlValueKind.Null } => rule.Default is not null,
        { Kind: YamlValueKind.List, Items: var items } when rule.Type == ImportValueType.EpochList =>
            !items.Select(item => item.Number).SequenceEqual(TimmMappings.DefaultMilestones),
        _ => true,
    };

    /// <summary>The value as written, for a note or a refusal.</summary>
    public string Written(ImportRule rule) => Value(rule)?.Written ?? "absent";

    private YamlValue? Value(ImportRule rule)
    {
        if (!mapping.Entries.TryGetValue(rule.Source, out var value))
        {
            return null;
        }

        if (mapping.Repeated.Contains(rule.Source) && _noted.Add("repeated " + rule.Source))
        {
            // PyYAML keeps the last value silently; a setting that decides the schedule should not be a guess.
            Problem($"{rule.Source} is written more than once in the file; give it once.");
        }

        return value;
    }

    private double? Default(ImportRule rule)
    {
        if (rule.Default is { } value && _noted.Add(rule.Source))
        {
            import.Note($"{rule.Source} is not in the file: train.py's default {value.ToString("R", CultureInfo.InvariantCulture)} applies.");
        }

        return rule.Default;
    }

    private T Refuse<T>(ImportRule rule, YamlValue value, string expected)
    {
        if (_noted.Add("refused " + rule.Source))
        {
            Problem($"{rule.Source} = {Shorten(value.Written)} is not {expected}.");
        }

        return default!;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "...";
}
