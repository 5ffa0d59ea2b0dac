using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

/// <summary>
/// <c>numerator / (1 + rate * (step / period))</c>: Keras's <c>InverseTimeDecay</c>, with a true division and no fused
/// operation, so that every double path rounds as the scalar path (and Keras) does.
/// </summary>
internal readonly struct InverseTimeOperator(double numerator, double rate, double period) : IStepOperator
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Invoke(double step) => numerator / (1.0 + (rate * (step / period)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Invoke(Vector256<double> step) =>
        Vector256.Create(numerator) / (Vector256<double>.One + (Vector256.Create(rate) * (step / Vector256.Create(period))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Invoke(Vector512<double> step) =>
        Vector512.Create(numerator) / (Vector512<double>.One + (Vector512.Create(rate) * (step / Vector512.Create(period))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> step) =>
        Vector512.Create((float)numerator) / (Vector512<float>.One + (Vector512.Create((float)rate) * (step / Vector512.Create((float)period))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> step) =>
        Vector256.Create((float)numerator) / (Vector256<float>.One + (Vector256.Create((float)rate) * (step / Vector256.Create((float)period))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<double> Invoke(Vector128<double> step) =>
        Vector128.Create(numerator) / (Vector128<double>.One + (Vector128.Create(rate) * (step / Vector128.Create(period))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> step) =>
        Vector128.Create((float)numerator) / (Vector128<float>.One + (Vector128.Create((float)rate) * (step / Vector128.Create((float)period))));
}
