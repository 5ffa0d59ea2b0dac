namespace Schedulers;

/// <summary>PyTorch's <c>StepLR</c>: <c>gamma^floor(t / step_size)</c>.</summary>
internal sealed class StepCurve(long stepSize, double gamma) : DecayCurve
{
    public override double Factor(long t) => Math.Pow(gamma, t / stepSize);
}
