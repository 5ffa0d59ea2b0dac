using System.Globalization;

namespace Schedulers.Cli;

/// <summary>
/// Streams curves in chunks filled by the schedules' evaluators, so that a curve of millions of steps needs a fixed,
/// small buffer. Numbers are written in shortest round-trip form, invariant culture.
/// </summary>
internal static class CurveWriter
{
    private const int ChunkLength = 16_384;

    /// <summary>One curve, as CSV (header <c>step,lr</c>) or as one JSON object.</summary>
    public static void Write(LearningRateSchedule schedule, long start, long count, CurveFormat format, TextWriter output)
    {
        if (format == CurveFormat.Csv)
        {
            WriteCsv([schedule], ["lr"], start, count, output);
            return;
        }

        output.Write($"{{\"config\":{schedule.ToJson()},\"start\":{start.ToString(CultureInfo.InvariantCulture)},\"lr\":[");
        var values = new double[(int)Math.Min(ChunkLength, Math.Max(count, 1))];
        Span<char> text = stackalloc char[64];
        for (long done = 0; done < count; done += values.Length)
        {
            var chunk = values.AsSpan(0, (int)Math.Min(values.Length, count - done));
            schedule.Evaluate(start + done, chunk);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (done + i > 0)
                {
                    output.Write(',');
                }

                chunk[i].TryFormat(text, out var length, "R", CultureInfo.InvariantCulture);
                output.Write(text[..length]);
            }
        }

        output.Write("]}\n");
        output.Flush();
    }

    /// <summary>Values already computed (a replay's learning rates), from step 0, as CSV (header <c>step,lr</c>) or as one JSON object.</summary>
    public static void WriteValues(string configJson, IReadOnlyList<double> values, CurveFormat format, TextWriter output)
    {
        if (format == CurveFormat.Csv)
        {
            output.Write("step,lr\n");
            for (var i = 0; i < values.Count; i++)
            {
                output.Write(string.Create(CultureInfo.InvariantCulture, $"{i},{values[i]:R}\n"));
            }
        }
        else
        {
            var rates = string.Join(',', values.Select(value => value.ToString("R", CultureInfo.InvariantCulture)));
            output.Write($"{{\"config\":{configJson},\"start\":0,\"lr\":[{rates}]}}\n");
        }

        output.Flush();
    }

    /// <summary>Header <c>step,NAME,...</c> and one row per step with a column per schedule, each filled chunk by chunk by its evaluator.</summary>
    public static void WriteCsv(IReadOnlyList<LearningRateSchedule> schedules, IReadOnlyList<string> names, long start, long count, TextWriter output)
    {
        output.Write("step," + string.Join(',', names.Select(Quote)) + "\n");
        var columns = schedules.Select(_ => new double[(int)Math.Min(ChunkLength, Math.Max(count, 1))]).ToArray();
        Span<char> text = stackalloc char[64];
        for (long done = 0; done < count; done += columns[0].Length)
        {
            var length = (int)Math.Min(columns[0].Length, count - done);
            for (var c = 0; c < schedules.Count; c++)
            {
                schedules[c].Evaluate(start + done, columns[c].AsSpan(0, length));
            }

            for (var i = 0; i < length; i++)
            {
                (start + done + i).TryFormat(text, out var written, provider: CultureInfo.InvariantCulture);
                output.Write(text[..written]);
                foreach (var column in columns)
                {
                    output.Write(',');
                    column[i].TryFormat(text, out written, "R", CultureInfo.InvariantCulture);
                    output.Write(text[..written]);
                }

                output.Write('\n');
            }
        }

        output.Flush();
    }

    private static string Quote(string name) =>
        name.Contains(',', StringComparison.Ordinal) || name.Contains('"', StringComparison.Ordinal) ? $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : name;
}
