using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Schedulers;

/// <summary>Reads and writes <see cref="SchedulerState"/> with <see cref="JsonDocument"/> and <see cref="Utf8JsonWriter"/> (no reflection), checking every field.</summary>
internal static class SchedulerStateJson
{
    public const string ScheduleKind = "schedule";
    public const string PlateauKind = ReduceLROnPlateau.Name;

    /// <summary>What a plateau's state adds to a schedule's (kind, fingerprint, step).</summary>
    private static readonly string[] PlateauKeys = ["reports", "values", "best", "bad_reports", "cooldown_left"];

    private static readonly string[] Keys = ["kind", "fingerprint", "step", "setup", .. PlateauKeys];

    public static string Write(SchedulerState state)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", state.Kind);
            writer.WriteString("fingerprint", state.Fingerprint);
            writer.WriteNumber("step", state.Step);
            if (state.Kind == PlateauKind)
            {
                writer.WriteNumber("reports", state.Reports);
                writer.WriteStartArray("values");
                foreach (var value in state.Values)
                {
                    writer.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
                }

                writer.WriteEndArray();
                if (state.Best is { } best)
                {
                    writer.WritePropertyName("best");
                    writer.WriteRawValue(best.ToString("R", CultureInfo.InvariantCulture));
                }
                else
                {
                    writer.WriteNull("best");
                }

                writer.WriteNumber("bad_reports", state.BadReports);
                writer.WriteNumber("cooldown_left", state.CooldownLeft);
            }

