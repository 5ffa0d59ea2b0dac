namespace Schedulers.Tests.Support;

/// <summary>
/// One scheduler's entry in <see cref="RandomConfigurations.Generators"/>: how it draws its own parameters (and the
/// shortest training it takes), or, for a scheduler with no random configuration, why.
/// </summary>
internal sealed record Generator(Action<Draw> DrawParameters, long MinimumTotalSteps = 1)
{
    public static SchedulerEntry<Generator> None(string because) => SchedulerEntry<Generator>.None(because);

    public static implicit operator SchedulerEntry<Generator>(Generator generator) => SchedulerEntry<Generator>.Of(generator);
}
