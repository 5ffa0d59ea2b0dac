using System.Text.Json;
using Schedulers.Cli;

namespace Schedulers.Tests.Cli;

public sealed class DescribeCommandTests
{
    [Fact]
    public void Describe_lists_every_scheduler_of_the_catalog()
    {
        var run = CliRun.Of("describe");

        run.ExitCode.Should().Be(0);
        foreach (var scheduler in SchedulerCatalog.All)
        {
            run.Lines.Should().Contain(line => line.StartsWith(scheduler.Name + " (", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Describe_one_scheduler_shows_each_of_its_parameters_with_its_valid_values()
    {
        var run = CliRun.Of("describe", "cosine");

        run.ExitCode.Should().Be(0);
        run.Lines[0].Should().StartWith("cosine (");
        foreach (var parameter in SchedulerCatalog.Find("cosine")!.Parameters)
        {
            run.Lines.Should().Contain(line => line.TrimStart().StartsWith(parameter.Key + " ", StringComparison.Ordinal) && line.Contains(parameter.ValidValues, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("cosine")]
    [InlineData("OneCycleLR")]
    [InlineData("interpolated")]
    [InlineData("SequentialLR")]
    public void The_json_form_carries_what_a_gui_needs_for_each_parameter(string name)
    {
        var run = CliRun.Of("describe", name, "--format", "json");

        run.ExitCode.Should().Be(0);
        var scheduler = JsonDocument.Parse(run.Output).RootElement.GetProperty("schedulers").EnumerateArray().Single();
        var descriptor = SchedulerCatalog.Find(name)!;
        scheduler.GetProperty("name").GetString().Should().Be(descriptor.Name);
        var parameters = scheduler.GetProperty("parameters").EnumerateArray().ToArray();
        parameters.Select(parameter => parameter.GetProperty("key").GetString()).Should().Equal(descriptor.Parameters.Select(parameter => parameter.Key));
        foreach (var (json, parameter) in parameters.Zip(descriptor.Parameters))
        {
            json.GetProperty("required").GetBoolean().Should().Be(parameter.Presence == ParameterPresence.Required);
            json.GetProperty("kind").GetString().Should().Be(parameter.Kind.ToString());
            json.GetProperty("flag").GetString().Should().Be(CommandLineFlag.For(parameter.Key), "describe tells a GUI the flag the curve command takes");
            json.GetProperty("choices").EnumerateArray().Select(choice => choice.GetString()).Should().Equal(parameter.Choices);
        }
    }

    [Fact]
    public void The_json_form_gives_defaults_as_json_values()
    {
        var run = CliRun.Of("describe", "cosine", "--format", "json");

        var parameters = JsonDocument.Parse(run.Output).RootElement.GetProperty("schedulers")[0].GetProperty("parameters").EnumerateArray().ToArray();
        parameters.Single(parameter => parameter.GetProperty("key").GetString() == ScheduleKeys.NumCycles).GetProperty("default").GetDouble().Should().Be(0.5);
        parameters.Single(parameter => parameter.GetProperty("key").GetString() == ScheduleKeys.LearningRate).GetProperty("default").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void The_json_form_of_the_whole_catalog_holds_every_scheduler()
    {
        var run = CliRun.Of("describe", "--format", "json");

        JsonDocument.Parse(run.Output).RootElement.GetProperty("schedulers").EnumerateArray().Select(scheduler => scheduler.GetProperty("name").GetString())
            .Should().Equal(SchedulerCatalog.All.Select(scheduler => scheduler.Name));
    }

    [Fact]
    public void An_unknown_scheduler_is_refused_with_the_list_of_names()
    {
        var run = CliRun.Of("describe", "cosin");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("'cosin' is not a scheduler").And.Contain("cosine_with_restarts");
    }
}
