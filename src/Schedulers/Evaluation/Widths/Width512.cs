using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

/// <summary>Doubles (eight) or floats (sixteen) in a 512-bit vector (AVX-512). The type tests fold away when the JIT specialises a kernel.</summary>
internal readonly struct Width512<TLane> : IVectorWidth<Vector512<TLane>, TLane>
    where TLane : unmanaged
{
    public static int Count => Vector512<TLane>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<TLane> Create(double value) =>
        typeof(TLane) == typeof(float) ? Vector512.Create((float)value).As<float, TLane>() : Vector512.Create(value).As<double, TLane>();

    /// <summary>Gets <c>[0, 1, 2, ...]</c>: through the lane types, since the net8.0 polyfill of <c>Indices</c> needs a number type.</summary>
    public static Vector512<TLane> Indices =>
        typeof(TLane) == typeof(float) ? Vector512<float>.Indices.As<float, TLane>() : Vector512<double>.Indices.As<double, TLane>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<TLane> Load(ref TLane source, nuint index) => Vector512.LoadUnsafe(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<TLane> Add(Vector512<TLane> left, Vector512<TLane> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<TLane> Multiply(Vector512<TLane> left, Vector512<TLane> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<TLane> FusedMultiplyAdd(Vector512<TLane> a, Vector512<TLane> b, Vector512<TLane> c) =>
        typeof(TLane) == typeof(float)
            ? Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, TLane>()
            : Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, TLane>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<TLane> Subtract(Vector512<TLane> left, Vector512<TLane> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<TLane> Divide(Vector512<TLane> left, Vector512<TLane> right) => left / right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<TLane> Invoke<TOperator>(TOperator op, Vector512<TLane> step)
        where TOperator : struct, IStepOperator =>
        typeof(TLane) == typeof(float) ? op.Invoke(step.AsSingle()).As<float, TLane>() : op.Invoke(step.AsDouble()).As<double, TLane>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<TLane> MaxNative(Vector512<TLane> value, Vector512<TLane> floor) => Vector512.MaxNative(value, floor);

    /// <summary>Double lanes go through <see cref="Lanes"/> (narrowed for float output); float lanes are only ever computed for float output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T>(Vector512<TLane> value, ref T target, nuint index)
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
    public static void StorePair<T>(Vector512<TLane> first, Vector512<TLane> second, ref T target, nuint index)
        where T : unmanaged
    {
        Store(first, ref target, index);
        Store(second, ref target, index + (nuint)Count);
    }
}
