namespace Schedulers;

/// <summary>transformers' cosine angle <c>pi * num_cycles * 2 * (t / D)</c>, in its order of operations.</summary>
internal readonly struct CosineAngle(long decaySteps, double cycles) : IPhaseAngle
{
    public double Delta => Math.PI * cycles * 2.0 / Math.Max(1L, decaySteps);

    public double Span => Math.PI * cycles * 2.0;

    public double At(long step) => Math.PI * cycles * 2.0 * ((double)step / Math.Max(1L, decaySteps));
}
