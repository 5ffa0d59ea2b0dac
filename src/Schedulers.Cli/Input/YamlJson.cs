using System.Collections.Immutable;
using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Schedulers.Cli;

/// <summary>A YAML file of settings as the <see cref="JsonElement"/> a JSON file gives, so that one import reads both.</summary>
internal static partial class YamlJson
{
    public static (JsonElement Root, ImmutableArray<string> Notes) Read(string yaml)
    {
        var (root, notes) = YamlReader.Read(yaml);
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            // The reader bounds the expanded depth and size, so neither the writer nor this recursion goes past them.
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = YamlReader.MaxDepth }))
            {
                Write(root, writer);
            }

            using var document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = YamlReader.MaxDepth });
            return (document.RootElement.Clone(), notes);
        }
        catch (ArgumentException exception)
        {
            // An escaped lone surrogate ("\ud800") reads as a .NET string that is not valid UTF-16.
            throw new UsageException($"the YAML file holds text that is not valid Unicode: {exception.Message}");
        }
    }

    private static void Write(YamlValue value, Utf8JsonWriter writer)
    {
        switch (value)
        {
            case { Kind: YamlValueKind.Mapping, Entries: var entries }:
                writer.WriteStartObject();
                foreach (var (key, item) in entries)
                {
                    writer.WritePropertyName(key);
                    Write(item, writer);
                }

                writer.WriteEndObject();
                break;
            case { Kind: YamlValueKind.List, Items: var items }:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            case { Kind: YamlValueKind.Null }:
                writer.WriteNullValue();
                break;
            case { Kind: YamlValueKind.Boolean, Boolean: var flag }:
                writer.WriteBooleanValue(flag);
                break;
            case { Kind: YamlValueKind.Number, Text: var text } when JsonNumber().IsMatch(text):
                writer.WriteRawValue(text); // as written, so that a refusal quotes what the user wrote
                break;
            case { Kind: YamlValueKind.Number, Number: var number } when double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            default:
                // Text, and .inf / .nan, which the import refuses as "not a finite number".
                writer.WriteStringValue(value.Written);
                break;
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}
