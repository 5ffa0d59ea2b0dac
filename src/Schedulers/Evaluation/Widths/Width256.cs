using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

/// <summary>Doubles (four) or floats (eight) in a 256-bit vector (AVX2 and FMA): machines without AVX-512. The type tests fold away when the JIT specialises a kernel.</summary>
internal readonly struct Width256<TLane> : IVectorWidth<Vector256<TLane>, TLane>
    where TLane : unmanaged
{
    public static int Count => Vector256<TLane>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<TLane> Create(double value) =>
        typeof(TLane) == typeof(float) ? Vector256.Create((float)value).As<float, TLane>() : Vector256.Create(value).As<double, TLane>();

    /// <summary>Gets <c>[0, 1, 2, ...]</c>: through the lane types, since the net8.0 polyfill of <c>Indices</c> needs a number type.</summary>
    public static Vector256<TLane> Indices =>
        typeof(TLane) == typeof(float) ? Vector256<float>.Indices.As<float, TLane>() : Vector256<double>.Indices.As<double, TLane>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<TLane> Load(ref TLane source, nuint index) => Vector256.LoadUnsafe(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<TLane> Add(Vector256<TLane> left, Vector256<TLane> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<TLane> Multiply(Vector256<TLane> left, Vector256<TLane> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<TLane> FusedMultiplyAdd(Vector256<TLane> a, Vector256<TLane> b, Vector256<TLane> c) =>
        typeof(TLane) == typeof(float)
            ? Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, TLane>()
            : Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, TLane>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<TLane> Subtract(Vector256<TLane> left, Vector256<TLane> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<TLane> Divide(Vector256<TLane> left, Vector256<TLane> right) => left / right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<TLane> Invoke<TOperator>(TOperator op, Vector256<TLane> step)
        where TOperator : struct, IStepOperator =>
        typeof(TLane) == typeof(float) ? op.Invoke(step.AsSingle()).As<float, TLane>() : op.Invoke(step.AsDouble()).As<double, TLane>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<TLane> MaxNative(Vector256<TLane> value, Vector256<TLane> floor) => Vector256.MaxNative(value, floor);

    /// <summary>Double lanes go through <see cref="Lanes"/> (narrowed for float output); float lanes are only ever computed for float output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T>(Vector256<TLane> value, ref T target, nuint index)
        where T : unmanaged
    {
        if (typeof(TLane) == typeof(double))
        {
            Lanes.Store(value.AsDouble(), ref target, index);
        }
        else
        {
            Debug.Assert(typeof(T) == typeof(TLane), "Single-precision lanes are stored to float output only.");
            value.StoreUnsafe(ref Unsafe.As<T, TLane>(ref target), index);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StorePair<T>(Vector256<TLane> first, Vector256<TLane> second, ref T target, nuint index)
        where T : unmanaged
    {
        if (typeof(TLane) == typeof(double))
        {
            Lanes.StorePair(first.AsDouble(), second.AsDouble(), ref target, index);
        }
        else
        {
            Store(first, ref target, index);
            Store(second, ref target, index + (nuint)Count);
        }
    }
}
