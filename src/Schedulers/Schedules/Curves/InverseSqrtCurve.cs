namespace Schedulers;

/// <summary>transformers' inverse square root: <c>1 / sqrt((t + timescale) / timescale)</c>; it has no end and keeps decaying.</summary>
internal sealed class InverseSqrtCurve(long timescale) : DecayCurve
{
    // Adding in double cannot overflow at huge steps, and is exact (as transformers' integer sum is) below 2^53.
    public override double Factor(long t) => 1.0 / Math.Sqrt(((double)t + timescale) / timescale);

    protected override void FillMoving<T>(long firstT, double scale, Span<T> destination) =>
        Kernels.Map(destination, firstT, new InverseSqrtOperator(timescale, scale));
}
