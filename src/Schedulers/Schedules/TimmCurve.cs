namespace Schedulers;

/// <summary>
/// What a timm scheduler's <c>_get_lr(t)</c> computes once the warmup is over, as a learning rate (timm's own order of
/// operations, not a factor of the base), for the <c>t</c> timm's scheduler sees: the step, less <c>warmup_t</c> with
/// <c>warmup_prefix</c>. <see cref="TimmSchedule"/> adds the warmup and the noise.
/// </summary>
internal abstract class TimmCurve
{
    /// <summary>Gets the learning rate at <paramref name="t"/> &gt;= 0.</summary>
    public abstract double LearningRateAt(long t);

    /// <summary>Gets where the curve changes phase (restarts, decays, the end of the last cycle), ascending, in <c>t</c>.</summary>
    public virtual IEnumerable<long> Boundaries => [];

    /// <summary>Gets where the curve's configured course ends, on the curve's clock, and the settings that set it; <see langword="null"/> when it runs on without end.</summary>
    public virtual CourseEnd? CourseEnd => null;

    /// <summary>The first <c>t</c> after <paramref name="t"/> at which the value may change; <see cref="long.MaxValue"/> when it never does.</summary>
    public virtual long NextChange(long t) => t + 1;

    /// <summary>Fills <c>destination[i] = LearningRateAt(firstT + i)</c>; the default is the closed form, curves override it with kernels.</summary>
    public virtual void Fill<T>(long firstT, Span<T> destination)
        where T : unmanaged
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = Lanes.From<T>(LearningRateAt(firstT + i));
        }
    }

    /// <summary>Fills runs of equal value (step functions), one plain fill per run between <see cref="NextChange"/> points.</summary>
    protected void FillConstantRuns<T>(long firstT, Span<T> destination)
        where T : unmanaged
    {
        var done = 0;
        while (done < destination.Length)
        {
            var t = firstT + done;
            var run = (int)Math.Clamp(NextChange(t) - t, 1, destination.Length - done);
            Kernels.Constant(destination.Slice(done, run), LearningRateAt(t));
            done += run;
        }
    }
}
