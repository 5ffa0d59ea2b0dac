using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Schedulers;

/// <summary>
/// transformers' inverse square root over a short run of steps starting at <c>anchor</c>, for 256-bit machines without
/// AVX-512 (and machines with 128-bit vectors only), where converting to single precision for a hardware estimate costs more than all the arithmetic. The estimate
/// is instead the tangent at the anchor, <c>y0 (1 - x / 2)</c> with <c>x = (step - anchor) / (anchor + timescale)</c>,
/// whose relative error <c>3x^2/8</c> stays below 1e-5 while <c>x &lt;= </c><see cref="MaxSpread"/>; the series
/// <c>1/sqrt(u) = y (1 + e/2 + 3e^2/8 + ...)</c> of <see cref="InverseSqrtOperator"/> then needs two terms, the first
/// omitted one (<c>5e^3/16</c>) below 3e-15. Other paths are <see cref="InverseSqrtOperator"/>'s.
/// </summary>
internal readonly struct AnchoredInverseSqrtOperator : IStepOperator
{
    /// <summary>The largest <c>x</c> a run may span; runs are cut so that none spans more.</summary>
    public const double MaxSpread = 1.0 / 200;

    private readonly InverseSqrtOperator _exact;
    private readonly Vector256<double> _inverseTimescales;
    private readonly Vector256<double> _slopes;
    private readonly Vector256<double> _intercepts;
    private readonly Vector256<double> _seconds;
    private readonly Vector256<double> _firsts;
    private readonly Vector256<double> _scales;

    public AnchoredInverseSqrtOperator(double timescale, double scale, long anchor)
    {
        _exact = new InverseSqrtOperator(timescale, scale);
        var shifted = anchor + timescale;
        var y0 = Math.Sqrt(timescale / shifted);
        var slope = -0.5 * y0 / shifted;
        _inverseTimescales = Vector256.Create(1.0 / timescale);
        _slopes = Vector256.Create(slope);
        _intercepts = Vector256.Create(y0 - (slope * anchor));
        _seconds = Vector256.Create(scale * 3.0 / 8.0);
        _firsts = Vector256.Create(scale * 0.5);
        _scales = Vector256.Create(scale);
    }

    /// <summary>The most steps a run starting at <paramref name="anchor"/> may span.</summary>
    public static long RunLength(double timescale, long anchor) => (long)(MaxSpread * (anchor + timescale));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Invoke(double step) => _exact.Invoke(step);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Invoke(Vector256<double> step)
    {
        if (!Fma.IsSupported)
        {
            return _exact.Invoke(step);
        }

        var u = Fma.MultiplyAdd(step, _inverseTimescales, Vector256<double>.One);
        var y = Fma.MultiplyAdd(step, _slopes, _intercepts);
        var e = Fma.MultiplyAddNegated(u, y * y, Vector256<double>.One);
        var series = Fma.MultiplyAdd(e, _seconds, _firsts);
        series = Fma.MultiplyAdd(e, series, _scales);
        return y * series;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Invoke(Vector512<double> step) => _exact.Invoke(step);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> step) => _exact.Invoke(step);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> step) => _exact.Invoke(step);

    /// <summary>
    /// The same series on 128-bit vectors (machines with 128-bit vectors only), from the lower halves of the broadcasts.
    /// Without fused hardware the products round once more, about 1e-16 of <c>e</c> (itself below 1e-5): far inside the contract.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<double> Invoke(Vector128<double> step)
    {
        var u = Fused128.MultiplyAdd(step, _inverseTimescales.GetLower(), Vector128<double>.One);
        var y = Fused128.MultiplyAdd(step, _slopes.GetLower(), _intercepts.GetLower());
        var e = Fused128.MultiplyAdd(-u, y * y, Vector128<double>.One);
        var series = Fused128.MultiplyAdd(e, _seconds.GetLower(), _firsts.GetLower());
        series = Fused128.MultiplyAdd(e, series, _scales.GetLower());
        return y * series;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> step) => _exact.Invoke(step);
}
