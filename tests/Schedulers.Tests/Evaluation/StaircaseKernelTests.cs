namespace Schedulers.Tests.Evaluation;

/// <summary>The staircase kernel of epoch units: one value per run, spread in place over its run.</summary>
public sealed class StaircaseKernelTests
{
    public static TheoryData<long> RunLengths => [1, 2, 3, 7, 8, 9, 16, 33, 1_000, long.MaxValue];

    [Theory]
    [MemberData(nameof(RunLengths))]
    public void Each_value_fills_its_run_for_every_length_and_first_run_in_double(long runLength)
    {
        for (var length = 1; length <= 120; length++)
        {
            foreach (var firstRun in FirstRuns(runLength, length))
            {
                var (destination, expected) = Arrange<double>(length, firstRun, runLength, value => value);
                Kernels.Staircase(destination.AsSpan(), Runs(length, firstRun, runLength), firstRun, runLength);
                destination.Should().Equal(expected, "length {0}, first run {1}, runs of {2}", length, firstRun, runLength);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RunLengths))]
    public void Each_value_fills_its_run_for_every_length_and_first_run_in_float(long runLength)
    {
        for (var length = 1; length <= 120; length++)
        {
            foreach (var firstRun in FirstRuns(runLength, length))
            {
                var (destination, expected) = Arrange<float>(length, firstRun, runLength, value => (float)value);
                Kernels.Staircase(destination.AsSpan(), Runs(length, firstRun, runLength), firstRun, runLength);
                destination.Should().Equal(expected, "length {0}, first run {1}, runs of {2}", length, firstRun, runLength);
            }
        }
    }

    /// <summary>Every first run from 1 to a whole run, cut at the destination's end.</summary>
    private static IEnumerable<int> FirstRuns(long runLength, int length) =>
        Enumerable.Range(1, (int)Math.Min(runLength, length)).Where(firstRun => firstRun <= 20 || firstRun % 17 == 0 || firstRun == Math.Min(runLength, length));

    private static int Runs(int length, int firstRun, long runLength) =>
        firstRun >= length ? 1 : 2 + (int)((length - firstRun - 1) / runLength);

    /// <summary>The destination as the kernel receives it (the run values at its end, markers elsewhere) and what it must become.</summary>
    private static (T[] Destination, T[] Expected) Arrange<T>(int length, int firstRun, long runLength, Func<double, T> from)
    {
        var runs = Runs(length, firstRun, runLength);
        var destination = Enumerable.Repeat(from(-1), length).ToArray();
        for (var run = 0; run < runs; run++)
        {
            destination[length - runs + run] = from(100 + run);
        }

        var expected = new T[length];
        for (var i = 0; i < length; i++)
        {
            expected[i] = from(100 + (i < firstRun ? 0 : 1 + (int)((i - firstRun) / runLength)));
        }

        return (destination, expected);
    }
}
