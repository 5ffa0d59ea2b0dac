namespace Schedulers;

/// <summary>
/// The cycles timm's cosine, tanh and polynomial schedulers share: cycle <c>i</c> lasts <c>t_initial * cycle_mul^i</c>
/// steps and peaks at <c>learning_rate * cycle_decay^i</c>; from cycle <c>cycle_limit</c> on the value is <c>lr_min</c>.
/// The cycle of a step is found exactly as timm finds it: <c>t // t_initial</c> when <c>cycle_mul</c> is 1, else
/// <c>floor(log(1 - t / t_initial * (1 - cycle_mul), cycle_mul))</c> with its rounding, so a step on the edge of a cycle
/// falls on the side timm puts it.
/// </summary>
internal abstract class TimmCycles : TimmCurve
{
    /// <summary>The most boundaries <see cref="Boundaries"/> lists (cycles are many only when short; the values go on past them).</summary>
    private const int MaxListedBoundaries = 10_000;

    protected TimmCycles(Settings cycles)
    {
        BaseLearningRate = cycles.BaseLearningRate;
        Initial = cycles.Initial;
        LrMin = cycles.LrMin;
        Multiplier = cycles.Multiplier;
        Decay = cycles.Decay;
        Limit = cycles.Limit;
    }

    /// <summary>The settings every cycle follows: the base rate, <c>t_initial</c>, <c>lr_min</c>, <c>cycle_mul</c>, <c>cycle_decay</c>, <c>cycle_limit</c>.</summary>
    internal sealed record Settings(double BaseLearningRate, long Initial, double LrMin, double Multiplier, double Decay, long Limit);

    protected double BaseLearningRate { get; }

    protected long Initial { get; }

    protected double LrMin { get; }

    protected double Multiplier { get; }

    protected double Decay { get; }

    protected long Limit { get; }

    /// <summary>Gets whether every cycle has the same whole length, <c>t_initial</c> (<c>cycle_mul</c> 1).</summary>
    protected bool FixedLength => Multiplier == 1;

    public override IEnumerable<long> Boundaries
    {
        get
        {
            var t = 0L;
            for (var count = 0; count < MaxListedBoundaries; count++)
            {
                t = CycleEnd(t);
                if (t == long.MaxValue)
                {
                    yield break;
                }

                yield return t;
            }
        }
    }

    /// <summary>The end of the last of <c>cycle_limit</c> cycles, after which the value is <c>lr_min</c>: none past <see cref="long.MaxValue"/>, or past the cycles listed.</summary>
    public override CourseEnd? CourseEnd
    {
        get
        {
            if (FixedLength)
            {
                return Limit > long.MaxValue / Initial ? null : new CourseEnd(Initial * Limit, Limit == 1 ? ScheduleKeys.TInitial : "t_initial × cycle_limit");
            }

            var t = 0L;
            for (var cycle = 0L; cycle < Limit; cycle++)
            {
                if (cycle == MaxListedBoundaries || (t = CycleEnd(t)) == long.MaxValue)
                {
                    return null;
                }
            }

            return new CourseEnd(t, "cycle_limit cycles of t_initial × cycle_mul^i");
        }
    }

    public override double LearningRateAt(long t) =>
        CycleOf(t) is { } cycle ? LearningRateIn(cycle, BaseLearningRate * Math.Pow(Decay, cycle.Index)) : LrMin;

    public override long NextChange(long t) => CycleOf(t) is null ? long.MaxValue : t + 1;

    public override void Fill<T>(long firstT, Span<T> destination)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var t = firstT + done;
            var count = (int)Math.Min(CycleEnd(t) - t, destination.Length - done);
            var part = destination.Slice(done, count);
            if (CycleOf(t) is { } cycle)
            {
                FillCycle(cycle, BaseLearningRate * Math.Pow(Decay, cycle.Index), t, part);
            }
            else
            {
                Kernels.Constant(part, LrMin);
            }

            done += count;
        }
    }

    /// <summary>The value within a cycle, in timm's order of operations, given the cycle's peak <c>lr_max</c>.</summary>
    protected abstract double LearningRateIn(Cycle cycle, double lrMax);

    /// <summary>Fills steps of one cycle from <paramref name="firstT"/> on; the default is the closed form, step by step.</summary>
    protected virtual void FillCycle<T>(Cycle cycle, double lrMax, long firstT, Span<T> destination)
        where T : unmanaged
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = Lanes.From<T>(LearningRateAt(firstT + i));
        }
    }

    /// <summary>
    /// timm's cycle of <paramref name="t"/>: index <c>i</c>, length <c>t_i</c> and position <c>t_curr</c>; null past the
    /// last cycle. With <c>cycle_mul</c> below 1 the cycles shrink and end for good at <c>t_initial / (1 - cycle_mul)</c>,
    /// where timm's logarithm has no argument left (Python raises there); every cycle has ended by then, so the value is
    /// <c>lr_min</c>, as it is past <c>cycle_limit</c>.
    /// </summary>
    protected Cycle? CycleOf(long t)
    {
        if (FixedLength)
        {
            var whole = t / Initial;
            return whole < Limit ? new Cycle(whole, Initial, Initial * whole, t - (Initial * whole)) : null;
        }

        var argument = 1 - ((double)t / Initial * (1 - Multiplier));
        if (!(argument > 0))
        {
            return null;
        }

        // Python's math.log(x, base) is log(x) / log(base).
        var index = Math.Floor(Math.Log(argument) / Math.Log(Multiplier));
        if (!(index < Limit))
        {
            return null;
        }

        var grown = Math.Pow(Multiplier, index);
        var start = (1 - grown) / (1 - Multiplier) * Initial;
        return new Cycle(index, grown * Initial, start, t - start);
    }

    /// <summary>The first step after <paramref name="t"/> in another cycle (or past the last); <see cref="long.MaxValue"/> when there is none.</summary>
    protected long CycleEnd(long t)
    {
        if (CycleOf(t) is not { } cycle)
        {
            return long.MaxValue;
        }

        if (FixedLength)
        {
            var next = (long)cycle.Index + 1;
            return next > long.MaxValue / Initial ? long.MaxValue : next * Initial;
        }

        // Where the cycle ends in exact arithmetic, then the step timm's rounded logarithm moves on at, a step or two away.
        var end = (1 - Math.Pow(Multiplier, cycle.Index + 1)) / (1 - Multiplier) * Initial;
        if (!(end < 4611686018427387904.0 /* 2^62 */))
        {
            return long.MaxValue;
        }

        var candidate = Math.Max(t + 1, (long)Math.Ceiling(end));
        while (candidate - 1 > t && !SameCycle(CycleOf(candidate - 1), cycle))
        {
            candidate--;
        }

        while (candidate < long.MaxValue && SameCycle(CycleOf(candidate), cycle))
        {
            candidate++;
        }

        return candidate;
    }

    private static bool SameCycle(Cycle? other, Cycle cycle) => other is { } found && found.Index == cycle.Index;

    /// <summary>
    /// One cycle as timm computes it: index <c>i</c>, length <c>t_i</c>, where it starts (a fraction when the lengths
    /// grow or shrink), and the position <c>t_curr = t - start</c> of the step it was found for.
    /// </summary>
    protected readonly record struct Cycle(double Index, double Length, double Start, double Position)
    {
        /// <summary>Gets the position of step <paramref name="t"/> of this cycle, rounded as timm rounds it.</summary>
        public double PositionOf(long t) => t - Start;
    }
}
