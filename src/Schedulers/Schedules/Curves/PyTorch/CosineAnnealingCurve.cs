namespace Schedulers;

/// <summary>
/// PyTorch's <c>CosineAnnealingLR</c> in closed form, <c>eta_min + (base - eta_min) * (1 + cos(pi * t / T_max)) / 2</c>,
/// as a factor of the base (floor ratio <c>r = eta_min / base</c>). Like PyTorch's it is periodic past <c>T_max</c>.
/// </summary>
internal sealed class CosineAnnealingCurve(long periodSteps, double floorRatio) : DecayCurve
{
    private readonly RotationTable _rotation = new(Math.PI / periodSteps);

    // Reducing t modulo the 2 * T_max period keeps the angle small, so huge steps lose no precision.
    public override double Factor(long t) =>
        floorRatio + ((1.0 - floorRatio) * (1.0 + Math.Cos(Angle.At(t))) / 2.0);

    private CycleAngle Angle => new(0, periodSteps, 2 * periodSteps);

    protected override void FillMoving<T>(long firstT, double scale, Span<T> destination)
    {
        var half = scale * (1.0 - floorRatio) / 2.0;
        Kernels.Rotate(destination, firstT, Angle, _rotation, half + (scale * floorRatio), half, Floor);
    }
}
