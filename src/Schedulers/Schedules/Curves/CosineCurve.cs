namespace Schedulers;

/// <summary><c>max(0, f * (1 - r) + r)</c> with <c>f = 0.5 * (1 + cos(pi * num_cycles * 2 * p))</c>, <c>p = t / max(1, D)</c>, in transformers' order of operations.</summary>
internal sealed class CosineCurve : DecayCurve
{
    private readonly long _decaySteps;
    private readonly double _cycles;
    private readonly double _floorRatio;
    private readonly RotationTable? _rotation;

    public CosineCurve(long decaySteps, double cycles, double floorRatio)
    {
        _decaySteps = decaySteps;
        _cycles = cycles;
        _floorRatio = floorRatio;
        var angle = new CosineAngle(decaySteps, cycles);
        _rotation = Rotation.CanRotate(angle.Span) ? new RotationTable(angle.Delta) : null;
    }

    protected override long? End => _decaySteps;

    public override double Factor(long t)
    {
        var factor = 0.5 * (1.0 + Math.Cos(new CosineAngle(_decaySteps, _cycles).At(Math.Min(t, _decaySteps))));
        return Math.Max(0.0, (factor * (1.0 - _floorRatio)) + _floorRatio);
    }

    protected override void FillMoving<T>(long firstT, double scale, Span<T> destination)
    {
        if (_rotation is null)
        {
            base.FillMoving(firstT, scale, destination);
            return;
        }

        var half = scale * 0.5 * (1.0 - _floorRatio);
        Kernels.Rotate(destination, firstT, new CosineAngle(_decaySteps, _cycles), _rotation, half + (scale * _floorRatio), half, Floor);
    }
}
