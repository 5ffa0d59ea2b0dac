using System.Numerics.Tensors;

namespace Schedulers;

/// <summary>diffusers' hard-restart angle <c>pi * ((num_cycles * (t / D)) mod 1)</c>.</summary>
internal readonly struct RestartAngle(long decaySteps, double cycles) : IRoundedAngle
{
    public double Delta => Math.PI * cycles / Math.Max(1L, decaySteps);

    /// <summary>Gets <c>(pi c - Delta D) / D</c>, with <c>pi c</c> split into its rounded product and that product's remainder.</summary>
    public double DeltaError
    {
        get
        {
            var turn = Math.PI * cycles;
            var divisor = (double)Math.Max(1L, decaySteps);
            return (Math.FusedMultiplyAdd(-Delta, divisor, turn) + Math.FusedMultiplyAdd(Math.PI, cycles, -turn)) / divisor;
        }
    }

    public double At(long step) => Math.PI * ((cycles * ((double)step / Math.Max(1L, decaySteps))) % 1.0);

    /// <summary>
    /// With <c>q = RN(t / D)</c>, <c>x = RN(c q)</c>, <c>f = x mod 1</c> (exact) and <c>a = RN(pi f)</c>, within one
    /// cycle: <c>a - pi frac(c t / D) = (a - pi f) + pi ((x - c q) - c (t - q D) / D)</c>, each remainder exact by FMA.
    /// </summary>
    public void RoundingErrors(Span<double> steps, Span<double> errors)
    {
        var divisor = (double)Math.Max(1L, decaySteps);
        Span<double> quotients = stackalloc double[steps.Length];
        Span<double> products = stackalloc double[steps.Length];
        TensorPrimitives.Divide(steps, divisor, quotients);
        TensorPrimitives.Multiply(quotients, cycles, products);
        TensorPrimitives.FusedMultiplyAdd(quotients, -divisor, steps, steps); // t - q D
        TensorPrimitives.FusedMultiplyAdd(quotients, -cycles, products, quotients); // x - c q
        TensorPrimitives.FusedMultiplyAdd(steps, -cycles / divisor, quotients, quotients); // x - c t / D
        TensorPrimitives.Floor(products, steps);
        TensorPrimitives.Subtract(products, steps, products); // f
        TensorPrimitives.Multiply(products, Math.PI, errors); // a
        TensorPrimitives.FusedMultiplyAdd(products, -Math.PI, errors, errors); // a - pi f
        TensorPrimitives.FusedMultiplyAdd(quotients, Math.PI, errors, errors);
    }
}
