namespace Schedulers;

/// <summary><c>max(0, f * (1 - r) + r)</c> with <c>f = 0.5 * (1 + cos(pi * num_cycles * 2 * p))</c>, <c>p = t / max(1, D)</c>, in transformers' order of operations.</summary>
internal sealed class CosineCurve(long decaySteps, double cycles, double floorRatio) : DecayCurve
{
    public override double Factor(long t)
    {
        var progress = (double)Math.Min(t, decaySteps) / Math.Max(1L, decaySteps);
        var factor = 0.5 * (1.0 + Math.Cos(Math.PI * cycles * 2.0 * progress));
        return Math.Max(0.0, (factor * (1.0 - floorRatio)) + floorRatio);
    }
}
