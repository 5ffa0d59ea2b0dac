using System.Buffers;

namespace Schedulers.Designer;

/// <summary>
/// A curve reduced to what a plot can show: for each pixel column, the first, lowest, highest and last value of the
/// steps it covers. Values come from the schedule's vectorized evaluator in fixed-size chunks, so a run of millions of
/// steps costs milliseconds and a constant amount of memory, and the plot gets two points per column, never one per
/// step. Ranges too long to evaluate in full (beyond <see cref="DefaultExhaustiveLimit"/> steps, or a limit of the caller's) are sampled evenly, boundaries
/// of every phase included. Shared by the command line's plots and the designer's curves.
/// </summary>
public sealed class CurveEnvelope
{
    /// <summary>The command line's default: every step up to 50 million, beyond that 2,048 samples per column.</summary>
    public const long DefaultExhaustiveLimit = 50_000_000;

    /// <summary>The command line's default number of samples per column for a range too long to evaluate in full.</summary>
    public const int DefaultSamplesPerColumn = 2_048;

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

    /// <summary>Gets the value at the first step of each column.</summary>
    public double[] First { get; }

    /// <summary>Gets the lowest value of each column.</summary>
    public double[] Low { get; }

    /// <summary>Gets the highest value of each column.</summary>
    public double[] High { get; }

    /// <summary>Gets the value at the last step of each column.</summary>
    public double[] Last { get; }

    /// <summary>Reduces <paramref name="count"/> steps from <paramref name="start"/> to at most <paramref name="columns"/> columns.</summary>
    /// <param name="schedule">The schedule to evaluate.</param>
    /// <param name="start">The first step.</param>
    /// <param name="count">How many steps (at least 1).</param>
    /// <param name="columns">How many columns at most (at least 1); fewer when there are fewer steps.</param>
    /// <returns>The envelope.</returns>
    public static CurveEnvelope Of(LearningRateSchedule schedule, long start, long count, int columns) =>
        Of(schedule, start, count, columns, DefaultExhaustiveLimit, DefaultSamplesPerColumn);

    /// <summary>
    /// Reduces <paramref name="count"/> steps with a cost budget of its own: a server answering as a person types wants
    /// milliseconds, a plot written once can afford more samples.
    /// </summary>
    /// <param name="schedule">The schedule to evaluate.</param>
    /// <param name="start">The first step.</param>
    /// <param name="count">How many steps (at least 1).</param>
    /// <param name="columns">How many columns at most (at least 1); fewer when there are fewer steps.</param>
    /// <param name="exhaustiveLimit">Up to this many steps, every step is evaluated (vectorized).</param>
    /// <param name="samplesPerColumn">Beyond it, how many evenly spaced steps each column samples (phase boundaries are always added).</param>
    /// <returns>The envelope.</returns>
    public static CurveEnvelope Of(LearningRateSchedule schedule, long start, long count, int columns, long exhaustiveLimit, int samplesPerColumn)
    {
        ArgumentNullException.ThrowIfNull(schedule);
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

        if (count <= exhaustiveLimit)
        {
            // Offsets arrive in order, so the column only ever moves forward.
            // Rented: a server draws many curves at once, and a fresh half-megabyte buffer each time would churn the large-object heap.
            var length = (int)Math.Min(ChunkLength, count);
            var buffer = ArrayPool<double>.Shared.Rent(length);
            var column = 0;
            for (long done = 0; done < count; done += length)
            {
                var chunk = buffer.AsSpan(0, (int)Math.Min(length, count - done));
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

            ArrayPool<double>.Shared.Return(buffer);
        }
        else
        {
            for (var column = 0; column < columns; column++)
            {
                var (from, to) = (starts[column], starts[column + 1]);
                for (var k = 0; k < samplesPerColumn; k++)
                {
                    var offset = from + (long)((double)(to - from) * k / samplesPerColumn);
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
