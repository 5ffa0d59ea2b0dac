using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Schedulers;

/// <summary>
/// <c>scale / sqrt((step + timescale) / timescale)</c>, transformers' inverse square root decay (steps after the warmup).
/// With AVX-512 it starts from the hardware's 14-bit reciprocal square root <c>y</c> and corrects it with the series
/// <c>1/sqrt(u) = y (1 + e/2 + 3e^2/8 + 5e^3/16 + ...)</c>, <c>e = 1 - u y^2</c>: with <c>|e| &lt; 2^-13</c> the first
/// omitted term is below 1e-16. With AVX alone it starts from single precision's 12-bit estimate and takes two more
/// terms; so do 128-bit vectors on x64 (SSE's estimate); elsewhere (ARM64, or no AVX), a square root and a division.
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<double> Invoke(Vector128<double> step)
    {
        var u = Fused128.MultiplyAdd(step, Vector128.Create(_inverseTimescale), Vector128<double>.One);
        if (Sse2.IsSupported)
        {
            // As the 256-bit path without AVX-512: SSE's 12-bit estimate in single precision and four terms. Without FMA
            // the products round once more, which moves e by about 1e-16 and the value by less.
            var y = Sse2.ConvertToVector128Double(Sse.ReciprocalSqrt(Sse2.ConvertToVector128Single(u)));
            var e = Fused128.MultiplyAdd(-u, y * y, Vector128<double>.One);
            var series = Fused128.MultiplyAdd(e, Vector128.Create(_fourth), Vector128.Create(_third));
            series = Fused128.MultiplyAdd(e, series, Vector128.Create(_second));
            series = Fused128.MultiplyAdd(e, series, Vector128.Create(_first));
            series = Fused128.MultiplyAdd(e, series, Vector128.Create(scale));
            return y * series;
        }

        return Vector128.Create(scale) / Vector128.Sqrt(u);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> step)
    {
        var u = Fused128.MultiplyAdd(step, Vector128.Create((float)_inverseTimescale), Vector128<float>.One);
        if (Sse.IsSupported)
        {
            var y = Sse.ReciprocalSqrt(u);
            var e = Fused128.MultiplyAdd(-u, y * y, Vector128<float>.One);
            var series = Fused128.MultiplyAdd(e, Vector128.Create((float)_second), Vector128.Create((float)_first));
            series = Fused128.MultiplyAdd(e, series, Vector128.Create((float)scale));
            return y * series;
        }

        return Vector128.Create((float)scale) / Vector128.Sqrt(u);
    }
}
