using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

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

    /// <inheritdoc cref="Of(Vector256{double}, double, double)"/>
    /// <remarks>Markstein's correction needs the exact fusion; without fused hardware a division rounds the same way.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Of(Vector128<double> step, double total, double reciprocal)
    {
        if (!Fused128.IsFused)
        {
            return step / Vector128.Create(total);
        }

        var estimate = step * Vector128.Create(reciprocal);
        return Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(-estimate, Vector128.Create(total), step), Vector128.Create(reciprocal), estimate);
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

    /// <inheritdoc cref="Widened{TOperator}(TOperator, Vector512{float})"/>
    public static Vector128<float> Widened<TOperator>(TOperator op, Vector128<float> step)
        where TOperator : struct, IStepOperator
    {
        var (lower, upper) = Vector128.Widen(step);
        return Vector128.Narrow(op.Invoke(lower), op.Invoke(upper));
    }
}
