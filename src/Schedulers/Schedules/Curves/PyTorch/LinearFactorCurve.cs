namespace Schedulers;

/// <summary>PyTorch's <c>LinearLR</c> in closed form: <c>start + (end - start) * min(t, total_iters) / total_iters</c>.</summary>
internal sealed class LinearFactorCurve(double startFactor, double endFactor, long totalIters) : DecayCurve
{
    public override IEnumerable<long> Boundaries => [totalIters];

    protected override long? End => totalIters;

    public override double Factor(long t) =>
        startFactor + ((endFactor - startFactor) * Math.Min(t, totalIters) / totalIters);

    protected override void FillMoving<T>(long firstT, double scale, Span<T> destination) =>
        Kernels.Map(destination, firstT, new AffineOperator(scale * startFactor, scale * (endFactor - startFactor) / totalIters));
}
