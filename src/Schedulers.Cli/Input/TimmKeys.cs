namespace Schedulers.Cli;

/// <summary>
/// The contract's keys of the timm family and of epoch units (schedule-config.md, "timm family" and "Common
/// parameters"), spelt once for the timm import. The library's <see cref="ScheduleKeys"/> gains them with the timm
/// schedulers (issue 16); until then the import names them here, and each constant equals the contract's key.
/// </summary>
internal static class TimmKeys
{
    /// <summary>Optimizer steps per epoch: every length then counts in epochs (timm's <c>t_in_epochs=True</c>).</summary>
    public const string StepsPerEpoch = "steps_per_epoch";

    /// <summary>The length of the first cycle.</summary>
    public const string TInitial = "t_initial";

    /// <summary>The learning rate a cycle ends at.</summary>
    public const string LrMin = "lr_min";

    /// <summary>The warmup length.</summary>
    public const string WarmupT = "warmup_t";

    /// <summary>The learning rate the warmup starts at.</summary>
    public const string WarmupLrInit = "warmup_lr_init";

    /// <summary>Whether the schedule starts after the warmup instead of under it.</summary>
    public const string WarmupPrefix = "warmup_prefix";

    /// <summary>Each cycle's length over the previous one's.</summary>
    public const string CycleMul = "cycle_mul";

    /// <summary>Each cycle's peak over the previous one's.</summary>
    public const string CycleDecay = "cycle_decay";

    /// <summary>The number of cycles.</summary>
    public const string CycleLimit = "cycle_limit";

    /// <summary>The k of k-decay.</summary>
    public const string KDecay = "k_decay";

    /// <summary>Where noise applies: <c>t0</c> (from t0 on) or <c>[t0, t1)</c>.</summary>
    public const string NoiseRangeT = "noise_range_t";

    /// <summary>The bound of a noise draw.</summary>
    public const string NoisePct = "noise_pct";

    /// <summary>The base seed of the noise draws.</summary>
    public const string NoiseSeed = "noise_seed";

    /// <summary>The decay interval (step) or the decay points (multistep).</summary>
    public const string DecayT = "decay_t";

    /// <summary>The factor of each decay.</summary>
    public const string DecayRate = "decay_rate";
}
