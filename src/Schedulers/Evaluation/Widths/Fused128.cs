using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Schedulers;

/// <summary>
/// <c>a * b + c</c> for the 128-bit paths. ARM64 (AdvSimd) and x64 with FMA fuse it in one instruction, as the wider
/// paths do, so their results match bit for bit. x64 with SSE alone (AVX2 absent or turned off) has no fused
/// instruction, and <c>Vector128.FusedMultiplyAdd</c> would then fuse in software lane by lane, costing more than the
/// whole of a kernel: there it is a product and a sum, one more rounding (about 1e-16 of the value). The operators that
/// need the exact fusion (Markstein's quotient) test <see cref="IsFused"/> and take another exact route.
/// </summary>
internal static class Fused128
{
    public static bool IsFused => Fma.IsSupported || AdvSimd.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> MultiplyAdd(Vector128<double> a, Vector128<double> b, Vector128<double> c) =>
        IsFused ? Vector128.FusedMultiplyAdd(a, b, c) : (a * b) + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c) =>
        IsFused ? Vector128.FusedMultiplyAdd(a, b, c) : (a * b) + c;
}
