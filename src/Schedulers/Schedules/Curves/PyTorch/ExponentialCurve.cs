namespace Schedulers;

/// <summary>PyTorch's <c>ExponentialLR</c>: <c>gamma^t</c>, filled as a geometric sequence.</summary>
internal sealed class ExponentialCurve(double gamma) : DecayCurve
{
    private readonly GeometricTable _powers = GeometricTable.FromRatio(gamma);

    public override double Factor(long t) => Math.Pow(gamma, t);

    protected override void FillMoving<T>(long firstT, double scale, Span<T> destination) => Kernels.Geometric(destination, firstT, _powers, scale);
}
