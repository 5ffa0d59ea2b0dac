using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Schedulers.Tests.Reliability;

/// <summary>
/// Turns a valid configuration into a broken one, the ways users and tools break them: keys deleted, duplicated,
/// misspelt or added; values retyped, out of range, enormous, NaN or Infinity in any spelling, strings for numbers;
/// deep nesting, very long strings, multi-megabyte lists; truncated text, stray characters and invalid UTF-8.
/// Deterministic for a given <see cref="Random"/>. It uses nothing of the library (the process-level fuzzer links it):
/// the keys it adds come from the caller.
/// </summary>
internal static class ConfigurationMutator
{
    private static readonly string[] OddValues =
    [
        "1e308", "-1e308", "1e309", "-1e999", "0", "-0", "-1", "-0.5", "1e-320", "5e-324", "9007199254740993", "9223372036854775808",
        "18446744073709551616", "1.5", "0.5", "2", "3", "1e12", "1e15", "1e18", "4.9e-7", "0.999999999999", "123456789012345678901234567890",
        "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"inf\"", "\"nan\"", "\"1e-3\"", "\"0.001\"", "\"\"", "\" \"", "\"\\u0000\"",
        "\"cosine\"", "\"StepLR\"", "\"SequentialLR\"", "\"pchip\"", "\"1:10,0.5\"", "\"0.5:x\"", "\":,:\"",
        "true", "false", "null", "[]", "{}", "[1,2]", "[2,1]", "[-1]", "[1.5]", "[[0,1]]", "[[0,1],[0,2]]", "[[5,-1],[9,1]]", "[[0,1e308],[1,1e-308]]",
        "{\"scheduler\":\"cosine\"}", "[{\"scheduler\":\"constant\"}]", "[{}]", "[{\"scheduler\":\"SequentialLR\",\"schedulers\":[]}]",
    ];

    private static readonly string[] NumberSpellings = ["NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x10", "1e", "--1", "1_000"];

