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
        var i = 0;
        if (typeof(T) == typeof(double))
        {
            ref var value = ref Unsafe.As<T, double>(ref MemoryMarshal.GetReference(values));
            ref var factor = ref Unsafe.As<T, double>(ref MemoryMarshal.GetReference(factors));
            if (Vector512.IsHardwareAccelerated)
            {
                var inverses = Vector512.Create(inverse);
                for (; i <= values.Length - Vector512<double>.Count; i += Vector512<double>.Count)
                {
                    (Vector512.LoadUnsafe(ref value, (nuint)i) * (Vector512.LoadUnsafe(ref factor, (nuint)i) * inverses)).StoreUnsafe(ref value, (nuint)i);
                }
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                var inverses = Vector256.Create(inverse);
                for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
                {
                    (Vector256.LoadUnsafe(ref value, (nuint)i) * (Vector256.LoadUnsafe(ref factor, (nuint)i) * inverses)).StoreUnsafe(ref value, (nuint)i);
                }
            }

            for (; i < values.Length; i++)
            {
                Unsafe.Add(ref value, i) *= Unsafe.Add(ref factor, i) * inverse;
            }
        }
        else
        {
            ref var value = ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(values));
            ref var factor = ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(factors));
            var single = (float)inverse;
            if (Vector512.IsHardwareAccelerated)
            {
                var inverses = Vector512.Create(single);
                for (; i <= values.Length - Vector512<float>.Count; i += Vector512<float>.Count)
                {
                    (Vector512.LoadUnsafe(ref value, (nuint)i) * (Vector512.LoadUnsafe(ref factor, (nuint)i) * inverses)).StoreUnsafe(ref value, (nuint)i);
                }
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                var inverses = Vector256.Create(single);
                for (; i <= values.Length - Vector256<float>.Count; i += Vector256<float>.Count)
                {
                    (Vector256.LoadUnsafe(ref value, (nuint)i) * (Vector256.LoadUnsafe(ref factor, (nuint)i) * inverses)).StoreUnsafe(ref value, (nuint)i);
                }
            }

            for (; i < values.Length; i++)
            {
                Unsafe.Add(ref value, i) *= Unsafe.Add(ref factor, i) * single;
            }
        }
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
