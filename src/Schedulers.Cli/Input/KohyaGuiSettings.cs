using System.Globalization;
using System.Text.Json;

namespace Schedulers.Cli;

/// <summary>
/// Reads a Kohya GUI file's values as the GUI does: a number may be a JSON number or a string holding one, <c>""</c>
/// is unset and takes the row's default; an absent key (or <c>null</c>) keeps the GUI field's default, which the row gives
/// when it differs (<see cref="ImportRule.WhenAbsent"/>). What the GUI would silently turn into
/// its fallback (<c>"ten"</c>, <c>"2.5"</c> for a whole number) is refused here instead, naming the key: the value the
/// user meant is not knowable. Every problem is collected before anything is refused.
/// </summary>
internal sealed class KohyaGuiSettings(IReadOnlyDictionary<string, JsonElement> values)
{
    private readonly List<string> _problems = [];
    private readonly List<ImportRule> _absent = [];

    /// <summary>Gets the rules read whose key the file lacks and whose field default was used, in the order read.</summary>
    public IReadOnlyList<ImportRule> AbsentDefaultsUsed => _absent;

    public void Problem(string message) => _problems.Add(message);

    public void ThrowIfProblems() => UsageException.ThrowIfAny(_problems);

    /// <summary>Whether the file holds the key at all (even as <c>""</c>).</summary>
    public bool Has(string key) => values.ContainsKey(key);

    /// <summary>Whether the key holds a value other than <c>""</c> or <c>null</c>.</summary>
    public bool IsSet(string key) => values.TryGetValue(key, out var value) && value.ValueKind is not JsonValueKind.Null && !(value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length == 0);

    /// <summary>A number (Python's <c>float()</c>): finite.</summary>
    public double? Number(ImportRule rule)
    {
        if (!IsSet(rule.Source))
        {
            return Unset(rule);
        }

        var value = values[rule.Source];
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String && TryParsePythonFloat(value.GetString()!, out number) && double.IsFinite(number))
        {
            return number;
        }

        Problem($"{rule.Source} = {value.GetRawText()}: the Kohya GUI reads it as a number, and this is not a finite one.");
        return rule.Default;
    }

    /// <summary>A whole number (Python's <c>int()</c>); a JSON number with a fraction is refused, not truncated.</summary>
    public long? Integer(ImportRule rule)
    {
        if (!IsSet(rule.Source))
        {
            return (long?)Unset(rule);
        }

        var value = values[rule.Source];
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number) && Math.Floor(number) == number && Math.Abs(number) <= 1L << 53)
        {
            return (long)number;
        }

        if (value.ValueKind == JsonValueKind.String && KohyaImageFolders.TryParsePythonInt(value.GetString()!, out var whole) && Math.Abs(whole) <= 1L << 53)
        {
            return whole;
        }

        Problem($"{rule.Source} = {value.GetRawText()}: the Kohya GUI reads it with int(), so it must be a whole number (written as a number or a string of digits).");
        return (long?)rule.Default;
    }

    /// <summary>The value of a key without one: the field's default for a key the file lacks, else the row's default.</summary>
    private double? Unset(ImportRule rule)
    {
        var absent = !values.TryGetValue(rule.Source, out var value) || value.ValueKind == JsonValueKind.Null;
        if (absent && rule.WhenAbsent is { } fieldDefault)
        {
            if (!_absent.Contains(rule))
            {
                _absent.Add(rule);
            }

            return fieldDefault;
        }

        return rule.Default;
    }

    /// <summary>A string; <c>""</c> is unset.</summary>
    public string? Text(ImportRule rule)
    {
        if (!values.TryGetValue(rule.Source, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!.Length == 0 ? null : value.GetString();
        }

        Problem($"{rule.Source} = {value.GetRawText()}: the Kohya GUI holds it as a string.");
        return null;
    }

    private static bool TryParsePythonFloat(string text, out double number)
    {
        var trimmed = text.Trim();
        number = 0;

        // Python's float() takes digits, a point, an exponent and underscores between digits; not hexadecimal or thousands separators.
        return trimmed.Length > 0 && trimmed.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-' or '_')
            && double.TryParse(trimmed.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }
}
