namespace Schedulers;

/// <summary><c>r + (1 - r) * max(0, (D - t) / max(1, D))</c> over <c>D = N - W</c> steps, with floor ratio <c>r</c>.</summary>
internal sealed class LinearCurve(long decaySteps, double floorRatio) : DecayCurve
{
    protected override long? End => decaySteps;

    public override double Factor(long t)
    {
        // D - t equals N - step exactly, the numerator Hugging Face uses.
        var remaining = (double)(decaySteps - Math.Min(t, decaySteps)) / Math.Max(1L, decaySteps);
        return floorRatio + ((1.0 - floorRatio) * Math.Max(0.0, remaining));
    }

    // scale * (r + (1 - r) * (D - t) / D) is affine in t.
    protected override void FillMoving<T>(long firstT, double scale, Span<T> destination) =>
        Kernels.Map(destination, firstT, new AffineOperator(scale * (floorRatio + (1.0 - floorRatio)), -scale * (1.0 - floorRatio) / Math.Max(1L, decaySteps)));
}
