using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Schedulers;

/// <summary><c>intercept + slope * step</c> with one fused multiply-add: warmups, linear decays, PyTorch's LinearLR.</summary>
internal readonly struct AffineOperator(double intercept, double slope) : IStepOperator
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Invoke(double step) => Math.FusedMultiplyAdd(slope, step, intercept);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Invoke(Vector256<double> step) => Vector256.FusedMultiplyAdd(Vector256.Create(slope), step, Vector256.Create(intercept));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Invoke(Vector512<double> step) => Vector512.FusedMultiplyAdd(Vector512.Create(slope), step, Vector512.Create(intercept));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> step) => Vector512.FusedMultiplyAdd(Vector512.Create((float)slope), step, Vector512.Create((float)intercept));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> step) => Vector256.FusedMultiplyAdd(Vector256.Create((float)slope), step, Vector256.Create((float)intercept));
}

/// <summary>
/// <c>scale / sqrt((step + timescale) / timescale)</c>, transformers' inverse square root decay (steps after the warmup).
/// With AVX-512 it starts from the hardware's 14-bit reciprocal square root <c>y</c> and corrects it with the series
/// <c>1/sqrt(u) = y (1 + e/2 + 3e^2/8 + 5e^3/16 + ...)</c>, <c>e = 1 - u y^2</c>: with <c>|e| &lt; 2^-13</c> the first
/// omitted term is below 1e-16. With AVX alone it starts from single precision's 12-bit estimate and takes two more
/// terms; without AVX, a square root and a division.
/// </summary>
internal readonly struct InverseSqrtOperator(double timescale, double scale) : IStepOperator
{
    // Constants are formed once here: the JIT does not lift arithmetic on a struct's fields out of the kernel's loop.
    private readonly double _inverseTimescale = 1.0 / timescale;
    private readonly double _fourth = scale * 35.0 / 128.0;
    private readonly double _third = scale * 5.0 / 16.0;
    private readonly double _second = scale * 3.0 / 8.0;
    private readonly double _first = scale * 0.5;

    // Broadcast once for the 256-bit path, so that the kernel's loop takes them as memory operands: with sixteen vector
    // registers a broadcast per use and per iteration costs more than the arithmetic.
    private readonly Vector256<double> _inverseTimescales = Vector256.Create(1.0 / timescale);
    private readonly Vector256<double> _fourths = Vector256.Create(scale * 35.0 / 128.0);
    private readonly Vector256<double> _thirds = Vector256.Create(scale * 5.0 / 16.0);
    private readonly Vector256<double> _seconds = Vector256.Create(scale * 3.0 / 8.0);
    private readonly Vector256<double> _firsts = Vector256.Create(scale * 0.5);
    private readonly Vector256<double> _scales = Vector256.Create(scale);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Invoke(double step) => scale * (1.0 / Math.Sqrt((step + timescale) / timescale));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Invoke(Vector256<double> step)
    {
        var u = Vector256.FusedMultiplyAdd(step, Vector256.Create(_inverseTimescale), Vector256<double>.One);
        if (Avx512F.VL.IsSupported)
        {
            var y = Avx512F.VL.ReciprocalSqrt14(u);
            var e = Vector256.FusedMultiplyAdd(-u, y * y, Vector256<double>.One);
            var series = Vector256.FusedMultiplyAdd(e, Vector256.Create(_third), Vector256.Create(_second));
            series = Vector256.FusedMultiplyAdd(e, series, Vector256.Create(_first));
            series = Vector256.FusedMultiplyAdd(e, series, Vector256.Create(scale));
            return y * series;
        }

        if (Fma.IsSupported)
        {
            // Without AVX-512: single precision's 12-bit estimate (|e| < 2^-10) and two more terms of the same series,
            // the first omitted one (63/256 e^5) below 1e-16; still far cheaper than a square root and a division.
            var v = Fma.MultiplyAdd(step, _inverseTimescales, Vector256<double>.One);
            var y = Avx.ConvertToVector256Double(Sse.ReciprocalSqrt(Avx.ConvertToVector128Single(v)));
            var e = Fma.MultiplyAddNegated(v, y * y, Vector256<double>.One);
            var series = Fma.MultiplyAdd(e, _fourths, _thirds);
            series = Fma.MultiplyAdd(e, series, _seconds);
            series = Fma.MultiplyAdd(e, series, _firsts);
            series = Fma.MultiplyAdd(e, series, _scales);
            return y * series;
        }

        return Vector256.Create(scale) / Vector256.Sqrt(u);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Invoke(Vector512<double> step)
    {
        var u = Vector512.FusedMultiplyAdd(step, Vector512.Create(_inverseTimescale), Vector512<double>.One);
        var y = Avx512F.ReciprocalSqrt14(u);
        var e = Vector512.FusedMultiplyAdd(-u, y * y, Vector512<double>.One);
        var series = Vector512.FusedMultiplyAdd(e, Vector512.Create(_third), Vector512.Create(_second));
        series = Vector512.FusedMultiplyAdd(e, series, Vector512.Create(_first));
        series = Vector512.FusedMultiplyAdd(e, series, Vector512.Create(scale));
        return y * series;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> step)
    {
        // In single precision two terms of the series take the 14-bit estimate to float's last bits.
        var u = Vector512.FusedMultiplyAdd(step, Vector512.Create((float)_inverseTimescale), Vector512<float>.One);
        var y = Avx512F.ReciprocalSqrt14(u);
        var e = Vector512.FusedMultiplyAdd(-u, y * y, Vector512<float>.One);
        var series = Vector512.FusedMultiplyAdd(e, Vector512.Create((float)_second), Vector512.Create((float)_first));
        series = Vector512.FusedMultiplyAdd(e, series, Vector512.Create((float)scale));
        return y * series;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> step)
    {
        var u = Vector256.FusedMultiplyAdd(step, Vector256.Create((float)_inverseTimescale), Vector256<float>.One);
        if (Avx.IsSupported)
        {
            // From the 12-bit estimate (|e| < 2^-10) three terms leave 5/16 e^3, below 1e-9: float's own rounding dominates.
            var y = Avx.ReciprocalSqrt(u);
            var e = Vector256.FusedMultiplyAdd(-u, y * y, Vector256<float>.One);
            var series = Vector256.FusedMultiplyAdd(e, Vector256.Create((float)_second), Vector256.Create((float)_first));
            series = Vector256.FusedMultiplyAdd(e, series, Vector256.Create((float)scale));
            return y * series;
        }

        return Vector256.Create((float)scale) / Vector256.Sqrt(u);
    }
}

/// <summary>
/// <c>scale * max(0, r + (1 - r) * shape(p))</c> with <c>p = step / length</c> and shape <c>1 - sqrt(1 - p)</c> (a rising
/// warmup) or <c>1 - sqrt(p)</c> (a falling decay): the <c>1-sqrt</c> shapes of <c>warmup_stable_decay</c>.
/// </summary>
internal readonly struct OneMinusSqrtOperator(double length, bool rising, double floorRatio, double scale) : IStepOperator
{
    private readonly double _inverseLength = 1.0 / length;
    private readonly double _span = 1.0 - floorRatio;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Invoke(double step)
    {
        var progress = step / length;
        var shape = 1.0 - Math.Sqrt(rising ? 1.0 - progress : progress);
        return scale * Math.Max(0.0, (shape * (1.0 - floorRatio)) + floorRatio);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Invoke(Vector256<double> step)
    {
        // Divide as the scalar form does: near the end of a rising warmup 1 - progress cancels, and the ulp a
        // multiplication by the reciprocal would add becomes 1e-12 of the learning rate at 1e11 steps.
        var progress = step / Vector256.Create(length);
        var shape = Vector256<double>.One - Vector256.Sqrt(rising ? Vector256<double>.One - progress : progress);
        var factor = Vector256.FusedMultiplyAdd(shape, Vector256.Create(_span), Vector256.Create(floorRatio));
        return Vector256.Create(scale) * Vector256.MaxNative(Vector256<double>.Zero, factor);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Invoke(Vector512<double> step)
    {
        var progress = step / Vector512.Create(length);
        var shape = Vector512<double>.One - Vector512.Sqrt(rising ? Vector512<double>.One - progress : progress);
        var factor = Vector512.FusedMultiplyAdd(shape, Vector512.Create(_span), Vector512.Create(floorRatio));
        return Vector512.Create(scale) * Vector512.MaxNative(Vector512<double>.Zero, factor);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> step)
    {
        var progress = Vector512.Min(step * Vector512.Create((float)_inverseLength), Vector512<float>.One);
        var shape = Vector512<float>.One - Vector512.Sqrt(rising ? Vector512<float>.One - progress : progress);
        var factor = Vector512.FusedMultiplyAdd(shape, Vector512.Create((float)_span), Vector512.Create((float)floorRatio));
        return Vector512.Create((float)scale) * Vector512.MaxNative(Vector512<float>.Zero, factor);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> step)
    {
        var progress = Vector256.Min(step * Vector256.Create((float)_inverseLength), Vector256<float>.One);
        var shape = Vector256<float>.One - Vector256.Sqrt(rising ? Vector256<float>.One - progress : progress);
        var factor = Vector256.FusedMultiplyAdd(shape, Vector256.Create((float)_span), Vector256.Create((float)floorRatio));
        return Vector256.Create((float)scale) * Vector256.MaxNative(Vector256<float>.Zero, factor);
    }
}

/// <summary>
/// <c>range * (1 - step / length)^power + end</c> for a small whole <c>power</c> (repeated products of the ramp):
/// diffusers' polynomial decay and PyTorch's PolynomialLR in their common cases (power 1, 2, 3, ...).
/// </summary>
internal readonly struct IntegerPowerOperator(double length, int power, double range, double end) : IStepOperator
{
    private readonly double _negativeInverseLength = -1.0 / length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Invoke(Vector256<double> step)
    {
        // A multiplication by the reciprocal instead of a division per element; the two differ by an ulp at most.
        var remaining = Vector256.FusedMultiplyAdd(step, Vector256.Create(_negativeInverseLength), Vector256<double>.One);
        var product = remaining;
        for (var i = 1; i < power; i++)
        {
            product *= remaining;
        }

        return Vector256.FusedMultiplyAdd(Vector256.Create(range), product, Vector256.Create(end));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Invoke(Vector512<double> step)
    {
        var remaining = Vector512.FusedMultiplyAdd(step, Vector512.Create(_negativeInverseLength), Vector512<double>.One);
        var product = remaining;
        for (var i = 1; i < power; i++)
        {
            product *= remaining;
        }

        return Vector512.FusedMultiplyAdd(Vector512.Create(range), product, Vector512.Create(end));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> step)
    {
        var remaining = Vector512.MaxNative(Vector512.FusedMultiplyAdd(step, Vector512.Create((float)_negativeInverseLength), Vector512<float>.One), Vector512<float>.Zero);
        var product = remaining;
        for (var i = 1; i < power; i++)
        {
            product *= remaining;
        }

        return Vector512.FusedMultiplyAdd(Vector512.Create((float)range), product, Vector512.Create((float)end));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> step)
    {
        var remaining = Vector256.MaxNative(Vector256.FusedMultiplyAdd(step, Vector256.Create((float)_negativeInverseLength), Vector256<float>.One), Vector256<float>.Zero);
        var product = remaining;
        for (var i = 1; i < power; i++)
        {
            product *= remaining;
        }

        return Vector256.FusedMultiplyAdd(Vector256.Create((float)range), product, Vector256.Create((float)end));
    }
}

/// <summary><c>c0 + t * (c1 + t * (c2 + t * c3))</c> by Horner's rule with FMAs: one segment of a cubic spline (PCHIP).</summary>
internal readonly struct CubicOperator(double c0, double c1, double c2, double c3) : IStepOperator
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Invoke(double step) =>
        Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(c3, step, c2), step, c1), step, c0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Invoke(Vector256<double> step) =>
        Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.Create(c3), step, Vector256.Create(c2)), step, Vector256.Create(c1)), step, Vector256.Create(c0));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Invoke(Vector512<double> step) =>
        Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.Create(c3), step, Vector512.Create(c2)), step, Vector512.Create(c1)), step, Vector512.Create(c0));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> step) =>
        Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.Create((float)c3), step, Vector512.Create((float)c2)), step, Vector512.Create((float)c1)), step, Vector512.Create((float)c0));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> step) =>
        Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.Create((float)c3), step, Vector256.Create((float)c2)), step, Vector256.Create((float)c1)), step, Vector256.Create((float)c0));
}
