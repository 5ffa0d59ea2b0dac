namespace Schedulers;

/// <summary>A checked ReduceLROnPlateau configuration, in PyTorch's terms.</summary>
internal sealed record PlateauSettings(
    ScheduleOptions Options,
    double LearningRate,
    WarmupPhase Warmup,
    bool Maximize,
    double Factor,
    long Patience,
    double Threshold,
    bool Relative,
    long Cooldown,
    double MinLr,
    double Eps)
{
    /// <summary>PyTorch's <c>is_better</c>, operation for operation.</summary>
    public bool IsBetter(double metric, double best) => (Maximize, Relative) switch
    {
        (false, true) => metric < best * (1.0 - Threshold),
        (false, false) => metric < best - Threshold,
        (true, true) => metric > best * (Threshold + 1.0),
        (true, false) => metric > best + Threshold,
    };
}
