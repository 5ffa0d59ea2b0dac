using System.Globalization;
using Schedulers.Cli;

namespace Schedulers.Tests.Cli.Importing;

/// <summary>
/// The import tables against our catalog and against the importers they drive: a row that names a key no scheduler
/// takes, a schedule the tool does not build, or a setting the importer does not carry as its row says, fails here.
/// </summary>
public sealed class ImportTableTests
{
    /// <summary>Every row of every import table: its table, source setting, key of ours and note.</summary>
    public static TheoryData<string, string, string?, string?> Rows()
    {
        var rows = new TheoryData<string, string, string?, string?>();
        var tables = new (string Name, IEnumerable<ImportRule> Rules)[]
        {
            ("Kohya settings", KohyaMappings.Settings),
            ("Kohya schedule parameters", KohyaMappings.ScheduleParameters),
            ("Kohya lr_scheduler_args", KohyaMappings.Keywords),
            ("Hugging Face settings", HuggingFaceMappings.Settings),
            ("Hugging Face lr_scheduler_kwargs", HuggingFaceMappings.Keywords),
        };
        foreach (var (name, rules) in tables)
        {
            foreach (var rule in rules)
            {
                rows.Add(name, rule.Source, rule.Target, rule.Note);
            }
        }

        return rows;
    }

    /// <summary>Each schedule a row carries its setting to, with the tool whose table it is.</summary>
    public static TheoryData<string, string, string, string> Carried()
    {
        var rows = new TheoryData<string, string, string, string>();
        var tables = new (string Tool, IEnumerable<ImportRule> Rules)[]
        {
            ("sd-scripts", KohyaMappings.ScheduleParameters.Concat(KohyaMappings.Keywords)),
            ("transformers", HuggingFaceMappings.Keywords),
        };
        foreach (var (tool, rules) in tables)
        {
            foreach (var rule in rules.Where(rule => rule.Target is not null))
            {
                foreach (var schedule in rule.UsedBy.Where(schedule => schedule != KohyaMappings.PyTorchClasses))
                {
                    rows.Add(tool, rule.Source, rule.Target!, schedule);
                }
            }
        }

        return rows;
    }

    /// <summary>Each sd-scripts schedule (and the PyTorch classes) with each setting that only some schedules read.</summary>
    public static TheoryData<string, string> KohyaSchedulesAndParameters()
    {
        var rows = new TheoryData<string, string>();
        foreach (var schedule in KohyaMappings.Schedules.Append(KohyaMappings.PyTorchClasses))
        {
            foreach (var source in KohyaMappings.ScheduleParameters.Select(rule => rule.Source).Distinct())
            {
                rows.Add(schedule, source);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_row_names_the_scheduler_or_a_key_some_scheduler_takes_or_says_in_its_note_why_it_names_none(string table, string source, string? target, string? note)
    {
        if (target is null)
        {
            note.Should().NotBeNullOrWhiteSpace("{0} carries {1} to no key of ours", table, source);
        }
        else if (target != ScheduleKeys.Scheduler)
        {
            SchedulerCatalog.AllParameterKeys.Should().Contain(target, "{0} maps {1} to it", table, source);
        }
    }

    [Theory]
    [MemberData(nameof(Carried))]
    public void The_scheduler_a_row_carries_a_setting_to_takes_its_key(string tool, string source, string target, string schedule)
    {
        SchedulerCatalog.Find(schedule).Should().NotBeNull("the {0} row of {1} names the schedule {2}", tool, source, schedule);
        SchedulerCatalog.Find(schedule)!.Takes(target).Should().BeTrue("{0}'s {1} becomes {2} with {3}", tool, source, target, schedule);
    }

    [Fact]
    public void Every_schedule_a_kohya_row_names_is_one_sd_scripts_builds()
    {
        var named = KohyaMappings.ScheduleParameters.Concat(KohyaMappings.Keywords).SelectMany(rule => rule.UsedBy);

        named.Should().BeSubsetOf(KohyaMappings.Schedules.Append(KohyaMappings.PyTorchClasses));
    }

    [Fact]
    public void Every_schedule_a_hugging_face_row_names_is_one_get_scheduler_builds_with_keywords()
    {
        HuggingFaceMappings.Keywords.SelectMany(rule => rule.UsedBy).Should().BeSubsetOf(HuggingFaceMappings.KeywordSchedules);
    }

    [Fact]
    public void Every_schedule_the_tools_build_is_a_scheduler_of_ours()
    {
        var schedules = KohyaMappings.Schedules.Concat(HuggingFaceMappings.KeywordSchedules).Concat(HuggingFaceMappings.PlainSchedules);

        schedules.Where(schedule => SchedulerCatalog.Find(schedule) is null).Should().BeEmpty();
    }

    [Fact]
    public void A_kohya_setting_has_at_most_one_row_for_each_schedule()
    {
        var rows = KohyaMappings.ScheduleParameters.SelectMany(rule => rule.UsedBy.Select(schedule => (rule.Source, Schedule: schedule)));

        rows.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_tables_name_each_setting_and_keyword_once()
    {
        KohyaMappings.Settings.Select(rule => rule.Source).Should().OnlyHaveUniqueItems();
        KohyaMappings.Keywords.Select(rule => rule.Source).Should().OnlyHaveUniqueItems();
        HuggingFaceMappings.Settings.Select(rule => rule.Source).Should().OnlyHaveUniqueItems();
        HuggingFaceMappings.Keywords.Select(rule => rule.Source).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(KohyaSchedulesAndParameters))]
    public void A_kohya_setting_reaches_the_schedules_its_rows_name_and_is_noted_as_ignored_by_the_others(string schedule, string source)
    {
        var rule = KohyaMappings.ScheduleParameters.SingleOrDefault(rule => rule.Source == source && rule.IsUsedBy(schedule));

        var imported = KohyaImport.FromToml(Toml(schedule, source), numProcesses: 1);

        imported.Notes.Any(note => note.StartsWith(source + " is ignored", StringComparison.Ordinal)).Should().Be(rule is null);
        if (rule?.Target is { } target)
        {
            imported.Options.Contains(target).Should().BeTrue();
            imported.Origins[target].Should().Be(rule.Origin);
        }
    }

    /// <summary>An sd-scripts TOML with <paramref name="source"/> set, and what the schedule needs to be imported at all.</summary>
    private static string Toml(string schedule, string source)
    {
        var lines = new List<string> { "learning_rate = 1e-3", "max_train_steps = 100" };
        lines.Add(schedule == KohyaMappings.PyTorchClasses ? "lr_scheduler_type = \"StepLR\"" : $"lr_scheduler = \"{schedule}\"");
        if (schedule == KohyaMappings.PyTorchClasses)
        {
            lines.Add("lr_scheduler_args = [\"step_size=10\"]");
        }
        else if (schedule == "cosine_with_min_lr" && source != KohyaMappings.MinLrRatio.Source)
        {
            lines.Add("lr_scheduler_args = [\"min_lr=1e-5\"]");
        }

        // A warmup of 0 is one every schedule takes (constant and the PyTorch classes refuse any other).
        var value = KohyaMappings.ScheduleParameters.First(rule => rule.Source == source).Type switch
        {
            ImportValueType.Steps when source == KohyaMappings.WarmupSteps.Source => "0",
            ImportValueType.Integer or ImportValueType.Steps => "3",
            _ => (0.25).ToString("R", CultureInfo.InvariantCulture),
        };
        lines.Add($"{source} = {value}");
        return string.Join('\n', lines);
    }
}
