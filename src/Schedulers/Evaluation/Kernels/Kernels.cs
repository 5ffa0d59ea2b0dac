using System.Runtime.Intrinsics;

namespace Schedulers;

/// <summary>
/// The fill kernels every schedule's phases are made of. Each fills a span whose element <c>i</c> is the value at step
/// <c>firstStep + i</c>: 512-bit vectors where the hardware has them, else 256-bit, else 128-bit (ARM64's AdvSimd, x64's
/// SSE), then a scalar tail that computes the same operations.
/// </summary>
internal static partial class Kernels
{
    // One file per family (Kernels.Map.cs, Kernels.Rotate.cs, Kernels.Geometric.cs, Kernels.Enveloped.cs,
    // Kernels.Arithmetic.cs), so that a change to one family is read and reviewed on its own.

    /// <summary>
    /// Gets the widest vectors, in bits, the kernels take in this process (0: scalar code only). It follows the runtime's
    /// switches (<c>DOTNET_EnableAVX512</c>, <c>DOTNET_EnableAVX2</c>, <c>DOTNET_EnableHWIntrinsic</c>), so a test run under
    /// one can prove which paths it exercised.
    /// </summary>
    public static int Width =>
        Vector512.IsHardwareAccelerated ? 512
        : Vector256.IsHardwareAccelerated ? 256
        : Vector128.IsHardwareAccelerated ? 128
        : 0;
}
