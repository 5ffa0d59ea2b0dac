namespace Schedulers;

/// <summary>PyTorch's <c>ConstantLR</c>: <c>factor</c> until <c>total_iters</c>, then 1.</summary>
internal sealed class ConstantFactorCurve(double factor, long totalIters) : DecayCurve
{
    public override IEnumerable<long> Boundaries => [totalIters];

    protected override long? End => totalIters;

    public override double Factor(long t) => t < totalIters ? factor : 1.0;

    protected override long NextChange(long t) => totalIters;

    protected override void FillMoving<T>(long firstT, double scale, Span<T> destination) => Kernels.Constant(destination, scale * factor);
}
