using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Schedulers.Cli;

/// <summary>How plain scalars are typed: the one way the YAML files of settings we read differ.</summary>
internal enum YamlSchema
{
    /// <summary>
    /// PyYAML's <c>safe_load</c> (YAML 1.1: <c>yes</c>, <c>no</c>, <c>on</c>, <c>off</c> are booleans; <c>0o17</c> is
    /// text), as timm's train.py reads an args.yaml; except that <c>1e-5</c> is a number, where PyYAML reads a string
    /// that train.py's argparse then converts with <c>type=float</c>.
    /// </summary>
    PyYaml,

    /// <summary>The YAML 1.2 core schema: only <c>true</c> and <c>false</c> are booleans; <c>1e-5</c>, <c>0o17</c>, <c>0x1F</c> are numbers.</summary>
    Core,
}

/// <summary>A scalar's value by a <see cref="YamlSchema"/>: a quoted scalar is text; a plain one is null, a boolean, a number or text.</summary>
internal static partial class YamlScalars
{
    private const string Standard = "tag:yaml.org,2002:";

    public static YamlValue Resolve(Scalar scalar, YamlSchema schema)
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

        var value = Plain(text, schema);
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

    private static YamlValue Plain(string text, YamlSchema schema)
    {
        var yaml11 = schema == YamlSchema.PyYaml;
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return new YamlValue(YamlValueKind.Null, "null");
        }

        if (text is "true" or "True" or "TRUE" || (yaml11 && text is "yes" or "Yes" or "YES" or "on" or "On" or "ON"))
        {
            return new YamlValue(YamlValueKind.Boolean, text) { Boolean = true };
        }

        if (text is "false" or "False" or "FALSE" || (yaml11 && text is "no" or "No" or "NO" or "off" or "Off" or "OFF"))
        {
            return new YamlValue(YamlValueKind.Boolean, text) { Boolean = false };
        }

        if (Special().IsMatch(text))
        {
            var number = text.EndsWith("nan", StringComparison.OrdinalIgnoreCase) ? double.NaN : text[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return new YamlValue(YamlValueKind.Number, text) { Number = number };
        }

        return (yaml11 ? PyYamlNumber(text) : CoreNumber(text)) ?? new YamlValue(YamlValueKind.Text, text);
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

    /// <summary>A number by the core schema's patterns: decimal, or octal <c>0o17</c> and hexadecimal <c>0x1F</c> integers.</summary>
    private static YamlValue? CoreNumber(string text)
    {
        if (CoreDecimal().IsMatch(text))
        {
            return new YamlValue(YamlValueKind.Number, text)
            {
                Number = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                IsInteger = text.AsSpan().IndexOfAny('.', 'e', 'E') < 0,
            };
        }

        if (CoreBased().IsMatch(text))
        {
            var radix = text[1] == 'x' ? 16 : 8;
            var number = text[2..].Aggregate(0.0, (sum, digit) => (sum * radix) + "0123456789abcdef".IndexOf(char.ToLowerInvariant(digit), StringComparison.Ordinal));
            return new YamlValue(YamlValueKind.Number, text) { Number = number, IsInteger = true };
        }

        return null;
    }

    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN)$", RegexOptions.CultureInvariant)]
    private static partial Regex Special();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CoreDecimal();

    [GeneratedRegex(@"^(0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex CoreBased();
}
