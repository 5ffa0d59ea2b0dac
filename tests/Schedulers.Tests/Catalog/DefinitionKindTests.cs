namespace Schedulers.Tests.Catalog;

/// <summary>Every registered scheduler either makes a curve or says why it makes none: never a cast that fails later.</summary>
public sealed class DefinitionKindTests
{
    public static TheoryData<string> Names => [.. SchedulerDefinitions.All.Select(definition => definition.Descriptor.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void A_scheduler_makes_a_curve_or_gives_the_reason_it_makes_none_but_not_both(string name)
    {
        var definition = SchedulerDefinitions.Find(name)!;

        (definition is CurveDefinition).Should().Be(definition.NoCurveReason is null, "{0} must make a curve exactly when it has no reason not to", name);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Only_metric_driven_and_code_only_schedulers_make_no_curve(string name)
    {
        var definition = SchedulerDefinitions.Find(name)!;

        (definition is CurveDefinition).Should().Be(!definition.Descriptor.IsMetricDriven && !definition.Descriptor.IsCodeOnly);
    }
}
