using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<double> Invoke(Vector128<double> step)
    {
        var remaining = Fused128.MultiplyAdd(step, Vector128.Create(_negativeInverseLength), Vector128<double>.One);
        var product = remaining;
        for (var i = 1; i < power; i++)
        {
            product *= remaining;
        }

        return Fused128.MultiplyAdd(Vector128.Create(range), product, Vector128.Create(end));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> step)
    {
        var remaining = Vector128.MaxNative(Fused128.MultiplyAdd(step, Vector128.Create((float)_negativeInverseLength), Vector128<float>.One), Vector128<float>.Zero);
        var product = remaining;
        for (var i = 1; i < power; i++)
        {
            product *= remaining;
        }

        return Fused128.MultiplyAdd(Vector128.Create((float)range), product, Vector128.Create((float)end));
    }
}
