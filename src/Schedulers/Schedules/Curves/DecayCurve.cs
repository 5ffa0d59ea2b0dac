namespace Schedulers;

/// <summary>
/// The factor of a decay, as a function of the steps <c>t</c> since the warmup ended. Curves with an end hold their
/// final value past it (the contract's rule; Hugging Face's cosine lambdas would rise again).
/// </summary>
internal abstract class DecayCurve
{
    /// <summary>Gets the factor at <paramref name="t"/> &gt;= 0 steps after the warmup.</summary>
    public abstract double Factor(long t);

    /// <summary>Gets where the curve changes phase, in steps after the warmup (restarts, for example).</summary>
    public virtual IEnumerable<long> Boundaries => [];
}
