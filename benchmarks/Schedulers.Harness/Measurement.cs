using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Schedulers.Harness;

/// <summary>
/// Issue 15's method in one process: for each configuration, rounds of Span.Fill (double), Evaluate (double),
/// Span.Fill (float), Evaluate (float) on the same buffers, keeping each contender's fastest round. On a shared 2-vCPU
/// VM noise only ever adds time, so the minimum is the figure that repeats; interleaving puts the floor and the
/// contender under the same conditions, so their ratio holds even when the absolute times drift.
/// </summary>
internal sealed class Measurement(HarnessOptions options, IReadOnlyList<ConfigurationTemplate> templates)
{
    private const double DoubleContract = 1e-14;
    private const double FloatContract = 1e-6;
    private const int EvenSamples = 4096;

    /// <summary>
    /// A row that falls back to scalar code at 32M spends seconds a round; past this budget (and two rounds, enough for
    /// a fastest round that is not the first) it stops early, so a cliff costs the run seconds rather than minutes.
    /// The table marks such a row with the rounds it had.
    /// </summary>
    private static readonly TimeSpan RowBudget = TimeSpan.FromSeconds(5);

    private const int MinimumRounds = 2;

    /// <summary>Measures every selected configuration at every size; returns the number of failed checks.</summary>
    public int Run(string requestedWidth)
    {
        var width = VectorWidth.Current;
        var honoured = width.Honours(requestedWidth);
        var failures = honoured ? 0 : 1;
        var largest = options.Sizes.Max();

        // Allocated once for the largest size and sliced for the others: 32M doubles are 256 MB, and a second pair of
        // buffers per size would double what a 24 GB machine shared with builds has to give.
        var doubles = new double[largest];
        var singles = new float[largest];

        // A fresh large array is mapped but not yet touched: writing it once here keeps the page faults out of the
        // first configuration's rounds, where with the few rounds at 32M they could be all that row measured.
        doubles.AsSpan().Fill(1);
        singles.AsSpan().Fill(1);
        for (var index = 0; index < options.Sizes.Count; index++)
        {
            var steps = options.Sizes[index];
            Console.WriteLine(Invariant($"## {width} vectors, {steps:N0} steps (requested width: {requestedWidth}; {VectorWidth.Describe()}; {options.RoundsFor(index)} rounds)"));
            Console.WriteLine();
            if (!honoured)
            {
                Console.WriteLine($"**FAIL: the switch for {requestedWidth} did not take effect in this process**; the figures below are {width}.");
                Console.WriteLine();
            }

            failures += MeasureSize(width, steps, options.RoundsFor(index), doubles.AsSpan(0, steps), singles.AsSpan(0, steps));
        }

        return failures;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private int MeasureSize(VectorWidth width, int steps, int rounds, Span<double> doubles, Span<float> singles)
    {
        Console.WriteLine("| configuration | double: Evaluate / Fill | float: Evaluate / Fill | target (double / float) | result | fastest µs: Evaluate / Fill, double; float |");
        Console.WriteLine("| --- | ---: | ---: | ---: | --- | ---: |");
        var failures = 0;
        var rows = 0;
        double worstDouble = 0, worstFloat = 0;
        long allocated = 0;
        foreach (var template in templates.Where(template => options.Selects(template.Name)))
        {
            var json = template.Expand(steps);
            var schedule = LearningRateSchedule.FromJson(json);
            var first = template.Start;
            double fillDouble = double.MaxValue, evaluateDouble = double.MaxValue, fillFloat = double.MaxValue, evaluateFloat = double.MaxValue;
            long bytesDouble = long.MaxValue, bytesFloat = long.MaxValue;
            var spent = Stopwatch.StartNew();
            var done = 0;
            while (done < rounds && (done < MinimumRounds || spent.Elapsed < RowBudget))
            {
                fillDouble = Fastest(fillDouble, doubles);
                evaluateDouble = Fastest(evaluateDouble, ref bytesDouble, schedule, first, doubles);
                fillFloat = Fastest(fillFloat, singles);
                evaluateFloat = Fastest(evaluateFloat, ref bytesFloat, schedule, first, singles);
                done++;
            }

            // Both buffers now hold Evaluate's output, the last thing each round wrote to them.
            var doubleError = WorstError(schedule, first, (ReadOnlySpan<double>)doubles);
            var floatError = WorstError(schedule, first, (ReadOnlySpan<float>)singles);

            var bytes = bytesDouble + bytesFloat;
            var ratioDouble = evaluateDouble / fillDouble;
            var ratioFloat = evaluateFloat / fillFloat;
            var target = Targets.For(width, steps, Targets.Classify(schedule, json));
            var problems = new List<string>();
            if (target is { } ceiling)
            {
                if (ratioDouble > ceiling.Double)
                {
                    problems.Add(Invariant($"double {ratioDouble:F2} > {ceiling.Double}"));
                }

                if (ratioFloat > ceiling.Float)
                {
                    problems.Add(Invariant($"float {ratioFloat:F2} > {ceiling.Float}"));
                }
            }

            if (bytes != 0)
            {
                problems.Add(Invariant($"{bytes} B allocated"));
            }

            if (!(doubleError <= DoubleContract))
            {
                problems.Add(Invariant($"double error {doubleError:E1}"));
            }

            if (!(floatError <= FloatContract))
            {
                problems.Add(Invariant($"float error {floatError:E1}"));
            }

            var result = problems.Count > 0 ? $"**FAIL** ({string.Join("; ", problems)})" : target is null ? "no target (checks pass)" : "PASS";
            var targetText = target is { } t ? Invariant($"≤ {t.Double} / ≤ {t.Float}") : "—";
            Console.WriteLine(Invariant(
                $"| `{template.Name}`{(done < rounds ? $" ({done} rounds)" : "")} | {ratioDouble:F2} | {ratioFloat:F2} | {targetText} | {result} | {evaluateDouble:F0} / {fillDouble:F0}; {evaluateFloat:F0} / {fillFloat:F0} |"));
            failures += problems.Count > 0 ? 1 : 0;
            rows++;
            worstDouble = Math.Max(worstDouble, doubleError);
            worstFloat = Math.Max(worstFloat, floatError);
            allocated += bytes;
        }

        Console.WriteLine();
        Console.WriteLine(Invariant(
            $"{rows - failures} of {rows} rows pass. Allocated per Evaluate call (the least of the rounds), all rows together: {allocated} B. Worst error over the sampled steps, relative to max(learning_rate, |value|): double {worstDouble:E1} (contract {DoubleContract:E0}), float {worstFloat:E1} (contract {FloatContract:E0})."));
        Console.WriteLine();
        return failures;
    }

    private static double Fastest<T>(double best, Span<T> buffer)
        where T : unmanaged, INumberBase<T>
    {
        var fill = T.CreateChecked(3e-4);
        var start = Stopwatch.GetTimestamp();
        buffer.Fill(fill);
        return Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMicroseconds);
    }

