namespace Schedulers;

/// <summary>PyTorch's <c>LinearLR</c> in closed form: <c>start + (end - start) * min(t, total_iters) / total_iters</c>.</summary>
internal sealed class LinearFactorCurve(double startFactor, double endFactor, long totalIters) : DecayCurve
{
    public override IEnumerable<long> Boundaries => [totalIters];

    public override double Factor(long t) =>
        startFactor + ((endFactor - startFactor) * Math.Min(t, totalIters) / totalIters);
}
