using System.Numerics.Tensors;

namespace Schedulers;

/// <summary>transformers' cosine angle <c>pi * num_cycles * 2 * (t / D)</c>, in its order of operations.</summary>
internal readonly struct CosineAngle(long decaySteps, double cycles) : IRoundedAngle
{
    public double Delta => Math.PI * cycles * 2.0 / Math.Max(1L, decaySteps);

    public double DeltaError => Math.FusedMultiplyAdd(-Delta, Math.Max(1L, decaySteps), Math.PI * cycles * 2.0) / Math.Max(1L, decaySteps);

    public double Span => Math.PI * cycles * 2.0;

    public double At(long step) => Math.PI * cycles * 2.0 * ((double)step / Math.Max(1L, decaySteps));

    /// <summary>
    /// With <c>q = RN(t / D)</c> and <c>a = RN(K q)</c>: <c>a - K t / D = (a - K q) - K (t - q D) / D</c>, both
    /// remainders exact by FMA.
    /// </summary>
    public void RoundingErrors(Span<double> steps, Span<double> errors)
    {
        var turn = Math.PI * cycles * 2.0;
        var divisor = (double)Math.Max(1L, decaySteps);
        Span<double> quotients = stackalloc double[steps.Length];
        TensorPrimitives.Divide(steps, divisor, quotients);
        TensorPrimitives.Multiply(quotients, turn, errors);
        TensorPrimitives.FusedMultiplyAdd(quotients, -turn, errors, errors);
        TensorPrimitives.FusedMultiplyAdd(quotients, -divisor, steps, steps);
        TensorPrimitives.FusedMultiplyAdd(steps, -turn / divisor, errors, errors);
    }
}
