namespace Schedulers;

/// <summary>
/// diffusers' polynomial decay: <c>lr = (lr0 - lr_end) * (1 - t / D)^power + lr_end</c>, returned as a factor of
/// <c>lr0</c> exactly as diffusers returns it to LambdaLR, and <c>lr_end</c> from <c>t = D</c> on.
/// </summary>
internal sealed class PolynomialCurve(long decaySteps, double power, double endLearningRate, double initialLearningRate) : DecayCurve
{
    private readonly PowerKernel _kernel = new(power);

    protected override long? End => decaySteps;

    public override double Factor(long t)
    {
        if (t >= decaySteps)
        {
            return endLearningRate / initialLearningRate;
        }

        var remaining = 1.0 - ((double)t / decaySteps);
        var decayed = ((initialLearningRate - endLearningRate) * Math.Pow(remaining, power)) + endLearningRate;
        return decayed / initialLearningRate;
    }

    protected override void FillMoving<T>(long firstT, double scale, Span<T> destination)
    {
        var ratio = scale / initialLearningRate;
        _kernel.Fill(destination, firstT, decaySteps, (initialLearningRate - endLearningRate) * ratio, endLearningRate * ratio);
    }
}
