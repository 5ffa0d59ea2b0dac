namespace Schedulers;

/// <summary>PyTorch OneCycleLR's angle <c>pi * ((step - start) / length)</c> over a phase with fractional ends.</summary>
internal readonly struct OneCycleAngle(double start, double length) : IPhaseAngle
{
    public double At(long step) => Math.PI * ((step - start) / length);
}
