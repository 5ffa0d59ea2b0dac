namespace Schedulers;

/// <summary>
/// The contract's linear warmup, the one piece every warmup-taking scheduler composes with its decay:
/// <c>lr = s0 + (learning_rate - s0) * step / max(1, W)</c> for <c>step &lt; W</c>.
/// </summary>
internal sealed class WarmupPhase
{
    public static WarmupPhase None { get; } = new(0, 0, 0);

    public WarmupPhase(long steps, double startLearningRate, double peakLearningRate)
    {
        Steps = steps;
        StartLearningRate = startLearningRate;
        PeakLearningRate = peakLearningRate;
    }

    public long Steps { get; }

    public double StartLearningRate { get; }

    public double PeakLearningRate { get; }

    public bool Covers(long step) => step < Steps;

    // The ratio is formed first, as Hugging Face does (base_lr * (step / W)), so that s0 = 0 gives its values bit for bit.
    public double LearningRateAt(long step) =>
        StartLearningRate + ((PeakLearningRate - StartLearningRate) * ((double)step / Math.Max(1L, Steps)));

    /// <summary>Fills steps of the warmup: an affine ramp.</summary>
    public void Fill<T>(long firstStep, Span<T> destination)
        where T : unmanaged =>
        Kernels.Map(destination, firstStep, new AffineOperator(StartLearningRate, (PeakLearningRate - StartLearningRate) / Math.Max(1L, Steps)));
}
