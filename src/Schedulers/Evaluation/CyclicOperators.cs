using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

/// <summary>
/// The side of CyclicLR's triangle at a step, in [0, 1], computed as PyTorch computes it: <c>y = step / total</c>
/// correctly rounded, <c>x = (1 + y) - floor(1 + y)</c>, then the rising (<c>x / ratio</c>) or falling
/// (<c>(x - 1) / (ratio - 1)</c>) side. The rounding of <c>1 + y</c> is PyTorch's own and is amplified by
/// <c>1 / ratio</c>, so it is reproduced rather than improved on. The vector paths form the same correctly rounded
/// quotient with a product and two FMAs instead of a division (Markstein's correction: with <c>r = RN(1 / total)</c>
/// and <c>q = RN(step * r)</c>, <c>RN(q + (step - q * total) * r)</c> is <c>RN(step / total)</c>); the scalar path,
/// which <c>GetLearningRate</c> uses, divides. Valid at any step.
/// </summary>
internal readonly struct CyclicSide(double total, double stepRatio) : IStepOperator
{
    private readonly double _reciprocal = 1.0 / total;
    private readonly double _rising = 1.0 / stepRatio;
    private readonly double _falling = 1.0 / (stepRatio - 1.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Invoke(double step)
    {
        var shifted = 1.0 + (step / total);
        var x = shifted - Math.Floor(shifted);
        return x <= stepRatio ? x * _rising : (x - 1.0) * _falling;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Invoke(Vector256<double> step)
    {
        var shifted = Vector256<double>.One + Quotient.Of(step, total, _reciprocal);
        var x = shifted - Vector256.Floor(shifted);
        return Vector256.ConditionalSelect(
            Vector256.LessThanOrEqual(x, Vector256.Create(stepRatio)),
            x * Vector256.Create(_rising),
            (x - Vector256<double>.One) * Vector256.Create(_falling));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Invoke(Vector512<double> step)
    {
        var shifted = Vector512<double>.One + Quotient.Of(step, total, _reciprocal);
        var x = shifted - Vector512.Floor(shifted);
        return Vector512.ConditionalSelect(
            Vector512.LessThanOrEqual(x, Vector512.Create(stepRatio)),
            x * Vector512.Create(_rising),
            (x - Vector512<double>.One) * Vector512.Create(_falling));
    }

    /// <summary>Not used: CyclicLR's kernels keep double steps (a float step cannot place a large step within its cycle).</summary>
    public Vector512<float> Invoke(Vector512<float> step) => Quotient.Widened(this, step);

    /// <summary>Not used: CyclicLR's kernels keep double steps.</summary>
    public Vector256<float> Invoke(Vector256<float> step) => Quotient.Widened(this, step);
}

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
    public Vector512<double> Invoke(Vector512<double> step) =>
        Vector512<double>.One + Quotient.Of(step, total, _reciprocal) - Vector512.Create(origin);

    /// <summary>Not used: CyclicLR's kernels keep double steps.</summary>
    public Vector512<float> Invoke(Vector512<float> step) => Quotient.Widened(this, step);

    /// <summary>Not used: CyclicLR's kernels keep double steps.</summary>
    public Vector256<float> Invoke(Vector256<float> step) => Quotient.Widened(this, step);
}

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
    public Vector512<double> Invoke(Vector512<double> step) => Vector512.FusedMultiplyAdd(step, Vector512.Create(_reciprocal), Vector512.Create(_offset));

    /// <summary>Not used: CyclicLR's kernels keep double steps.</summary>
    public Vector512<float> Invoke(Vector512<float> step) => Quotient.Widened(this, step);

    /// <summary>Not used: CyclicLR's kernels keep double steps.</summary>
    public Vector256<float> Invoke(Vector256<float> step) => Quotient.Widened(this, step);
}

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
    public Vector512<double> Invoke(Vector512<double> step) =>
        Vector512.FusedMultiplyAdd(Vector512.Create(slope), side.Invoke(step), Vector512.Create(scale));

    /// <summary>Not used: CyclicLR's kernels keep double steps.</summary>
    public Vector512<float> Invoke(Vector512<float> step) => Quotient.Widened(this, step);

    /// <summary>Not used: CyclicLR's kernels keep double steps.</summary>
    public Vector256<float> Invoke(Vector256<float> step) => Quotient.Widened(this, step);
}

/// <summary>Helpers shared by CyclicLR's operators.</summary>
internal static class Quotient
{
    /// <summary><c>RN(step / total)</c> by Markstein's correction of <c>step * RN(1 / total)</c>: a product and two FMAs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Of(Vector256<double> step, double total, double reciprocal)
    {
        var estimate = step * Vector256.Create(reciprocal);
        return Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(-estimate, Vector256.Create(total), step), Vector256.Create(reciprocal), estimate);
    }

    /// <inheritdoc cref="Of(Vector256{double}, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Of(Vector512<double> step, double total, double reciprocal)
    {
        var estimate = step * Vector512.Create(reciprocal);
        return Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(-estimate, Vector512.Create(total), step), Vector512.Create(reciprocal), estimate);
    }

    /// <summary>A float path for operators that only run in double: widen, compute, narrow.</summary>
    public static Vector512<float> Widened<TOperator>(TOperator op, Vector512<float> step)
        where TOperator : struct, IStepOperator
    {
        var (lower, upper) = Vector512.Widen(step);
        return Vector512.Narrow(op.Invoke(lower), op.Invoke(upper));
    }

    /// <inheritdoc cref="Widened{TOperator}(TOperator, Vector512{float})"/>
    public static Vector256<float> Widened<TOperator>(TOperator op, Vector256<float> step)
        where TOperator : struct, IStepOperator
    {
        var (lower, upper) = Vector256.Widen(step);
        return Vector256.Narrow(op.Invoke(lower), op.Invoke(upper));
    }
}
