using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

/// <summary>
/// <c>step / total - origin</c> by one FMA, for float output only: it skips PyTorch's rounding of <c>1 + step / total</c>,
/// which at steps below <see cref="CyclicRun.SingleExactBelow"/> moves a value by less than a float can show.
/// </summary>
internal readonly struct CyclicRunForSingle(double total, double origin) : IStepOperator
{
    private readonly double _reciprocal = 1.0 / total;
    private readonly double _offset = -origin;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Invoke(double step) => Math.FusedMultiplyAdd(step, _reciprocal, _offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Invoke(Vector256<double> step) => Vector256.FusedMultiplyAdd(step, Vector256.Create(_reciprocal), Vector256.Create(_offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<double> Invoke(Vector128<double> step) => Fused128.MultiplyAdd(step, Vector128.Create(_reciprocal), Vector128.Create(_offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Invoke(Vector512<double> step) => Vector512.FusedMultiplyAdd(step, Vector512.Create(_reciprocal), Vector512.Create(_offset));

    /// <summary>Not used: CyclicLR's kernels keep double steps.</summary>
    public Vector512<float> Invoke(Vector512<float> step) => Quotient.Widened(this, step);

    /// <summary>Not used: CyclicLR's kernels keep double steps.</summary>
    public Vector256<float> Invoke(Vector256<float> step) => Quotient.Widened(this, step);

    /// <summary>Not used: CyclicLR's kernels keep double steps.</summary>
    public Vector128<float> Invoke(Vector128<float> step) => Quotient.Widened(this, step);
}
