namespace Schedulers;

/// <summary>
/// timm's seeded learning-rate noise (<c>Scheduler._is_apply_noise</c> and <c>_calculate_noise</c> with timm's default
/// <c>noise_type='normal'</c>): at a step <c>t</c> in <c>noise_range_t</c> (from <c>t0</c> on, or in <c>[t0, t1)</c>), a
/// fresh PyTorch CPU generator seeded with <c>noise_seed + t</c> draws <c>torch.randn(1)</c> until <c>|n| &lt; noise_pct</c>,
/// and the learning rate becomes <c>lr + lr * n</c>. Each step's draw depends on that step alone, so the noise is a
/// closed form like the rest of the curve, and immutable.
/// </summary>
internal sealed class TimmNoise
{
    public TimmNoise(long start, long? end, double percent, long seed)
    {
        Start = start;
        End = end;
        Percent = percent;
        Seed = seed;
    }

    /// <summary>Gets the first step with noise.</summary>
    public long Start { get; }

    /// <summary>Gets the first step past the noise, or <see langword="null"/> when it never ends (an integer <c>noise_range_t</c>).</summary>
    public long? End { get; }

    /// <summary>Gets <c>noise_pct</c>: a draw is kept when its magnitude is below it.</summary>
    public double Percent { get; }

    /// <summary>Gets <c>noise_seed</c>.</summary>
    public long Seed { get; }

    /// <summary>Gets whether step <paramref name="step"/> carries noise (timm's <c>_is_apply_noise</c>).</summary>
    public bool Applies(long step) => step >= Start && (End is not { } end || step < end);

    /// <summary>Adds the noise of <paramref name="step"/> as timm does: <c>lr + lr * n</c>.</summary>
    public double Apply(double learningRate, long step) => learningRate + (learningRate * Draw(step));

    /// <summary>
    /// The noise of <paramref name="step"/>: draws of <c>torch.randn(1)</c> from a generator seeded with
    /// <c>noise_seed + step</c> until one lies strictly inside <c>(-noise_pct, noise_pct)</c>. With <c>noise_pct</c>
    /// at least 0.01 (the descriptor's range) a draw is kept with probability above 0.008, so the loop ends after a
    /// few hundred draws at worst in practice. Allocates nothing: the generator's state is on the stack.
    /// </summary>
    public double Draw(long step)
    {
        Span<uint> state = stackalloc uint[TorchCpuGenerator.StateLength];

        // Python adds the integers exactly; PyTorch keeps the sum's 64 bits and its engine their low 32, which wrapping keeps.
        var generator = new TorchCpuGenerator(unchecked((ulong)(Seed + step)), state);
        while (true)
        {
            var noise = generator.NextRandn();
            if (Math.Abs(noise) < Percent)
            {
                return noise;
            }
        }
    }
}
