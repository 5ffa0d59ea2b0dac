#if !NET9_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Schedulers;

/// <summary>
/// The .NET 9 vector members the kernels use, for the net8.0 build: fused multiply-adds through the x86 intrinsics
/// (the 256- and 512-bit paths only run where AVX2 and FMA, or AVX-512, are present; the 128-bit ones call them only where
/// the hardware fuses, through Fused128), MaxNative as Max, and Indices.
/// </summary>
internal static class VectorPolyfills
{
    extension(Vector128)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> FusedMultiplyAdd(Vector128<double> a, Vector128<double> b, Vector128<double> c) =>
            Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : AdvSimd.Arm64.IsSupported ? AdvSimd.Arm64.FusedMultiplyAdd(c, a, b) : (a * b) + c;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> FusedMultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c) =>
            Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : AdvSimd.IsSupported ? AdvSimd.FusedMultiplyAdd(c, a, b) : (a * b) + c;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<T> MaxNative<T>(Vector128<T> a, Vector128<T> b) => Vector128.Max(a, b);
    }

    extension(Vector256)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> FusedMultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) =>
            Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> FusedMultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
            Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<T> MaxNative<T>(Vector256<T> a, Vector256<T> b) => Vector256.Max(a, b);
    }

    extension(Vector512)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> FusedMultiplyAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c) =>
            Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(a, b, c) : (a * b) + c;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> FusedMultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
            Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(a, b, c) : (a * b) + c;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<T> MaxNative<T>(Vector512<T> a, Vector512<T> b) => Vector512.Max(a, b);
    }

    /// <summary><c>indices[i] = i</c>: the lanes of an Indices vector.</summary>
    public static void FillIndices<T>(Span<T> indices)
        where T : INumber<T>
    {
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = T.CreateTruncating(i);
        }
    }

    extension<T>(Vector256<T>)
        where T : unmanaged, INumber<T>
    {
        public static Vector256<T> Indices
        {
            get
            {
                Span<T> indices = stackalloc T[Vector256<T>.Count];
                VectorPolyfills.FillIndices(indices);
                return Vector256.Create<T>(indices);
            }
        }
    }

}

/// <summary><c>Vector512&lt;T&gt;.Indices</c> for the net8.0 build (its own class: both properties compile to <c>get_Indices&lt;T&gt;()</c>).</summary>
internal static class Vector512Indices
{
    extension<T>(Vector512<T>)
        where T : unmanaged, INumber<T>
    {
        public static Vector512<T> Indices
        {
            get
            {
                Span<T> indices = stackalloc T[Vector512<T>.Count];
                VectorPolyfills.FillIndices(indices);
                return Vector512.Create<T>(indices);
            }
        }
    }
}

/// <summary><c>Vector128&lt;T&gt;.Indices</c> for the net8.0 build (its own class, as <see cref="Vector512Indices"/>).</summary>
internal static class Vector128Indices
{
    extension<T>(Vector128<T>)
        where T : unmanaged, INumber<T>
    {
        public static Vector128<T> Indices
        {
            get
            {
                Span<T> indices = stackalloc T[Vector128<T>.Count];
                VectorPolyfills.FillIndices(indices);
                return Vector128.Create<T>(indices);
            }
        }
    }
}
#endif
