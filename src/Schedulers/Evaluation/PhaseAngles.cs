namespace Schedulers;

/// <summary>transformers' cosine angle <c>pi * num_cycles * 2 * (t / D)</c>, in its order of operations.</summary>
internal readonly struct CosineAngle(long decaySteps, double cycles) : IPhaseAngle
{
    public double Delta => Math.PI * cycles * 2.0 / Math.Max(1L, decaySteps);

    public double Span => Math.PI * cycles * 2.0;

    public double At(long step) => Math.PI * cycles * 2.0 * ((double)step / Math.Max(1L, decaySteps));
}

/// <summary>diffusers' hard-restart angle <c>pi * ((num_cycles * (t / D)) mod 1)</c>.</summary>
internal readonly struct RestartAngle(long decaySteps, double cycles) : IPhaseAngle
{
    public double Delta => Math.PI * cycles / Math.Max(1L, decaySteps);

    public double At(long step) => Math.PI * ((cycles * ((double)step / Math.Max(1L, decaySteps))) % 1.0);
}

/// <summary>An angle <c>pi * (t - start) / length</c> over a cycle of whole steps (PyTorch's annealing, WSD's cosine warmup).</summary>
internal readonly struct CycleAngle(long start, long length, long period) : IPhaseAngle
{
    public double At(long step) => Math.PI * ((step - start) % period) / length;
}

/// <summary>PyTorch OneCycleLR's angle <c>pi * ((step - start) / length)</c> over a phase with fractional ends.</summary>
internal readonly struct OneCycleAngle(double start, double length) : IPhaseAngle
{
    public double At(long step) => Math.PI * ((step - start) / length);
}
