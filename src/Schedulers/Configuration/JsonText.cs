using System.Text.Json;

namespace Schedulers;

/// <summary>
/// Parses JSON for the library's readers. System.Text.Json accepts an escaped unpaired surrogate (<c>"\ud800"</c>) in
/// a string or a name but throws when asked for it later, so every string is read once here, where the caller refuses
/// the document as not valid JSON.
/// </summary>
internal static class JsonText
{
    /// <summary>Parses <paramref name="json"/>; throws <see cref="JsonException"/>, <see cref="ArgumentException"/> or <see cref="InvalidOperationException"/> for text that is not valid JSON.</summary>
    public static JsonDocument Parse(string json, JsonDocumentOptions options)
    {
        var document = JsonDocument.Parse(json, options);
        try
        {
            ReadEveryString(document.RootElement);
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>Whether <paramref name="exception"/> is one <see cref="Parse"/> throws for text that is not valid JSON.</summary>
    public static bool IsInvalidText(Exception exception) => exception is JsonException or ArgumentException or InvalidOperationException;

    private static void ReadEveryString(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    ReadEveryString(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    ReadEveryString(item);
                }

                break;
            case JsonValueKind.String:
                _ = element.GetString();
                break;
        }
    }
}
