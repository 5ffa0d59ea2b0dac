namespace Schedulers;

/// <summary>Factor 1 for ever.</summary>
internal sealed class ConstantCurve : DecayCurve
{
    public static ConstantCurve Instance { get; } = new();

    public override double Factor(long t) => 1.0;

    protected override long NextChange(long t) => long.MaxValue;

    protected override void FillMoving<T>(long firstT, double scale, Span<T> destination) => Kernels.Constant(destination, scale);
}
