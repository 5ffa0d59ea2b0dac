using Schedulers.Tests.Reliability;
using Schedulers.Tests.Support;

namespace Schedulers.Tests.Catalog;

/// <summary>
/// The tables of per-scheduler knowledge the tests keep. Every scheduler of the catalog must have an entry in each (the
/// knowledge, or why there is none) and every entry must be of a scheduler of the catalog, so that adding a scheduler
/// fails loudly until the tests know it. (The documentation page and the reference curves are checked the same way in
/// DocumentationTests and ReferenceCurveConformanceTests.)
/// </summary>
public sealed class PerSchedulerKnowledgeTests
{
    private static readonly Dictionary<string, ISchedulerTable> Tables = new(StringComparer.Ordinal)
    {
        { "random configurations", RandomConfigurations.Generators },
        { "documented bounds", DocumentedBounds.Rules },
        { "monotone decay phases", SchedulePropertyTests.MonotoneDecayPhases },
    };

    public static TheoryData<string> TableNames => [.. Tables.Keys];

    public static TheoryData<string> CatalogSchedulers => [.. SchedulerCatalog.All.Select(scheduler => scheduler.Name)];

    public static TheoryData<string, string> TablesAndCatalogSchedulers
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var table in Tables.Keys)
            {
                foreach (var scheduler in SchedulerCatalog.All)
                {
                    data.Add(table, scheduler.Name);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(TablesAndCatalogSchedulers))]
    public void Every_scheduler_of_the_catalog_has_an_entry_in_every_table(string table, string scheduler)
    {
        Tables[table].Names.Should().Contain(scheduler, "{0}", Tables[table].MissingMessage(scheduler));
    }

    [Theory]
    [MemberData(nameof(TableNames))]
    public void Every_entry_of_a_table_is_of_a_scheduler_of_the_catalog(string table)
    {
        Tables[table].Names.Should().BeSubsetOf(
            SchedulerCatalog.All.Select(scheduler => scheduler.Name),
            "every entry of {0} must name a scheduler of SchedulerCatalog.All, spelled as it is there: remove or respell the others", Tables[table].Location);
    }

    [Theory]
    [MemberData(nameof(CatalogSchedulers))]
    public void A_scheduler_has_no_random_configuration_exactly_when_no_configuration_makes_its_curve(string scheduler)
    {
        var descriptor = SchedulerCatalog.Find(scheduler)!;

        RandomConfigurations.Generators.HasNone(scheduler).Should().Be(
            descriptor.IsMetricDriven || descriptor.IsCodeOnly,
            "only a metric-driven or code-only scheduler may go without a generator in {0}", RandomConfigurations.Generators.Location);
    }
}
