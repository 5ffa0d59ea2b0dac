using System.Numerics;

namespace Schedulers;

/// <summary><c>intercept + slope * step</c> with one fused multiply-add: warmups, linear decays, PyTorch's LinearLR.</summary>
internal readonly struct AffineOperator(double intercept, double slope) : IStepOperator
{
    public double Invoke(double step) => Math.FusedMultiplyAdd(slope, step, intercept);

    public Vector<double> Invoke(Vector<double> step) => Vector.FusedMultiplyAdd(new Vector<double>(slope), step, new Vector<double>(intercept));
}

/// <summary><c>scale / sqrt((step + timescale) / timescale)</c>, transformers' inverse square root decay (steps after the warmup).</summary>
internal readonly struct InverseSqrtOperator(double timescale, double scale) : IStepOperator
{
    public double Invoke(double step) => scale * (1.0 / Math.Sqrt((step + timescale) / timescale));

    public Vector<double> Invoke(Vector<double> step)
    {
        var ts = new Vector<double>(timescale);
        return new Vector<double>(scale) * (Vector<double>.One / Vector.SquareRoot((step + ts) / ts));
    }
}

/// <summary>
/// <c>scale * max(0, r + (1 - r) * shape(p))</c> with <c>p = step / length</c> and shape <c>1 - sqrt(1 - p)</c> (a rising
/// warmup) or <c>1 - sqrt(p)</c> (a falling decay): the <c>1-sqrt</c> shapes of <c>warmup_stable_decay</c>.
/// </summary>
internal readonly struct OneMinusSqrtOperator(double length, bool rising, double floorRatio, double scale) : IStepOperator
{
    public double Invoke(double step)
    {
        var progress = step / length;
        var shape = 1.0 - Math.Sqrt(rising ? 1.0 - progress : progress);
        return scale * Math.Max(0.0, (shape * (1.0 - floorRatio)) + floorRatio);
    }

    public Vector<double> Invoke(Vector<double> step)
    {
        var progress = step / new Vector<double>(length);
        var shape = Vector<double>.One - Vector.SquareRoot(rising ? Vector<double>.One - progress : progress);
        var factor = Vector.Max(Vector<double>.Zero, (shape * new Vector<double>(1.0 - floorRatio)) + new Vector<double>(floorRatio));
        return new Vector<double>(scale) * factor;
    }
}

/// <summary>
/// <c>range * (1 - step / length)^power + end</c> for a small whole <c>power</c> (repeated products of the exact ramp):
/// diffusers' polynomial decay and PyTorch's PolynomialLR in their common cases (power 1, 2, 3, ...).
/// </summary>
internal readonly struct IntegerPowerOperator(double length, int power, double range, double end) : IStepOperator
{
    public double Invoke(double step)
    {
        var remaining = 1.0 - (step / length);
        var product = remaining;
        for (var i = 1; i < power; i++)
        {
            product *= remaining;
        }

        return (range * product) + end;
    }

    public Vector<double> Invoke(Vector<double> step)
    {
        var remaining = Vector<double>.One - (step / new Vector<double>(length));
        var product = remaining;
        for (var i = 1; i < power; i++)
        {
            product *= remaining;
        }

        return (new Vector<double>(range) * product) + new Vector<double>(end);
    }
}
