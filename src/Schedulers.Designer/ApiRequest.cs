using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Schedulers.Designer;

/// <summary>
/// A request body read as one JSON object, with the accessors the handlers need. Every shape error becomes a
/// <see cref="DesignerInputException"/> naming the field, so the client gets 400 and a sentence, never a crash.
/// </summary>
internal sealed class ApiRequest : IDisposable
{
    private readonly JsonDocument _document;

    private ApiRequest(JsonDocument document) => _document = document;

    private JsonElement Root => _document.RootElement;

    /// <summary>
    /// Reads the body. JSON only: a cross-site form cannot send <c>application/json</c> without a CORS preflight,
    /// which this server never grants.
    /// </summary>
    public static async Task<ApiRequest> ReadAsync(HttpContext context, long maxBytes)
    {
        if (context.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new DesignerInputException("the request must be JSON (Content-Type: application/json).");
        }

        // Kestrel enforces the cap too; counting here keeps it whatever server runs the API.
        using var body = new MemoryStream();
        var buffer = new byte[16_384];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > maxBytes)
            {
                throw new BadHttpRequestException("body too large", StatusCodes.Status413PayloadTooLarge);
            }

            body.Write(buffer, 0, read);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            throw new DesignerInputException($"the request is not valid JSON: {exception.Message}", exception);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new DesignerInputException("the request must be a JSON object.");
        }

        return new ApiRequest(document);
    }

    /// <summary>A configuration in our JSON, read by the library's own reader (which refuses bad ones with problems).</summary>
    public static ScheduleOptions Options(JsonElement element) => element.ValueKind == JsonValueKind.Object
        ? ScheduleOptions.FromJson(element.GetRawText())
        : throw new DesignerInputException("a configuration must be a JSON object such as {\"scheduler\": \"cosine\", ...}.");

    public JsonElement Required(string name) =>
        Root.TryGetProperty(name, out var value) ? value : throw new DesignerInputException($"the request has no '{name}'.");

    public string Text(string name) => Required(name) is { ValueKind: JsonValueKind.String } value
        ? value.GetString()!
        : throw new DesignerInputException($"'{name}' must be a string.");

    /// <summary>A string that may be absent (or null); any other kind of value is refused naming it.</summary>
    public string? OptionalText(string name) => !Root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null
        ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new DesignerInputException($"'{name}' must be a string.");

    public long? Integer(string name, long minimum, long maximum)
    {
        if (!Root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        // 1e12 is a whole number written as a float: read as a double, then checked to be whole and in range.
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number == Math.Floor(number) && number >= minimum && number <= maximum
            ? (long)number
            : throw new DesignerInputException($"'{name}' must be a whole number in [{minimum.ToString(CultureInfo.InvariantCulture)}, {maximum.ToString(CultureInfo.InvariantCulture)}], got {value.GetRawText()}.");
    }

    public IReadOnlyDictionary<string, string> Strings(string name)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                result[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        return result;
    }

    public void Dispose() => _document.Dispose();
}
