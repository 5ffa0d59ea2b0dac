using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Schedulers;

/// <summary>
/// Writes values computed in double precision into a <c>double</c> or <c>float</c> destination. The type tests fold
/// away when the JIT specialises a kernel, so one kernel serves both precisions and floats are narrowed in registers,
/// with no second pass over memory.
/// </summary>
internal static class Lanes
{
    public static T From<T>(double value)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            var single = (float)value;
            return Unsafe.As<float, T>(ref single);
        }

        return Unsafe.As<double, T>(ref value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T>(Vector512<double> value, ref T target, nuint index)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            Avx512F.ConvertToVector256Single(value).StoreUnsafe(ref Unsafe.As<T, float>(ref target), index);
        }
        else
        {
            value.StoreUnsafe(ref Unsafe.As<T, double>(ref target), index);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T>(Vector256<double> value, ref T target, nuint index)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            Avx.ConvertToVector128Single(value).StoreUnsafe(ref Unsafe.As<T, float>(ref target), index);
        }
        else
        {
            value.StoreUnsafe(ref Unsafe.As<T, double>(ref target), index);
        }
    }

    /// <summary>Two consecutive vectors: for float output one store of the narrowed values instead of two halves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StorePair<T>(Vector256<double> first, Vector256<double> second, ref T target, nuint index)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            Vector256.Narrow(first, second).StoreUnsafe(ref Unsafe.As<T, float>(ref target), index);
        }
        else
        {
            first.StoreUnsafe(ref Unsafe.As<T, double>(ref target), index);
            second.StoreUnsafe(ref Unsafe.As<T, double>(ref target), index + (nuint)Vector256<double>.Count);
        }
    }

    /// <summary>Two doubles; for float output the two narrowed values are written as one 64-bit store.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T>(Vector128<double> value, ref T target, nuint index)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            var pair = Vector128.Narrow(value, value).AsUInt64().ToScalar();
            Unsafe.WriteUnaligned(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref Unsafe.As<T, float>(ref target), index)), pair);
        }
        else
        {
            value.StoreUnsafe(ref Unsafe.As<T, double>(ref target), index);
        }
    }

    /// <inheritdoc cref="StorePair{T}(Vector256{double}, Vector256{double}, ref T, nuint)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StorePair<T>(Vector128<double> first, Vector128<double> second, ref T target, nuint index)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            Vector128.Narrow(first, second).StoreUnsafe(ref Unsafe.As<T, float>(ref target), index);
        }
        else
        {
            first.StoreUnsafe(ref Unsafe.As<T, double>(ref target), index);
            second.StoreUnsafe(ref Unsafe.As<T, double>(ref target), index + (nuint)Vector128<double>.Count);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T>(double value, ref T target, int index)
        where T : unmanaged => Unsafe.Add(ref target, index) = From<T>(value);
}