    /// <summary>
    /// Times one Evaluate call and keeps the least the calls so far allocated (the contract is none): an allocation of
    /// the code's repeats on every call, while the runtime's own rare work on this thread (seen once: 7,872 B in one
    /// call of thousands) does not and is no finding about Evaluate. The counter is read outside the timed span.
    /// </summary>
    private static double Fastest<T>(double best, ref long leastAllocated, LearningRateSchedule schedule, long first, Span<T> buffer)
        where T : unmanaged
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();

        // The JIT folds the type test away: each instantiation calls its own overload directly.
        if (typeof(T) == typeof(double))
        {
            schedule.Evaluate(first, MemoryMarshal.Cast<T, double>(buffer));
        }
        else
        {
            schedule.Evaluate(first, MemoryMarshal.Cast<T, float>(buffer));
        }

        var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        leastAllocated = Math.Min(leastAllocated, GC.GetAllocatedBytesForCurrentThread() - allocated);
        return Math.Min(best, elapsed);
    }

    /// <summary>
    /// The worst |Evaluate − GetLearningRate| over a sample of steps (the ends, evenly spread steps and both sides of
    /// every phase boundary in range), relative to max(learning_rate, |value|) as the accuracy tests measure it:
    /// checking all 32M steps would take longer than timing them.
    /// </summary>
    private static double WorstError<T>(LearningRateSchedule schedule, long first, ReadOnlySpan<T> values)
        where T : unmanaged, INumberBase<T>
    {
        var worst = 0.0;
        foreach (var index in SampleIndices(schedule, first, values.Length))
        {
            var expected = schedule.GetLearningRate(first + index);
            var error = Math.Abs(double.CreateChecked(values[index]) - expected) / Math.Max(schedule.LearningRate, Math.Abs(expected));
            // Math.Max keeps a NaN, so a NaN anywhere fails the check.
            worst = Math.Max(worst, error);
        }

        return worst;
    }

    private static IEnumerable<int> SampleIndices(LearningRateSchedule schedule, long first, int length)
    {
        var edge = Math.Min(16, length);
        var indices = Enumerable.Range(0, edge).Concat(Enumerable.Range(length - edge, edge))
            .Concat(Enumerable.Range(0, EvenSamples).Select(k => (int)((long)k * (length - 1) / (EvenSamples - 1))));
        var boundaries = schedule.PhaseBoundaries;
        if (boundaries.Count <= 10_000)
        {
            indices = indices.Concat(boundaries.Where(boundary => boundary >= first - 1 && boundary <= first + length)
                .SelectMany(boundary => new[] { boundary - first - 1, boundary - first })
                .Where(index => index >= 0 && index < length)
                .Select(index => (int)index));
        }

        return indices.Distinct();
    }
}