            if (state.Setup is { } setup)
            {
                WriteSetup(writer, setup);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static SchedulerState Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonText.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (Exception exception) when (JsonText.IsInvalidText(exception))
        {
            throw Guard.Refusal(ConfigurationProblem.ForDocument($"The saved state is not valid JSON: {exception.Message}"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Guard.Refusal(ConfigurationProblem.ForDocument($"A saved state must be a JSON object written by SaveState, not a JSON {root.ValueKind.ToString().ToLowerInvariant()}."));
            }

            var problems = new List<ConfigurationProblem>();
            foreach (var property in root.EnumerateObject().Where(property => !Keys.Contains(property.Name, StringComparer.Ordinal)))
            {
                problems.Add(Problem(property.Name, property.Value, "is not part of a saved state; a state holds only " + string.Join(", ", Keys) + "."));
            }

            var kind = Text(root, "kind", problems, value => value is ScheduleKind or PlateauKind, $"must be \"{ScheduleKind}\" or \"{PlateauKind}\".");
            var fingerprint = Text(root, "fingerprint", problems, value => value.Length == 64 && value.All(char.IsAsciiHexDigitLower), "must be 64 lowercase hexadecimal digits (a SHA-256).");
            var step = Count(root, "step", problems);
            var plateau = kind == PlateauKind;
            var values = ImmutableArray<double>.Empty;
            double? best = null;
            long badReports = 0, cooldownLeft = 0, reports = 0;
            if (plateau)
            {
                reports = Count(root, "reports", problems);
                values = Values(root, problems);
                best = Best(root, problems);
                badReports = Count(root, "bad_reports", problems);
                cooldownLeft = Count(root, "cooldown_left", problems);
            }
            else
            {
                foreach (var key in PlateauKeys.Where(key => root.TryGetProperty(key, out _)))
                {
                    problems.Add(Problem(key, root.GetProperty(key), $"belongs to a {PlateauKind} state, not to a schedule's."));
                }
            }

            var setup = root.TryGetProperty("setup", out var saved) ? Setup(saved, problems) : null;
            Guard.ThrowIfAny([.. problems]);
            return new SchedulerState(kind!, fingerprint!, step, values, best, badReports, cooldownLeft, reports, setup);
        }
    }

    private static void WriteSetup(Utf8JsonWriter writer, StateSetup setup)
    {
        writer.WriteStartObject("setup");
        writer.WriteString("configuration", setup.Configuration);
        writer.WriteStartArray("groups");
        foreach (var group in setup.Groups)
        {
            writer.WriteStartObject();
            writer.WriteString("name", group.Name);
            writer.WritePropertyName("base_value");
            writer.WriteRawValue(group.BaseValue.ToString("R", CultureInfo.InvariantCulture));
            writer.WritePropertyName("min_value");
            if (group.MinValue is { } minValue)
            {
                writer.WriteRawValue(minValue.ToString("R", CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteString("schedule", group.Schedule);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The configuration and groups a state was written for: only read for messages, so any flaw refuses the state.</summary>
    private static StateSetup? Setup(JsonElement element, List<ConfigurationProblem> problems)
    {
        const string Rule = "must be the setup SaveState wrote: {\"configuration\": text, \"groups\": [{\"name\", \"base_value\", \"min_value\", \"schedule\"}]}.";
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("configuration", out var configuration) || configuration.ValueKind != JsonValueKind.String
            || !element.TryGetProperty("groups", out var groups) || groups.ValueKind != JsonValueKind.Array
            || element.EnumerateObject().Any(property => property.Name is not ("configuration" or "groups")))
        {
            problems.Add(Problem("setup", element, Rule));
            return null;
        }

        var read = new List<GroupSetup>();
        foreach (var group in groups.EnumerateArray())
        {
            if (group.ValueKind != JsonValueKind.Object
                || !group.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                || !group.TryGetProperty("base_value", out var baseValue) || baseValue.ValueKind != JsonValueKind.Number || !baseValue.TryGetDouble(out var based) || !double.IsFinite(based)
                || !group.TryGetProperty("min_value", out var minValue) || (minValue.ValueKind != JsonValueKind.Null && (minValue.ValueKind != JsonValueKind.Number || !minValue.TryGetDouble(out var floor) || !double.IsFinite(floor)))
                || !group.TryGetProperty("schedule", out var schedule) || schedule.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)
                || group.EnumerateObject().Count() != 4)
            {
                problems.Add(Problem("setup", group, Rule));
                return null;
            }

            read.Add(new GroupSetup(name.GetString()!, based, minValue.ValueKind == JsonValueKind.Null ? null : minValue.GetDouble(), schedule.GetString()));
        }

        return new StateSetup(configuration.GetString()!, [.. read]);
    }

    private static string? Text(JsonElement root, string key, List<ConfigurationProblem> problems, Func<string, bool> valid, string rule)
    {
        if (!root.TryGetProperty(key, out var element))
        {
            problems.Add(Missing(key));
            return null;
        }

        if (element.ValueKind != JsonValueKind.String || !valid(element.GetString()!))
        {
            problems.Add(Problem(key, element, rule));
            return null;
        }

        return element.GetString();
    }

    private static long Count(JsonElement root, string key, List<ConfigurationProblem> problems)
    {
        if (!root.TryGetProperty(key, out var element))
        {
            problems.Add(Missing(key));
            return 0;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var count) || count < 0)
        {
            problems.Add(Problem(key, element, "must be a whole number >= 0."));
            return 0;
        }

        return count;
    }

    private static ImmutableArray<double> Values(JsonElement root, List<ConfigurationProblem> problems)
    {
        if (!root.TryGetProperty("values", out var element))
        {
            problems.Add(Missing("values"));
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0
            || element.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out var value) || !double.IsFinite(value) || value < 0))
        {
            problems.Add(Problem("values", element, "must be a non-empty array of finite numbers >= 0, one per parameter group."));
            return [];
        }

        return [.. element.EnumerateArray().Select(item => item.GetDouble())];
    }

    private static double? Best(JsonElement root, List<ConfigurationProblem> problems)
    {
        if (!root.TryGetProperty("best", out var element))
        {
            problems.Add(Missing("best"));
            return null;
        }

        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var best) || !double.IsFinite(best))
        {
            problems.Add(Problem("best", element, "must be a finite number, or null before the first counted report."));
            return null;
        }

        return best;
    }

    private static ConfigurationProblem Missing(string key) =>
        ConfigurationProblem.ForKey("state." + key, null, "is missing: save the state with SaveState and restore the text unchanged.");

    private static ConfigurationProblem Problem(string key, JsonElement element, string rule)
    {
        var raw = element.GetRawText();
        return ConfigurationProblem.ForKey("state." + key, ParameterValue.FromText(raw.Length > 80 ? raw[..80] + "..." : raw), rule);
    }
}
