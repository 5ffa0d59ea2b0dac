namespace Schedulers.Harness;

/// <summary>What issue 15 treats differently: plain cosine and linear are held tightest, fractional powers loosest.</summary>
internal enum TargetClass
{
    CosineOrLinear,
    Restarts,
    FractionalPower,
    Other,
}

/// <summary>
/// Issue 15's targets, as ratios of the fastest Evaluate to the fastest Span.Fill of the same buffer. Buffers of
/// <see cref="DramSteps"/> or more count as "32M" (DRAM-bound), smaller ones as "1M" (mostly in cache). With 128-bit
/// vectors only, fractional powers get 6× at both sizes: the issue names that exception without a size.
/// </summary>
internal static class Targets
{
    /// <summary>8M doubles are 64 MB, beyond the last-level cache of the machines this runs on.</summary>
    public const int DramSteps = 8_000_000;

    /// <summary>The (double, float) ceilings, or <see langword="null"/> where no vector unit exists to hold a target to.</summary>
    public static (double Double, double Float)? For(VectorWidth width, int steps, TargetClass target)
    {
        var dram = steps >= DramSteps;
        if (width.Bits == 0)
        {
            return null;
        }

        if (width.Bits == 128)
        {
            var ceiling = target == TargetClass.FractionalPower ? 6.0 : dram ? 2.0 : 5.0;
            return (ceiling, ceiling);
        }

        if (dram)
        {
            var ceiling = target == TargetClass.FractionalPower ? 3.0 : 1.3;
            return (ceiling, ceiling);
        }

        return target switch
        {
            TargetClass.CosineOrLinear => (1.5, 2.25),
            TargetClass.Restarts => (2.0, 3.0),
            TargetClass.FractionalPower => (4.0, 4.0),
            _ => (3.0, 4.5),
        };
    }

    public static TargetClass Classify(LearningRateSchedule schedule, string json) =>
        ConfigurationTemplate.HasFractionalPower(json) ? TargetClass.FractionalPower
        : schedule.Name is "cosine" or "linear" ? TargetClass.CosineOrLinear
        : schedule.Name.Contains("restart", StringComparison.OrdinalIgnoreCase) ? TargetClass.Restarts
        : TargetClass.Other;
}
