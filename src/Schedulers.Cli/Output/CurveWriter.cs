using System.Globalization;

namespace Schedulers.Cli;

/// <summary>
/// Streams a curve in chunks filled by the schedule's evaluator, so that a curve of millions of steps needs a fixed,
/// small buffer. Numbers are written in shortest round-trip form, invariant culture.
/// </summary>
internal static class CurveWriter
{
    private const int ChunkLength = 16_384;

    public static void Write(LearningRateSchedule schedule, long start, long count, CurveFormat format, TextWriter output)
    {
        if (format == CurveFormat.Csv)
        {
            output.Write("step,lr\n");
        }
        else
        {
            output.Write($"{{\"config\":{schedule.ToJson()},\"start\":{start.ToString(CultureInfo.InvariantCulture)},\"lr\":[");
        }

        var values = new double[(int)Math.Min(ChunkLength, Math.Max(count, 1))];
        Span<char> text = stackalloc char[64];
        for (long done = 0; done < count; done += values.Length)
        {
            var chunk = values.AsSpan(0, (int)Math.Min(values.Length, count - done));
            schedule.Evaluate(start + done, chunk);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (format == CurveFormat.Csv)
                {
                    (start + done + i).TryFormat(text, out var written, provider: CultureInfo.InvariantCulture);
                    output.Write(text[..written]);
                    output.Write(',');
                }
                else if (done + i > 0)
                {
                    output.Write(',');
                }

                chunk[i].TryFormat(text, out var length, "R", CultureInfo.InvariantCulture);
                output.Write(text[..length]);
                if (format == CurveFormat.Csv)
                {
                    output.Write('\n');
                }
            }
        }

        if (format == CurveFormat.Json)
        {
            output.Write("]}\n");
        }

        output.Flush();
    }
}
