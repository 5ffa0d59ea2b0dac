using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Schedulers.Harness;

/// <summary>
/// One line of configurations.txt, <c>name[@start]=json</c>, where the JSON may hold placeholders over <c>N</c> (the
/// buffer's length), <c>S</c> (the first step evaluated, 0 unless <c>@start</c> says otherwise) and <c>END</c>
/// (<c>S + N</c>). A late start (<c>@1e12</c>) is how the long cycles and late steps of the restart families and step
/// functions get measured: a path that falls back to scalar code there shows as a ratio, not as a hidden branch.
/// </summary>
internal sealed partial record ConfigurationTemplate(string Name, long Start, string Json, int Line)
{
    /// <summary>Reads the templates of <paramref name="path"/>; blank lines and lines starting with '#' are skipped.</summary>
    public static IReadOnlyList<ConfigurationTemplate> Read(string path)
    {
        var templates = new List<ConfigurationTemplate>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"{path}:{number}: expected name[@start]=json");
            }

            var head = line[..equals];
            var at = head.IndexOf('@', StringComparison.Ordinal);
            var start = at < 0 ? 0 : checked((long)TemplateExpression.Evaluate(head[(at + 1)..], new Dictionary<string, double>()));
            templates.Add(new ConfigurationTemplate(head, start, line[(equals + 1)..], number));
        }

        var repeated = templates.GroupBy(template => template.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        return repeated is null ? templates : throw new FormatException($"{path}: '{repeated.Key}' is named twice");
    }

    /// <summary>The JSON for a buffer of <paramref name="length"/> steps starting at <see cref="Start"/>.</summary>
    public string Expand(int length)
    {
        var variables = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["N"] = length,
            ["S"] = Start,
            ["END"] = (double)Start + length,
        };
        try
        {
            return Placeholder().Replace(Json, match => TemplateExpression.Format(TemplateExpression.Evaluate(match.Groups[1].Value, variables)));
        }
        catch (FormatException exception)
        {
            throw new FormatException($"line {Line} ({Name}): {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Whether the curve raises something to a fractional power anywhere (a top-level or child <c>power</c> that is not
    /// a whole number): issue 15 allows those a wider margin, since each step needs a log and an exp.
    /// </summary>
    public static bool HasFractionalPower(string json) => HasFractionalPower(JsonNode.Parse(json));

    private static bool HasFractionalPower(JsonNode? node) => node switch
    {
        JsonObject container => container.Any(pair =>
            (pair.Key == "power" && pair.Value is JsonValue value && value.TryGetValue<double>(out var power) && power != Math.Floor(power))
            || HasFractionalPower(pair.Value)),
        JsonArray array => array.Any(HasFractionalPower),
        _ => false,
    };

    // JSON objects open with '{"', so a brace followed by anything but a quote, brace or bracket is a placeholder.
    [GeneratedRegex(@"\{([0-9A-Za-z_.+\-*/^() ]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
