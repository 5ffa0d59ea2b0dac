using Schedulers.Tests.Support;

namespace Schedulers.Tests.Reliability;

/// <summary>
/// One scheduler's entry in <see cref="SchedulePropertyTests.MonotoneDecayPhases"/>: given the configuration and the end
/// of training, the step where the curve stops only decaying (null for a configuration that may rise).
/// </summary>
internal sealed record DecayPhase(Func<ScheduleOptions, long, long?> End)
{
    /// <summary>Gets the entry of a scheduler whose curve never rises after its warmup until the end of training.</summary>
    public static DecayPhase ToTheEnd { get; } = new((_, end) => end);

    public static SchedulerEntry<DecayPhase> None(string because) => SchedulerEntry<DecayPhase>.None(because);

    public static implicit operator SchedulerEntry<DecayPhase>(DecayPhase phase) => SchedulerEntry<DecayPhase>.Of(phase);
}
