using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

internal static partial class Kernels
{
    /// <summary><c>values[i] *= factors[i] * inverse</c>, in the output's precision: a ChainedScheduler's product of factors.</summary>
    public static void MultiplyByScaled<T>(Span<T> values, ReadOnlySpan<T> factors, double inverse)
        where T : unmanaged
    {
        ref var value = ref MemoryMarshal.GetReference(values);
        ref var factor = ref MemoryMarshal.GetReference(factors);
        var i = Vector512.IsHardwareAccelerated ? MultiplyByScaled<Width512<T>, Vector512<T>, T>(ref value, ref factor, values.Length, inverse)
            : Vector256.IsHardwareAccelerated ? MultiplyByScaled<Width256<T>, Vector256<T>, T>(ref value, ref factor, values.Length, inverse)
            : Vector128.IsHardwareAccelerated ? MultiplyByScaled<Width128<T>, Vector128<T>, T>(ref value, ref factor, values.Length, inverse)
            : 0;
        if (typeof(T) == typeof(double))
        {
            for (; i < values.Length; i++)
            {
                Unsafe.Add(ref Unsafe.As<T, double>(ref value), i) *= Unsafe.Add(ref Unsafe.As<T, double>(ref factor), i) * inverse;
            }
        }
        else
        {
            var single = (float)inverse;
            for (; i < values.Length; i++)
            {
                Unsafe.Add(ref Unsafe.As<T, float>(ref value), i) *= Unsafe.Add(ref Unsafe.As<T, float>(ref factor), i) * single;
            }
        }
    }

    /// <summary>The whole vectors of <see cref="MultiplyByScaled{T}(Span{T}, ReadOnlySpan{T}, double)"/>; returns where the scalar tail starts.</summary>
    private static int MultiplyByScaled<TWidth, TVector, TLane>(ref TLane value, ref TLane factor, int length, double inverse)
        where TWidth : IVectorWidth<TVector, TLane>
        where TVector : struct
        where TLane : unmanaged
    {
        var inverses = TWidth.Create(inverse);
        var i = 0;
        for (; i <= length - TWidth.Count; i += TWidth.Count)
        {
            TWidth.Store(TWidth.Multiply(TWidth.Load(ref value, (nuint)i), TWidth.Multiply(TWidth.Load(ref factor, (nuint)i), inverses)), ref value, (nuint)i);
        }

        return i;
    }

    /// <summary><c>values[i] *= factor</c>, in the output's precision.</summary>
    public static void Scale<T>(Span<T> values, double factor)
        where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            var doubles = MemoryMarshal.Cast<T, double>(values);
            TensorPrimitives.Multiply(doubles, factor, doubles);
        }
        else
        {
            var singles = MemoryMarshal.Cast<T, float>(values);
            TensorPrimitives.Multiply(singles, (float)factor, singles);
        }
    }

    /// <summary>Raises every element below <paramref name="floor"/> to it (an exact floor after a kernel that may round an ulp under).</summary>
    public static void RaiseTo<T>(Span<T> values, double floor)
        where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            var doubles = MemoryMarshal.Cast<T, double>(values);
            TensorPrimitives.Max(doubles, floor, doubles);
        }
        else
        {
            var singles = MemoryMarshal.Cast<T, float>(values);
            TensorPrimitives.Max(singles, (float)floor, singles);
        }
    }

    /// <summary>Every element the same value.</summary>
    public static void Constant<T>(Span<T> destination, double value)
        where T : unmanaged => destination.Fill(Lanes.From<T>(value));
}
