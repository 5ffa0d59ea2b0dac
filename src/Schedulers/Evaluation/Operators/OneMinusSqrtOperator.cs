using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<double> Invoke(Vector128<double> step)
    {
        var progress = step / Vector128.Create(length);
        var shape = Vector128<double>.One - Vector128.Sqrt(rising ? Vector128<double>.One - progress : progress);
        var factor = Fused128.MultiplyAdd(shape, Vector128.Create(_span), Vector128.Create(floorRatio));
        return Vector128.Create(scale) * Vector128.MaxNative(Vector128<double>.Zero, factor);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> step)
    {
        var progress = Vector128.Min(step * Vector128.Create((float)_inverseLength), Vector128<float>.One);
        var shape = Vector128<float>.One - Vector128.Sqrt(rising ? Vector128<float>.One - progress : progress);
        var factor = Fused128.MultiplyAdd(shape, Vector128.Create((float)_span), Vector128.Create((float)floorRatio));
        return Vector128.Create((float)scale) * Vector128.MaxNative(Vector128<float>.Zero, factor);
    }
}