    private static readonly byte[][] InvalidUtf8 = [[0xFF], [0xC3, 0x28], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]];

    /// <summary>One to three mutations of <paramref name="json"/>, as text.</summary>
    public static string Mutate(string json, Random random, IReadOnlyList<string> keys)
    {
        var text = json;
        for (var n = random.Next(3) == 0 ? random.Next(2, 4) : 1; n > 0; n--)
        {
            try
            {
                text = MutateOnce(text, random, keys);
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                // System.Text.Json.Nodes holds no duplicate keys and writes no lone surrogates: keep the text as it was.
            }
        }

        return text;
    }

    /// <summary>A mutation as file bytes: one in five also carries invalid UTF-8, which only a file can.</summary>
    public static byte[] MutateBytes(string json, Random random, IReadOnlyList<string> keys)
    {
        var bytes = Encoding.UTF8.GetBytes(Mutate(json, random, keys)).ToList();
        if (random.Next(5) == 0)
        {
            bytes.InsertRange(random.Next(bytes.Count + 1), InvalidUtf8[random.Next(InvalidUtf8.Length)]);
        }

        return [.. bytes];
    }

    private static string MutateOnce(string text, Random random, IReadOnlyList<string> keys)
    {
        var node = TryParse(text);
        switch (random.Next(node is null ? 4 : 14))
        {
            case 0:
                return Truncate(text, random);
            case 1:
                return Splice(text, random.Next(text.Length + 1), Pick(random, "{", "}", "[", "]", ",", ":", "\"", "\\", "\u0000", "é", "\uD800", " "));
            case 2:
                return text.Length == 0 ? text : text.Remove(random.Next(text.Length), 1);
            case 3:
                return ReplaceANumber(text, random);
            case 4:
                return DuplicateAKey(text, node!, random);
        }

        var target = RandomObject(node!, random);
        var present = target.Select(property => property.Key).ToList();
        // A string, not ScheduleKeys.LearningRate: tests/Schedulers.Fuzzer compiles this file without the library.
        var key = present.Count == 0 ? "learning_rate" : present[random.Next(present.Count)];
        switch (random.Next(9))
        {
            case 0:
                target.Remove(key);
                break;
            case 1:
            case 2:
                target[key] = JsonNode.Parse(Pick(random, OddValues));
                break;
            case 3:
                target[keys[random.Next(keys.Count)]] = JsonNode.Parse(Pick(random, OddValues));
                break;
            case 4:
                var value = target[key]?.DeepClone();
                target.Remove(key);
                target[Pick(random, key.ToUpperInvariant(), key + "s", key.Replace('_', '-'), " " + key, key[..^1])] = value;
                break;
            case 5:
                // Past the parser's depth limit, or far past it.
                var depth = Pick(random, 10, 63, 64, 65, 1_000, 100_000);
                return Replace(text, node!, target, key, new string('[', depth) + new string(']', depth));
            case 6:
                var length = Pick(random, 10_000, 100_000, 2_000_000);
                return random.Next(2) == 0
                    ? Replace(text, node!, target, key, "\"" + new string('x', length) + "\"")
                    : Splice(text, 1, "\"" + new string('k', length) + "\": 1,");
            case 7:
                // A multi-megabyte list of numbers, or of points.
                var count = Pick(random, 1_000, 20_000, 200_000);
                var list = random.Next(2) == 0
                    ? "[" + string.Join(",", Enumerable.Range(1, count)) + "]"
                    : "[" + string.Join(",", Enumerable.Range(0, count).Select(i => $"[{i},{1.0 / (i + 1):R}]")) + "]";
                return Replace(text, node!, target, key, list);
            default:
                target[key] = JsonValue.Create(Pick(random, "cosine", "linear", "", "NaN", "1e-3", "StepLR", "ReduceLROnPlateau", "interpolated"));
                break;
        }

        return node!.ToJsonString();
    }

    private static JsonObject? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject root ? root : null;
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The root or an object nested in it (a composite's child).</summary>
    private static JsonObject RandomObject(JsonNode root, Random random)
    {
        var objects = new List<JsonObject>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    objects.Add(obj);
                    foreach (var property in obj)
                    {
                        Walk(property.Value);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(root);
        return objects[random.Next(objects.Count)];
    }

    /// <summary>Sets a value that JsonNode cannot hold (too deep, or too large to build as nodes) by replacing a marker in the text.</summary>
    private static string Replace(string text, JsonNode root, JsonObject target, string key, string raw)
    {
        const string Marker = "\"@@mutation@@\"";
        target[key] = JsonValue.Create("@@mutation@@");
        var json = root.ToJsonString();
        return json.Contains(Marker, StringComparison.Ordinal) ? json.Replace(Marker, raw, StringComparison.Ordinal) : text;
    }

    private static string DuplicateAKey(string text, JsonNode root, Random random)
    {
        var obj = root.AsObject();
        if (obj.Count == 0)
        {
            return text;
        }

        var property = obj.ElementAt(random.Next(obj.Count));
        var duplicate = $"\"{property.Key}\": {(random.Next(2) == 0 ? property.Value?.ToJsonString() ?? "null" : Pick(random, OddValues))},";
        return Splice(text, text.IndexOf('{', StringComparison.Ordinal) + 1, duplicate);
    }

    private static string ReplaceANumber(string text, Random random)
    {
        var numbers = System.Text.RegularExpressions.Regex.Matches(text, @"-?\d+(\.\d+)?([eE][-+]?\d+)?");
        if (numbers.Count == 0)
        {
            return text;
        }

        var match = numbers[random.Next(numbers.Count)];
        return text[..match.Index] + Pick(random, NumberSpellings) + text[(match.Index + match.Length)..];
    }

    private static string Truncate(string text, Random random) => text.Length == 0 ? text : text[..random.Next(text.Length)];

    private static string Splice(string text, int index, string insert) => text[..Math.Clamp(index, 0, text.Length)] + insert + text[Math.Clamp(index, 0, text.Length)..];

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];
}
