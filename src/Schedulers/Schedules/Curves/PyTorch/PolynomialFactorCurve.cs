namespace Schedulers;

/// <summary>PyTorch's <c>PolynomialLR</c>: <c>(1 - min(t, total_iters) / total_iters)^power</c>.</summary>
internal sealed class PolynomialFactorCurve(long totalIters, double power) : DecayCurve
{
    private readonly PowerKernel _kernel = new(power);

    public override IEnumerable<long> Boundaries => [totalIters];

    protected override long? End => totalIters;

    public override double Factor(long t) => Math.Pow(1.0 - ((double)Math.Min(t, totalIters) / totalIters), power);

    protected override void FillMoving<T>(long firstT, double scale, Span<T> destination) =>
        _kernel.Fill(destination, firstT, totalIters, scale, 0.0);
}
