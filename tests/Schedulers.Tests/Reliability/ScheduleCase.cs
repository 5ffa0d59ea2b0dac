using CsCheck;
using Schedulers.Tests.Support;

namespace Schedulers.Tests.Reliability;

/// <summary>
/// One random valid configuration: a scheduler, a scale and the seed that picks its parameters. It prints as the JSON it
/// stands for, so a failing property names the configuration to paste into <c>schedulers curve</c>.
/// </summary>
internal sealed record ScheduleCase(string Scheduler, int Seed, ConfigurationScale Scale)
{
    public static Gen<ScheduleCase> Any { get; } = Gen.Select(
        Gen.OneOf([.. RandomConfigurations.SchedulerNames]),
        Gen.Int[0, int.MaxValue - 1],
        Gen.OneOf(ConfigurationScale.Typical, ConfigurationScale.Typical, ConfigurationScale.Huge, ConfigurationScale.Extreme),
        (scheduler, seed, scale) => new ScheduleCase(scheduler, seed, scale));

    public ScheduleOptions Options => RandomConfigurations.Options(Scheduler, new Random(Seed), Scale).Options;

    public LearningRateSchedule Build() => LearningRateSchedule.Create(Options);

    /// <summary>A random source for the steps a property looks at, separate from the one that chose the parameters.</summary>
    public Random Steps() => new(Seed ^ 0x5EED);

    public override string ToString() => $"{Scheduler} ({Scale}, seed {Seed}) {Options.ToJson()}";
}
