using System.Globalization;

namespace Schedulers.Cli;

/// <summary>
/// What <c>schedulers validate</c> says of a schedule, read from its curve rather than from its top-level keys (a
/// composite's warmup and length are its children's): the learning rate at step 0, the peak and the first step at it,
/// the value where the course ends, whether and how the curve rises to its peak, and where the length came from.
/// </summary>
internal sealed class ScheduleSummary
{
    /// <summary>The window shown for a schedule with no end of its own, unless a phase ends later.</summary>
    public const long DefaultWindow = 1_000;

    /// <summary>Up to this many steps every value is computed; past it, samples and the phase boundaries stand for them.</summary>
    private const long ExhaustiveLimit = 10_000_000;

    private const int Samples = 1_000_000;

    /// <summary>
    /// Two values this close (relative to the larger) are the same level: the vector kernels agree with the closed form
    /// to 1e-14 of the learning rate, and an ulp above the peak after it is not where the curve reaches it.
    /// </summary>
    public const double SameLevel = 1e-12;

    private ScheduleSummary(LearningRateSchedule schedule, long lastStep, CurvePeak peak)
    {
        Schedule = schedule;
        LastStep = lastStep;
        Peak = peak;
    }

    public LearningRateSchedule Schedule { get; }

    /// <summary>Gets the last step summarised: the horizon, or the end of the window shown.</summary>
    public long LastStep { get; }

    private CurvePeak Peak { get; }

    public static ScheduleSummary Of(LearningRateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var lastStep = schedule.Horizon ?? Window(schedule);
        return new ScheduleSummary(schedule, lastStep, CurvePeak.Of(schedule, lastStep));
    }

    /// <summary>
    /// The steps shown for a schedule without an end: <see cref="DefaultWindow"/>, stretched to the first phase boundary
    /// past it (one whole cycle of a cyclic schedule, a whole warmup).
    /// </summary>
    public static long Window(LearningRateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var later = schedule.PhaseBoundaries.Where(boundary => boundary >= DefaultWindow).DefaultIfEmpty(DefaultWindow).Min();
        return Math.Min(later, ExhaustiveLimit - 1);
    }

    /// <summary>The one line: scheduler, learning rates at start, peak and end, the rise to the peak, and the length with its origin.</summary>
    public override string ToString()
    {
        var parts = new List<string>
        {
            $"valid: {Schedule.Name}",
            $"start lr {HumanNumber.Format(Peak.Start)}",
            $"peak lr {HumanNumber.Format(Peak.Value)} at step {Step(Peak.Step)}",
            $"final lr {HumanNumber.Format(Schedule.GetLearningRate(LastStep))} at step {Step(LastStep)}",
            Rise(),
            Length(),
        };
        if (Schedule.StepsPerEpoch > 1)
        {
            // Lengths above are optimizer steps; the configuration counted them in epochs.
            parts.Add($"in epochs of {Step(Schedule.StepsPerEpoch)} steps");
        }

        return string.Join(", ", parts);
    }

    /// <summary>
    /// A warmup when the curve climbs without a dip to a peak that is where a phase ends (the schedule's warmup, a
    /// SequentialLR's first milestone, an interpolated curve's point); otherwise only that it rises, as a cycle does.
    /// </summary>
    private string Rise()
    {
        if (Peak.Step == 0)
        {
            return Schedule.WarmupSteps > 0 ? "starts at its peak" : "no warmup";
        }

        var firstPhaseEnd = Schedule.WarmupSteps > 0 ? Schedule.WarmupSteps : Schedule.PhaseBoundaries.FirstOrDefault(boundary => boundary > 0);
        return Peak.ClimbsWithoutDip && firstPhaseEnd == Peak.Step
            ? $"warmup ends at step {Step(Peak.Step)}"
            : $"rises to the peak by step {Step(Peak.Step)}";
    }

    private string Length() => Schedule.TotalSteps is { } total
        ? $"total_steps {Step(total)}"
        : Schedule.CourseEnd is { } end
            ? $"no total_steps: ends at step {Step(end.Step)} ({end.Source})"
            : $"no total_steps and no end of its own: shown to step {Step(LastStep)}";

    private static string Step(long step) => step.ToString(CultureInfo.InvariantCulture);

    /// <summary>The curve's value at step 0, its highest value over the steps summarised, the first step at it, and whether the curve climbs to it without a dip.</summary>
    private sealed record CurvePeak(double Start, double Value, long Step, bool ClimbsWithoutDip)
    {
        private const int ChunkLength = 65_536;

        public static CurvePeak Of(LearningRateSchedule schedule, long lastStep)
        {
            // Two passes: the first step at the peak is only known once the peak is.
            var peak = Points(schedule, lastStep).Max(point => point.Value);
            var start = schedule.GetLearningRate(0);
            var previous = start;
            var climbs = true;
            foreach (var (step, value) in Points(schedule, lastStep))
            {
                if (value >= peak - (peak * SameLevel))
                {
                    return new CurvePeak(start, peak, step, climbs);
                }

                climbs &= value >= previous - (previous * SameLevel);
                previous = value;
            }

            throw new InvalidOperationException("the peak was not found again");
        }

        /// <summary>
        /// Every step up to <see cref="ExhaustiveLimit"/>, by the vector kernels; past it, evenly spread steps with every
        /// phase boundary and the step before it, where the curve turns.
        /// </summary>
        private static IEnumerable<(long Step, double Value)> Points(LearningRateSchedule schedule, long lastStep)
        {
            if (lastStep < ExhaustiveLimit)
            {
                for (long first = 0; first <= lastStep; first += ChunkLength)
                {
                    var chunk = new double[(int)Math.Min(ChunkLength, lastStep + 1 - first)];
                    schedule.Evaluate(first, chunk);
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        yield return (first + i, chunk[i]);
                    }
                }

                yield break;
            }

            var steps = Enumerable.Range(0, Samples + 1).Select(i => (long)((double)lastStep * i / Samples))
                .Concat(schedule.PhaseBoundaries.Where(boundary => boundary <= lastStep).SelectMany(boundary => new[] { boundary - 1, boundary }))
                .Where(step => step >= 0 && step <= lastStep)
                .Distinct()
                .Order();
            foreach (var step in steps)
            {
                yield return (step, schedule.GetLearningRate(step));
            }
        }
    }
}
