using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

/// <summary>
/// Doubles (two) or floats (four) in a 128-bit vector: ARM64's AdvSimd (Apple silicon, Graviton) and x64's SSE, from
/// the same code. The type tests fold away when the JIT specialises a kernel.
/// </summary>
internal readonly struct Width128<TLane> : IVectorWidth<Vector128<TLane>, TLane>
    where TLane : unmanaged
{
    public static int Count => Vector128<TLane>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<TLane> Create(double value) =>
        typeof(TLane) == typeof(float) ? Vector128.Create((float)value).As<float, TLane>() : Vector128.Create(value).As<double, TLane>();

    /// <summary>Gets <c>[0, 1, 2, ...]</c>: through the lane types, since the net8.0 polyfill of <c>Indices</c> needs a number type.</summary>
    public static Vector128<TLane> Indices =>
        typeof(TLane) == typeof(float) ? Vector128<float>.Indices.As<float, TLane>() : Vector128<double>.Indices.As<double, TLane>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<TLane> Load(ref TLane source, nuint index) => Vector128.LoadUnsafe(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<TLane> Add(Vector128<TLane> left, Vector128<TLane> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<TLane> Subtract(Vector128<TLane> left, Vector128<TLane> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<TLane> Multiply(Vector128<TLane> left, Vector128<TLane> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<TLane> Divide(Vector128<TLane> left, Vector128<TLane> right) => left / right;

    /// <summary>Fused where the hardware fuses (see <see cref="Fused128"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<TLane> FusedMultiplyAdd(Vector128<TLane> a, Vector128<TLane> b, Vector128<TLane> c) =>
        typeof(TLane) == typeof(float)
            ? Fused128.MultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, TLane>()
            : Fused128.MultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, TLane>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<TLane> MaxNative(Vector128<TLane> value, Vector128<TLane> floor) => Vector128.MaxNative(value, floor);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<TLane> Invoke<TOperator>(TOperator op, Vector128<TLane> step)
        where TOperator : struct, IStepOperator =>
        typeof(TLane) == typeof(float) ? op.Invoke(step.AsSingle()).As<float, TLane>() : op.Invoke(step.AsDouble()).As<double, TLane>();

    /// <summary>Double lanes go through <see cref="Lanes"/> (narrowed for float output); float lanes are only ever computed for float output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T>(Vector128<TLane> value, ref T target, nuint index)
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
    public static void StorePair<T>(Vector128<TLane> first, Vector128<TLane> second, ref T target, nuint index)
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
