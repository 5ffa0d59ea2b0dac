using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

/// <summary>
/// <c>(1 + step / total) - origin</c> for steps known to lie strictly inside one side of one cycle (neither the apex nor
/// the cycle's last step, where PyTorch's rounding may pick the other side or the next cycle): with <c>origin</c> the
/// cycle, this is PyTorch's <c>x</c> on the rising side; with the cycle + 1, its <c>x - 1</c> on the falling side (one
/// rounding either way, as PyTorch's, because <c>(1 + y) - cycle</c> is exact). The side's reciprocal ratio is left to
/// the caller to fold into its slope, so that a side costs no floor, no select and no extra product.
/// </summary>
internal readonly struct CyclicRun(double total, double origin) : IStepOperator
{
    /// <summary>
    /// Below this step PyTorch's rounding of <c>1 + step / total</c> (about <c>step * 2^-53</c> of a side, amplified by at
    /// most the cycle's length) stays under 1e-7 of a value, so float output may skip reproducing it.
    /// </summary>
    public const double SingleExactBelow = 4e8;

    private readonly double _reciprocal = 1.0 / total;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Invoke(double step) => 1.0 + (step / total) - origin;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Invoke(Vector256<double> step) =>
        Vector256<double>.One + Quotient.Of(step, total, _reciprocal) - Vector256.Create(origin);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<double> Invoke(Vector128<double> step) =>
        Vector128<double>.One + Quotient.Of(step, total, _reciprocal) - Vector128.Create(origin);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Invoke(Vector512<double> step) =>
        Vector512<double>.One + Quotient.Of(step, total, _reciprocal) - Vector512.Create(origin);

    /// <summary>Not used: CyclicLR's kernels keep double steps.</summary>
    public Vector512<float> Invoke(Vector512<float> step) => Quotient.Widened(this, step);

    /// <summary>Not used: CyclicLR's kernels keep double steps.</summary>
    public Vector256<float> Invoke(Vector256<float> step) => Quotient.Widened(this, step);

    /// <summary>Not used: CyclicLR's kernels keep double steps.</summary>
    public Vector128<float> Invoke(Vector128<float> step) => Quotient.Widened(this, step);
}
