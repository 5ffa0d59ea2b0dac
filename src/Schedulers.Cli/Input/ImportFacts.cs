namespace Schedulers.Cli;

/// <summary>
/// What an import needs that the file does not hold, from the command line: sd-scripts' process count, and for timm the
/// run's world size and the training loader's batches per epoch.
/// </summary>
/// <param name="NumProcesses">accelerate's (sd-scripts) or torchrun's (timm's world size) number of processes; 1 unless given.</param>
/// <param name="NumProcessesGiven">Whether <c>--num-processes</c> was given: timm's learning-rate rule needs the world size, and never assumes 1.</param>
/// <param name="BatchesPerEpoch">The training loader's batches per epoch (per process), or <see langword="null"/> when not given.</param>
internal sealed record ImportFacts(long NumProcesses, bool NumProcessesGiven = false, long? BatchesPerEpoch = null)
{
    /// <summary>The world size when it was given.</summary>
    public long? WorldSize => NumProcessesGiven ? NumProcesses : null;
}
