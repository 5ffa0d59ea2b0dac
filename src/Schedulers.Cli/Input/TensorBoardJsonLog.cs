using System.Collections.Immutable;
using System.Text.Json;

namespace Schedulers.Cli;

/// <summary>TensorBoard's JSON download of one scalar: <c>[[wall_time, step, value], ...]</c>.</summary>
internal static class TensorBoardJsonLog
{
    public static RunLog Read(string text, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(PythonJsonLiterals.Quote(text), new JsonDocumentOptions { MaxDepth = 64 });
            return Read(document.RootElement, name);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            throw new UsageException($"--log {name} is not valid JSON: {exception.Message}");
        }
    }

    private static RunLog Read(JsonElement root, string name)
    {
        var problems = new LogProblems();
        var rates = ImmutableArray.CreateBuilder<LoggedRate>();
        var index = -1;
        foreach (var row in root.EnumerateArray())
        {
            index++;
            var where = $"row {index}";
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != 3
                || row[1].ValueKind != JsonValueKind.Number || row[2].ValueKind != JsonValueKind.Number)
            {
                problems.Add($"--log {name}: {where} is {LogValues.Quote(row.GetRawText())}, not [wall_time, step, value] (a JSON list of three numbers, as TensorBoard downloads a scalar).");
                continue;
            }

            if (!row[1].TryGetDouble(out var step) || !LogValues.TryStep(step, out var logged))
            {
                problems.Add($"--log {name}: {where} has step {LogValues.Quote(row[1].GetRawText())}, not a whole number >= 0.");
                continue;
            }

            if (!row[2].TryGetDouble(out var value) || !LogValues.IsRate(value))
            {
                problems.Add($"--log {name}: {where} has value {LogValues.Quote(row[2].GetRawText())}, not a finite learning rate >= 0.");
                continue;
            }

            rates.Add(new LoggedRate(logged, value, where));
        }

        problems.ThrowIfAny();
        return new RunLog([.. rates.OrderBy(rate => rate.Step)], null, "TensorBoard JSON", $"{rates.Count} learning rates");
    }
}
