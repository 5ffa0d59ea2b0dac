namespace Schedulers;

/// <summary>
/// PyTorch's <c>CosineAnnealingLR</c> in closed form, <c>eta_min + (base - eta_min) * (1 + cos(pi * t / T_max)) / 2</c>,
/// as a factor of the base (floor ratio <c>r = eta_min / base</c>). Like PyTorch's it is periodic past <c>T_max</c>.
/// </summary>
internal sealed class CosineAnnealingCurve(long periodSteps, double floorRatio) : DecayCurve
{
    public override double Factor(long t)
    {
        // Reducing t modulo the 2 * T_max period keeps the angle small, so huge steps lose no precision.
        var phase = t % (2 * periodSteps);
        return floorRatio + ((1.0 - floorRatio) * (1.0 + Math.Cos(Math.PI * phase / periodSteps)) / 2.0);
    }
}
