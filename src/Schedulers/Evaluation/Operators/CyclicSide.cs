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
    public Vector128<double> Invoke(Vector128<double> step)
    {
        var shifted = Vector128<double>.One + Quotient.Of(step, total, _reciprocal);
        var x = shifted - Vector128.Floor(shifted);
        return Vector128.ConditionalSelect(
            Vector128.LessThanOrEqual(x, Vector128.Create(stepRatio)),
            x * Vector128.Create(_rising),
            (x - Vector128<double>.One) * Vector128.Create(_falling));
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

    /// <summary>Not used: CyclicLR's kernels keep double steps.</summary>
    public Vector128<float> Invoke(Vector128<float> step) => Quotient.Widened(this, step);
}
