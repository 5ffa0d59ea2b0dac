namespace Schedulers;

/// <summary>
/// The factor of a decay, as a function of the steps <c>t</c> since the warmup ended. Curves with an end hold their
/// final value past it (the contract's rule for the Hugging Face family; Hugging Face's cosine lambdas would rise again).
/// </summary>
internal abstract class DecayCurve
{
    /// <summary>
    /// Gets the lowest learning rate of the decay exactly as configured (<c>eta_min</c>, <c>min_lr</c>, <c>lr_end</c>,
    /// <c>learning_rate * min_lr_ratio</c>): the factor form <c>learning_rate * (eta_min / learning_rate)</c> can round an
    /// ulp below it, and a value under the floor the user set is a value they did not ask for.
    /// </summary>
    public double Floor { get; init; }

    /// <summary>Gets the factor at <paramref name="t"/> &gt;= 0 steps after the warmup.</summary>
    public abstract double Factor(long t);

    /// <summary>Gets the learning rate <paramref name="t"/> steps after the warmup: <paramref name="scale"/> times the factor, never below <see cref="Floor"/>.</summary>
    public double LearningRateAt(long t, double scale) => Math.Max(scale * Factor(t), Floor);

    /// <summary>
    /// Gets where the configured course of the curve ends, in steps after the warmup, and the settings that set it
    /// (<c>total_iters</c>, <c>T_max</c>, <c>decay_steps</c>); <see langword="null"/> for a curve that runs on without
    /// end, or whose length is always the schedule's <c>total_steps</c>. Set by the definition, which knows the keys.
    /// </summary>
    public CourseEnd? CourseEnd { get; init; }

    /// <summary>Gets where the curve changes phase, in steps after the warmup (restarts, for example).</summary>
    public virtual IEnumerable<long> Boundaries => [];

    /// <summary>Gets the step after which the curve holds <c>Factor(End)</c>, or <see langword="null"/> when it has no end.</summary>
    protected virtual long? End => null;

    /// <summary>Fills <c>destination[i] = LearningRateAt(firstT + i, scale)</c>: the moving part by <see cref="FillMoving"/>, the hold by a plain fill.</summary>
    public void Fill<T>(long firstT, double scale, Span<T> destination)
        where T : unmanaged
    {
        var moving = End is { } end ? (int)Math.Clamp(end - firstT, 0, destination.Length) : destination.Length;
        if (moving > 0)
        {
            FillMoving(firstT, scale, destination[..moving]);
        }

        if (moving < destination.Length)
        {
            Kernels.Constant(destination[moving..], LearningRateAt(End!.Value, scale));
        }
    }

    /// <summary>Fills steps before <see cref="End"/>; the default is the scalar closed form, curves override it with kernels.</summary>
    protected virtual void FillMoving<T>(long firstT, double scale, Span<T> destination)
        where T : unmanaged
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = Lanes.From<T>(LearningRateAt(firstT + i, scale));
        }
    }

    /// <summary>The first <c>t</c> after <paramref name="t"/> at which the factor may change (the hold past the end never does).</summary>
    public long ConstantRunEnd(long t) => End is { } end && t >= end ? long.MaxValue : NextChange(t);

    /// <summary>For step functions: the first step after <paramref name="t"/> where the factor may change.</summary>
    protected virtual long NextChange(long t) => t + 1;

    /// <summary>
    /// Overwrites the steps at whole multiples of <paramref name="period"/> with the closed form: where a periodic kernel
    /// reaches the ends of its range (a cosine's peak and floor), its rounding would leave 1e-20 where the user asked for 0.
    /// </summary>
    protected void ExactAtMultiples<T>(long firstT, long period, double scale, Span<T> destination)
        where T : unmanaged
    {
        var first = firstT % period == 0 ? firstT : firstT + (period - (firstT % period));
        for (var t = first; t - firstT < destination.Length; t += period)
        {
            destination[(int)(t - firstT)] = Lanes.From<T>(LearningRateAt(t, scale));
        }
    }

    /// <summary>Fills runs of equal factor (step functions), one plain fill per run between <see cref="NextChange"/> points.</summary>
    protected void FillConstantRuns<T>(long firstT, double scale, Span<T> destination)
        where T : unmanaged
    {
        var done = 0;
        while (done < destination.Length)
        {
            var t = firstT + done;
            var run = (int)Math.Clamp(NextChange(t) - t, 1, destination.Length - done);
            Kernels.Constant(destination.Slice(done, run), LearningRateAt(t, scale));
            done += run;
        }
    }
}
