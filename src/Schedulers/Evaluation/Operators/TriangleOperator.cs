using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

/// <summary><c>scale + slope * side(step)</c>: a CyclicLR value from a side of its triangle (PyTorch's <c>base_lr + base_height * scale_fn</c>).</summary>
internal readonly struct TriangleOperator<TSide>(TSide side, double slope, double scale) : IStepOperator
    where TSide : struct, IStepOperator
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Invoke(double step) => Math.FusedMultiplyAdd(slope, side.Invoke(step), scale);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Invoke(Vector256<double> step) =>
        Vector256.FusedMultiplyAdd(Vector256.Create(slope), side.Invoke(step), Vector256.Create(scale));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<double> Invoke(Vector128<double> step) =>
        Fused128.MultiplyAdd(Vector128.Create(slope), side.Invoke(step), Vector128.Create(scale));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Invoke(Vector512<double> step) =>
        Vector512.FusedMultiplyAdd(Vector512.Create(slope), side.Invoke(step), Vector512.Create(scale));

    /// <summary>Not used: CyclicLR's kernels keep double steps.</summary>
    public Vector512<float> Invoke(Vector512<float> step) => Quotient.Widened(this, step);

    /// <summary>Not used: CyclicLR's kernels keep double steps.</summary>
    public Vector256<float> Invoke(Vector256<float> step) => Quotient.Widened(this, step);

    /// <summary>Not used: CyclicLR's kernels keep double steps.</summary>
    public Vector128<float> Invoke(Vector128<float> step) => Quotient.Widened(this, step);
}
