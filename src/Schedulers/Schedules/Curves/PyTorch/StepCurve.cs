namespace Schedulers;

/// <summary>PyTorch's <c>StepLR</c>: <c>gamma^floor(t / step_size)</c>.</summary>
internal sealed class StepCurve(long stepSize, double gamma) : DecayCurve
{
    public override double Factor(long t) => Math.Pow(gamma, t / stepSize);

    protected override long NextChange(long t) => ((t / stepSize) + 1) * stepSize;

    protected override void FillMoving<T>(long firstT, double scale, Span<T> destination) => FillConstantRuns(firstT, scale, destination);
}
