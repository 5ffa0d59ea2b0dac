namespace Schedulers.Cli;

/// <summary>
/// A curve reduced to what a plot can show: for each pixel column, the first, lowest, highest and last value of the
/// steps it covers. Values come from the schedule's vectorized evaluator in fixed-size chunks, so a run of millions of
/// steps costs milliseconds and a constant amount of memory, and the plot gets two points per column, never one per
/// step. Ranges too long to evaluate in full (beyond <see cref="ExhaustiveLimit"/> steps) are sampled evenly, boundaries
/// of every phase included.
/// </summary>
internal sealed class CurveEnvelope
{
    private const long ExhaustiveLimit = 50_000_000;
    private const int SamplesPerColumn = 2_048;
    private const int ChunkLength = 65_536;

    private CurveEnvelope(double[] steps, double[] first, double[] low, double[] high, double[] last)
    {
        Steps = steps;
        First = first;
        Low = low;
        High = high;
        Last = last;
    }

    /// <summary>Gets the first step of each column.</summary>
    public double[] Steps { get; }

    public double[] First { get; }

    public double[] Low { get; }

    public double[] High { get; }

    public double[] Last { get; }

    public static CurveEnvelope Of(LearningRateSchedule schedule, long start, long count, int columns)
    {
        columns = (int)Math.Min(columns, count);
        var first = new double[columns];
        var low = Enumerable.Repeat(double.PositiveInfinity, columns).ToArray();
        var high = Enumerable.Repeat(double.NegativeInfinity, columns).ToArray();
        var last = new double[columns];

        // starts[c] is column c's first offset; starts[columns] = count closes the last column.
        var starts = new long[columns + 1];
        for (var column = 0; column <= columns; column++)
        {
            starts[column] = (long)Math.Floor((double)count * column / columns);
        }

        var steps = starts.Take(columns).Select(offset => (double)(start + offset)).ToArray();

        void Take(int column, double value)
        {
            if (double.IsPositiveInfinity(low[column]))
            {
                first[column] = value;
            }

            low[column] = Math.Min(low[column], value);
            high[column] = Math.Max(high[column], value);
            last[column] = value;
        }

        if (count <= ExhaustiveLimit)
        {
            // Offsets arrive in order, so the column only ever moves forward.
            var buffer = new double[(int)Math.Min(ChunkLength, count)];
            var column = 0;
            for (long done = 0; done < count; done += buffer.Length)
            {
                var chunk = buffer.AsSpan(0, (int)Math.Min(buffer.Length, count - done));
                schedule.Evaluate(start + done, chunk);
                for (var i = 0; i < chunk.Length; i++)
                {
                    while (done + i >= starts[column + 1])
                    {
                        column++;
                    }

                    Take(column, chunk[i]);
                }
            }
        }
        else
        {
            for (var column = 0; column < columns; column++)
            {
                var (from, to) = (starts[column], starts[column + 1]);
                for (var k = 0; k < SamplesPerColumn; k++)
                {
                    var offset = from + (long)((double)(to - from) * k / SamplesPerColumn);
                    Take(column, schedule.GetLearningRate(start + offset));
                }

                Take(column, schedule.GetLearningRate(start + to - 1));
            }

            // The steps where a phase changes, where a sample would most likely miss a jump.
            foreach (var boundary in schedule.PhaseBoundaries.Where(boundary => boundary > start && boundary - start < count))
            {
                Take(ColumnOf(starts, boundary - start - 1), schedule.GetLearningRate(boundary - 1));
                Take(ColumnOf(starts, boundary - start), schedule.GetLearningRate(boundary));
            }
        }

        return new CurveEnvelope(steps, first, low, high, last);
    }

    /// <summary>The points to draw: per column the first value, then the extreme values in the order they are reached, then the last.</summary>
    public (double[] X, double[] Y) Polyline()
    {
        var xs = new List<double>(Steps.Length * 4);
        var ys = new List<double>(Steps.Length * 4);
        for (var column = 0; column < Steps.Length; column++)
        {
            var x = Steps[column];
            var (a, b) = First[column] <= Last[column] ? (Low[column], High[column]) : (High[column], Low[column]);
            foreach (var y in new[] { First[column], a, b, Last[column] })
            {
                if (ys.Count == 0 || xs[^1] != x || ys[^1] != y)
                {
                    xs.Add(x);
                    ys.Add(y);
                }
            }
        }

        return ([.. xs], [.. ys]);
    }

    /// <summary>The column holding <paramref name="offset"/>: the last whose first offset is not after it.</summary>
    private static int ColumnOf(long[] starts, long offset)
    {
        var index = Array.BinarySearch(starts, offset);
        return index >= 0 ? Math.Min(index, starts.Length - 2) : ~index - 1;
    }
}
