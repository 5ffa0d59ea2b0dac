namespace Schedulers;

/// <summary>diffusers' hard-restart angle <c>pi * ((num_cycles * (t / D)) mod 1)</c>.</summary>
internal readonly struct RestartAngle(long decaySteps, double cycles) : IPhaseAngle
{
    public double Delta => Math.PI * cycles / Math.Max(1L, decaySteps);

    public double At(long step) => Math.PI * ((cycles * ((double)step / Math.Max(1L, decaySteps))) % 1.0);
}
