namespace Schedulers;

/// <summary>
/// The fill kernels every schedule's phases are made of. Each fills a span whose element <c>i</c> is the value at step
/// <c>firstStep + i</c>: 512-bit vectors where the hardware has them, else 256-bit, then a scalar tail that computes the
/// same operations.
/// </summary>
internal static partial class Kernels
{
    // One file per family (Kernels.Map.cs, Kernels.Rotate.cs, Kernels.Geometric.cs, Kernels.Enveloped.cs,
    // Kernels.Arithmetic.cs), so that a change to one family is read and reviewed on its own.
}
