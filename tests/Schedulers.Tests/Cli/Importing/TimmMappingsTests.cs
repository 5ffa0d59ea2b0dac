using Schedulers.Cli;

namespace Schedulers.Tests.Cli.Importing;

/// <summary>
/// The timm import table against itself and against our catalog. The catalog checks (the schedulers and keys the rows
/// name) need issue 16's timm schedulers and <c>steps_per_epoch</c> in the library: they fail until those are merged.
/// </summary>
public sealed class TimmMappingsTests
{
    /// <summary>Each scheduler a row carries its setting to, with the row's source and key of ours.</summary>
    public static TheoryData<string, string, string> Carried()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var rule in TimmMappings.ScheduleParameters)
        {
            foreach (var sched in rule.UsedBy)
            {
                rows.Add(rule.Source, rule.Target!, TimmMappings.Schedules.Single(entry => entry.Sched == sched).Scheduler);
            }
        }

        return rows;
    }

    [Fact]
    public void Every_sched_a_row_names_is_one_create_scheduler_v2_builds()
    {
        var named = TimmMappings.ScheduleParameters.Concat(TimmMappings.PlateauRefusals).SelectMany(rule => rule.UsedBy);

        named.Should().BeSubsetOf(TimmMappings.Schedules.Select(entry => entry.Sched));
    }

    [Fact]
    public void A_setting_has_at_most_one_row_for_each_sched()
    {
        var rows = TimmMappings.ScheduleParameters.SelectMany(rule => rule.UsedBy.Select(sched => (rule.Source, sched)));

        rows.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Every_schedule_row_carries_its_setting_to_a_key_of_ours()
    {
        TimmMappings.ScheduleParameters.Should().OnlyContain(rule => rule.Target != null && !rule.UsedBy.IsEmpty);
    }

    [Fact]
    public void The_settings_name_each_argument_once()
    {
        TimmMappings.Settings.Select(rule => rule.Source).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Every_scheduler_the_import_builds_is_a_scheduler_of_ours()
    {
        TimmMappings.Schedules.Where(entry => SchedulerCatalog.Find(entry.Scheduler) is null).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Carried))]
    public void The_scheduler_a_row_carries_a_setting_to_takes_its_key(string source, string target, string scheduler)
    {
        SchedulerCatalog.Find(scheduler)?.Takes(target).Should().BeTrue("timm's {0} becomes {1} with {2}", source, target, scheduler);
        SchedulerCatalog.Find(scheduler).Should().NotBeNull();
    }

    [Fact]
    public void Steps_per_epoch_is_a_key_of_ours()
    {
        SchedulerCatalog.AllParameterKeys.Should().Contain(TimmKeys.StepsPerEpoch);
    }
}
