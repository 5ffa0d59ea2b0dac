using System.Reflection;

namespace Schedulers.Tests.Catalog;

public sealed class ScheduleKeysTests
{
    private static IEnumerable<string> Constants => typeof(ScheduleKeys)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(constant => constant.IsLiteral)
        .Select(constant => (string)constant.GetRawConstantValue()!);

    [Fact]
    public void Every_key_any_scheduler_takes_has_a_public_constant()
    {
        SchedulerCatalog.AllParameterKeys.Should().BeSubsetOf(Constants);
    }

    [Fact]
    public void Every_public_key_constant_is_taken_by_some_scheduler_or_names_the_scheduler()
    {
        Constants.Except([ScheduleKeys.Scheduler]).Should().BeSubsetOf(SchedulerCatalog.AllParameterKeys);
    }
}
