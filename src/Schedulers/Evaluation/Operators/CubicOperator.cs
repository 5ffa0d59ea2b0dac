using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<double> Invoke(Vector128<double> step) =>
        Fused128.MultiplyAdd(Fused128.MultiplyAdd(Fused128.MultiplyAdd(Vector128.Create(c3), step, Vector128.Create(c2)), step, Vector128.Create(c1)), step, Vector128.Create(c0));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> step) =>
        Fused128.MultiplyAdd(Fused128.MultiplyAdd(Fused128.MultiplyAdd(Vector128.Create((float)c3), step, Vector128.Create((float)c2)), step, Vector128.Create((float)c1)), step, Vector128.Create((float)c0));
}
