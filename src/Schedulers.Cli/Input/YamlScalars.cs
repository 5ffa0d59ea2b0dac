using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Schedulers.Cli;

/// <summary>
/// A scalar's value as the Python tools that read our YAML files type it: PyYAML's <c>safe_load</c> (YAML 1.1: <c>yes</c>,
/// <c>no</c>, <c>on</c>, <c>off</c> are booleans; <c>0o17</c> is text), as timm's train.py and Hugging Face's
/// <c>HfArgumentParser</c> read a file, and as OmegaConf (LLaMA-Factory) does, whose loader is PyYAML's SafeLoader with a
/// float pattern that takes <c>1e-5</c>: so <c>1e-5</c> is a number here too (train.py and the argument parsers convert
/// PyYAML's string with <c>type=float</c>). A quoted scalar is text; a plain one is null, a boolean, a number or text.
/// </summary>
internal static partial class YamlScalars
{
    private const string Standard = "tag:yaml.org,2002:";

    public static YamlValue Resolve(Scalar scalar)
    {
        var text = scalar.Value;
        var tag = scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value;
        if ((tag is null && scalar.Style is not ScalarStyle.Plain) || tag == Standard + "str")
        {
            return new YamlValue(YamlValueKind.Text, text);
        }

        if (tag == Standard + "null")
        {
            return new YamlValue(YamlValueKind.Null, "null"); // PyYAML's constructor ignores the text
        }

        var value = Plain(text);
        var tagged = tag switch
        {
            null => value.Kind,
            Standard + "bool" => YamlValueKind.Boolean,
            Standard + "int" or Standard + "float" => YamlValueKind.Number,
            _ => YamlValueKind.Other,
        };

        // PyYAML fails on a tag its text does not fit ("!!bool 5") or that safe_load has no constructor for.
        return value.Kind == tagged ? value : new YamlValue(YamlValueKind.Other, $"{text} (tagged {tag})");
    }

    private static YamlValue Plain(string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return new YamlValue(YamlValueKind.Null, "null");
        }

        if (text is "true" or "True" or "TRUE" || text is "yes" or "Yes" or "YES" or "on" or "On" or "ON")
        {
            return new YamlValue(YamlValueKind.Boolean, text) { Boolean = true };
        }

        if (text is "false" or "False" or "FALSE" || text is "no" or "No" or "NO" or "off" or "Off" or "OFF")
        {
            return new YamlValue(YamlValueKind.Boolean, text) { Boolean = false };
        }

        if (Special().IsMatch(text))
        {
            var number = text.EndsWith("nan", StringComparison.OrdinalIgnoreCase) ? double.NaN : text[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return new YamlValue(YamlValueKind.Number, text) { Number = number };
        }

        return PyYamlNumber(text) ?? new YamlValue(YamlValueKind.Text, text);
    }

    /// <summary>A decimal number with PyYAML's underscores (and <c>1e-5</c>, which PyYAML's float pattern lacks).</summary>
    private static YamlValue? PyYamlNumber(string text)
    {
        // Digits, one sign, a point, an exponent: nothing double.Parse would also take ("Infinity", spaces, "1,5").
        var plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var digits = plain.TrimStart('+', '-');
        if (digits.Length == 0 || plain.Length - digits.Length > 1 || (!char.IsAsciiDigit(digits[0]) && digits[0] != '.')
            || !digits.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-')
            || !double.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return new YamlValue(YamlValueKind.Number, text) { Number = number, IsInteger = digits.All(char.IsAsciiDigit) };
    }

    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN)$", RegexOptions.CultureInvariant)]
    private static partial Regex Special();
}
