using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<double> Invoke(Vector128<double> step) => Fused128.MultiplyAdd(Vector128.Create(slope), step, Vector128.Create(intercept));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> step) => Fused128.MultiplyAdd(Vector128.Create((float)slope), step, Vector128.Create((float)intercept));
}
