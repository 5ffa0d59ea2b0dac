namespace Schedulers;

/// <summary>PyTorch's <c>ExponentialLR</c>: <c>gamma^t</c>.</summary>
internal sealed class ExponentialCurve(double gamma) : DecayCurve
{
    public override double Factor(long t) => Math.Pow(gamma, t);
}
