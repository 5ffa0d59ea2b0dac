namespace Schedulers;

/// <summary>An angle <c>pi * (t - start) / length</c> over a cycle of whole steps (PyTorch's annealing, WSD's cosine warmup).</summary>
internal readonly struct CycleAngle(long start, long length, long period) : IPhaseAngle
{
    public double At(long step) => Math.PI * ((step - start) % period) / length;
}
