using System.Collections.Immutable;
using System.Text.Json;

namespace Schedulers.Cli;

/// <summary>
/// A Hugging Face <c>trainer_state.json</c>: each <c>log_history</c> entry with a <c>learning_rate</c> is one logged rate
/// at its <c>step</c> (evaluation and summary entries hold none and are skipped); <c>max_steps</c> is the run's length.
/// </summary>
internal static class TrainerStateLog
{
    public static RunLog Read(string text, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(PythonJsonLiterals.Quote(text), new JsonDocumentOptions { MaxDepth = 64 });
            return Read(document.RootElement, name);
        }
        catch (JsonException exception)
        {
            throw new UsageException($"--log {name} is not valid JSON: {exception.Message}");
        }
        catch (InvalidOperationException exception)
        {
            // An escaped unpaired surrogate parses, then throws when its name or string is read.
            throw new UsageException($"--log {name} is not valid JSON: {exception.Message}");
        }
    }

    private static RunLog Read(JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("log_history", out var history))
        {
            throw new UsageException($"--log {name} is a JSON object without log_history: a Hugging Face trainer_state.json has one (the Trainer writes it in each checkpoint folder and in the output folder).");
        }

        if (history.ValueKind != JsonValueKind.Array)
        {
            throw new UsageException($"--log {name}: log_history is {Describe(history)}, not a list of log entries.");
        }

        var problems = new LogProblems();
        var rates = ImmutableArray.CreateBuilder<LoggedRate>();
        var index = -1;
        foreach (var entry in history.EnumerateArray())
        {
            index++;
            var where = $"log_history[{index}]";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"--log {name}: {where} is {Describe(entry)}, not a log entry (an object).");
                continue;
            }

            if (!entry.TryGetProperty("learning_rate", out var rate))
            {
                continue;
            }

            var step = Step(entry, where, name, problems);
            if (rate.ValueKind != JsonValueKind.Number || !rate.TryGetDouble(out var value) || !LogValues.IsRate(value))
            {
                problems.Add($"--log {name}: {where}.learning_rate is {Describe(rate)}, not a finite learning rate >= 0.");
                continue;
            }

            if (step is { } logged)
            {
                rates.Add(new LoggedRate(logged, value, where));
            }
        }

        var maxSteps = MaxSteps(root, name, problems);
        problems.ThrowIfAny();
        var skipped = index + 1 - rates.Count;
        var description = $"{rates.Count} learning rates in {index + 1} log_history entries"
            + (skipped > 0 ? $" ({skipped} without learning_rate skipped)" : string.Empty)
            + (maxSteps is { } steps ? $", max_steps {steps}" : ", no max_steps");
        return new RunLog([.. rates.OrderBy(rate => rate.Step)], maxSteps, "Hugging Face trainer state", description);
    }

    private static long? Step(JsonElement entry, string where, string name, LogProblems problems)
    {
        if (!entry.TryGetProperty("step", out var step))
        {
            problems.Add($"--log {name}: {where} has a learning_rate but no step.");
            return null;
        }

        if (step.ValueKind == JsonValueKind.Number && (step.TryGetInt64(out var whole) ? whole >= 0 : step.TryGetDouble(out var number) && LogValues.TryStep(number, out whole)))
        {
            return whole;
        }

        problems.Add($"--log {name}: {where}.step is {Describe(step)}, not a step (a whole number >= 0).");
        return null;
    }

    private static long? MaxSteps(JsonElement root, string name, LogProblems problems)
    {
        if (!root.TryGetProperty("max_steps", out var maxSteps) || maxSteps.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (maxSteps.ValueKind == JsonValueKind.Number && maxSteps.TryGetInt64(out var steps) && steps >= 1)
        {
            return steps;
        }

        problems.Add($"--log {name}: max_steps is {Describe(maxSteps)}, not a number of steps (a whole number >= 1).");
        return null;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => LogValues.Quote(value.GetRawText()),
        JsonValueKind.String when PythonJsonLiterals.IsWord(value.GetString()!) => value.GetString()!,
        JsonValueKind.String => $"the string {LogValues.Quote(value.GetString()!)}",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "a list",
        _ => "an object",
    };
}
