using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Schedulers;

/// <summary>
/// Reads and writes configurations as JSON with <see cref="JsonDocument"/> and <see cref="Utf8JsonWriter"/>: no
/// reflection, so the library stays trimming- and AOT-friendly.
/// </summary>
internal static class ScheduleJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    public static ScheduleOptions Read(string json)
    {
        Guard.NotNull(json);
        JsonDocument document;
        try
        {
            document = JsonText.Parse(json, DocumentOptions);
        }
        catch (Exception exception) when (JsonText.IsInvalidText(exception))
        {
            throw Guard.Refusal(ConfigurationProblem.ForDocument(
                $"The configuration is not valid JSON: {exception.Message}"));
        }

        using (document)
        {
            return ReadObject(document.RootElement);
        }
    }

    public static ScheduleOptions ReadObject(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Guard.Refusal(ConfigurationProblem.ForDocument(
                $"The configuration must be a JSON object such as {{\"scheduler\": \"cosine\", \"learning_rate\": 0.0003, \"total_steps\": 1000}}, not a JSON {root.ValueKind.ToString().ToLowerInvariant()}."));
        }

        return ScheduleOptions.FromEntries(root.EnumerateObject().Select(property => new KeyValuePair<string, ParameterValue>(property.Name, ReadValue(property.Value))));
    }

    private static ParameterValue ReadValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => ReadNumber(element),
        JsonValueKind.String => ParameterValue.FromText(element.GetString()!),
        JsonValueKind.True => ParameterValue.FromBoolean(true),
        JsonValueKind.False => ParameterValue.FromBoolean(false),
        JsonValueKind.Array => ParameterValue.FromList(element.EnumerateArray().Select(ReadValue)),
        JsonValueKind.Object => ParameterValue.FromObjectJson(element.GetRawText()),
        _ => ParameterValue.Null,
    };

    private static ParameterValue ReadNumber(JsonElement element)
    {
        var raw = element.GetRawText();

        // A literal too large for a double becomes an infinity, which validation refuses while quoting the literal.
        var value = element.TryGetDouble(out var parsed) ? parsed : double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        return ParameterValue.FromNumber(value, raw);
    }

    public static string Write(ScheduleOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            WriteObject(writer, options);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void WriteObject(Utf8JsonWriter writer, ScheduleOptions options)
    {
        writer.WriteStartObject();
        foreach (var entry in options.Entries)
        {
            writer.WritePropertyName(entry.Key);
            WriteValue(writer, entry.Value);
        }

        writer.WriteEndObject();
    }

    internal static void WriteValue(Utf8JsonWriter writer, ParameterValue value)
    {
        switch (value.Kind)
        {
            case ParameterValueKind.Number when double.IsFinite(value.NumberValue):
                WriteNumber(writer, value.NumberValue);
                break;
            case ParameterValueKind.Number:
                // JSON has no NaN or infinity; Python's json module writes these spellings, and they read back as text to be refused.
                writer.WriteStringValue(value.NumberValue.ToString(CultureInfo.InvariantCulture));
                break;
            case ParameterValueKind.Text:
                writer.WriteStringValue(value.TextValue);
                break;
            case ParameterValueKind.Boolean:
                writer.WriteBooleanValue(value.BooleanValue);
                break;
            case ParameterValueKind.List:
                writer.WriteStartArray();
                foreach (var item in value.Items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case ParameterValueKind.Object:
                writer.WriteRawValue(value.TextValue!);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>Writes whole numbers without a fraction (step counts stay integers) and others in shortest round-trip form.</summary>
    private static void WriteNumber(Utf8JsonWriter writer, double number)
    {
        if (Math.Abs(number) < 9007199254740992.0 && number == Math.Floor(number))
        {
            writer.WriteNumberValue((long)number);
        }
        else
        {
            writer.WriteNumberValue(number);
        }
    }
}
