using System.Globalization;
using System.Text.Json;
using Schedulers.Tests.Conformance;

namespace Schedulers.Tests.Cli;

public sealed class CurveCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteConfig(string json)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void The_readme_command_prints_a_header_and_total_steps_plus_one_rows()
    {
        var run = CliRun.Of("curve", "--scheduler", "cosine", "--learning-rate", "3e-4", "--warmup-steps", "100", "--total-steps", "1000");

        run.ExitCode.Should().Be(0);
        run.Error.Should().BeEmpty();
        run.Lines[0].Should().Be("step,lr");
        run.Lines.Should().HaveCount(1002);
        run.Lines[101].Should().Be("100,0.0003");
    }

    public static TheoryData<string> ReferenceCaseIds => ReferenceCurves.CaseIds();

    [Theory]
    [MemberData(nameof(ReferenceCaseIds))]
    public void The_csv_of_a_reference_configuration_matches_the_reference_curve(string id)
    {
        var entry = ReferenceCurves.Case(id);
        var reference = entry.GetProperty("lr").EnumerateArray().Select(value => value.GetDouble()).ToArray();
        var learningRate = ReferenceCurves.LearningRateOf(entry);

        var run = CliRun.Of("curve", "--config", WriteConfig(entry.GetProperty("config").GetRawText()), "--format", "csv", "--steps", reference.Length.ToString(CultureInfo.InvariantCulture));

        run.ExitCode.Should().Be(0);
        var rows = run.Lines.Skip(1).Select(line => line.Split(',')).ToArray();
        rows.Should().HaveCount(reference.Length);
        for (var step = 0; step < reference.Length; step++)
        {
            long.Parse(rows[step][0], CultureInfo.InvariantCulture).Should().Be(step);
            double.Parse(rows[step][1], CultureInfo.InvariantCulture).Should().BeApproximately(reference[step], ReferenceCurves.Tolerance(reference[step], learningRate));
        }
    }

    [Fact]
    public void A_composite_can_be_given_as_flags_with_its_children_as_json()
    {
        var run = CliRun.Of("curve", "--scheduler", "SequentialLR", "--learning-rate", "0.01", "--milestones", "4",
            "--schedulers", """[{"scheduler":"LinearLR","start_factor":0.5,"total_iters":4},{"scheduler":"ExponentialLR","gamma":0.5}]""", "--steps", "6");
        var expected = new double[6];
        LearningRateSchedule.FromJson(
            """{"scheduler":"SequentialLR","learning_rate":0.01,"milestones":[4],"schedulers":[{"scheduler":"LinearLR","start_factor":0.5,"total_iters":4},{"scheduler":"ExponentialLR","gamma":0.5}]}""")
            .Evaluate(0, expected);

        run.ExitCode.Should().Be(0);
        run.Lines.Skip(1).Select(line => double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture)).Should().Equal(expected);
    }

    [Theory]
    [InlineData("--schedulers", "[{\"scheduler\":")]
    [InlineData("--points", "[[0,1e-3],[10")]
    public void A_json_flag_that_is_not_json_is_refused_with_exit_code_2_and_no_output(string flag, string text)
    {
        var scheduler = flag == "--points" ? "interpolated" : "ChainedScheduler";
        var run = CliRun.Of("curve", "--scheduler", scheduler, flag, text, "--steps", "3");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("JSON");
    }

    [Fact]
    public void Values_are_printed_in_shortest_round_trip_form()
    {
        var run = CliRun.Of("curve", "--scheduler", "cosine", "--learning-rate", "0.001", "--total-steps", "7");
        var expected = new double[8];
        LearningRateSchedule.FromJson("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":7}""").Evaluate(0, expected);

        run.Lines.Skip(1).Select(line => line.Split(',')[1])
            .Should().Equal(expected.Select(value => value.ToString("R", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Start_and_steps_select_the_range()
    {
        var run = CliRun.Of("curve", "--scheduler", "linear", "--learning-rate", "1", "--total-steps", "100", "--start", "40", "--steps", "3");

        run.Lines.Should().Equal("step,lr", "40,0.6", "41,0.59", "42,0.58");
    }

    [Fact]
    public void The_json_format_carries_the_configuration_the_start_and_the_values()
    {
        var run = CliRun.Of("curve", "--scheduler", "linear", "--learning-rate", "1", "--total-steps", "4", "--format", "json");

        using var document = JsonDocument.Parse(run.Output);
        document.RootElement.GetProperty("config").GetProperty(ScheduleKeys.Scheduler).GetString().Should().Be("linear");
        document.RootElement.GetProperty("start").GetInt64().Should().Be(0);
        document.RootElement.GetProperty("lr").EnumerateArray().Select(value => value.GetDouble()).Should().Equal(1, 0.75, 0.5, 0.25, 0);
    }

    [Fact]
    public void Without_steps_a_schedule_that_ends_by_its_own_parameters_is_printed_to_its_end()
    {
        var run = CliRun.Of("curve", "--scheduler", "CosineAnnealingLR", "--learning-rate", "0.1", "--T-max", "100");

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().HaveCount(1 + 101, "a header and steps 0 to T_max");
    }

    [Fact]
    public void Steps_are_required_when_the_schedule_has_no_end()
    {
        var run = CliRun.Of("curve", "--scheduler", "ExponentialLR", "--learning-rate", "0.1", "--gamma", "0.9");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("--steps");
    }

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void An_invalid_reference_configuration_exits_2_names_every_key_and_prints_nothing(string id)
    {
        var entry = ReferenceCurves.InvalidEntry(id);

        var run = CliRun.Of("curve", "--config", WriteConfig(entry.GetProperty("config").GetRawText()), "--steps", "10");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        foreach (var key in entry.GetProperty("must_name").EnumerateArray())
        {
            run.Error.Should().Contain(key.GetString());
        }
    }

    public static TheoryData<string> InvalidIds => ReferenceCurves.InvalidIds();

    [Fact]
    public void The_Kohya_rule_holds_on_the_command_line()
    {
        var run = CliRun.Of("curve", "--scheduler", "constant", "--learning-rate", "1e-3", "--warmup-steps", "32", "--steps", "5");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("warmup_steps").And.Contain("constant_with_warmup");
    }

    [Theory]
    [InlineData("--num-cycles", "abc")]
    [InlineData("--min-lr-ratio", "NaN")]
    [InlineData("--warmup-steps", "2.5")]
    public void A_flag_value_of_the_wrong_type_exits_2_naming_its_key(string flag, string value)
    {
        var run = CliRun.Of("curve", "--scheduler", "cosine", "--learning-rate", "0.1", "--total-steps", "10", flag, value);

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain(flag[2..].Replace('-', '_'));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("")]
    public void Unreadable_json_exits_2_and_prints_nothing(string json)
    {
        var run = CliRun.Of("curve", "--config", WriteConfig(json), "--steps", "3");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().StartWith("error:");
    }

    [Fact]
    public void A_missing_config_file_exits_2()
    {
        var run = CliRun.Of("curve", "--config", Path.Combine(_folder, "missing.json"));

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
    }

    [Theory]
    [InlineData("--steps", "0")]
    [InlineData("--steps", "-3")]
    [InlineData("--start", "-1")]
    [InlineData("--steps", "many")]
    [InlineData("--format", "xml")]
    [InlineData("--colour", "blue")]
    public void A_bad_command_line_exits_2_and_prints_nothing(string flag, string value)
    {
        var run = CliRun.Of("curve", "--scheduler", "linear", "--learning-rate", "1", "--total-steps", "10", flag, value);

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().NotBeEmpty();
    }

    [Fact]
    public void A_config_file_and_parameter_flags_are_not_combined()
    {
        var run = CliRun.Of("curve", "--config", WriteConfig("""{"scheduler":"constant","learning_rate":0.1}"""), "--learning-rate", "0.2", "--steps", "2");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
    }

    [Fact]
    public void Snake_case_flags_are_accepted_as_aliases()
    {
        var run = CliRun.Of("curve", "--scheduler", "linear", "--learning_rate", "1", "--total_steps", "2");

        run.ExitCode.Should().Be(0);
        run.Lines.Should().Equal("step,lr", "0,1", "1,0.5", "2,0");
    }

    [Fact]
    public void Milestones_are_given_as_a_comma_separated_list()
    {
        var run = CliRun.Of("curve", "--scheduler", "MultiStepLR", "--learning-rate", "1", "--milestones", "2,3,3", "--gamma", "0.5", "--steps", "5");

        run.ExitCode.Should().Be(0);
        run.Lines.Should().Equal("step,lr", "0,1", "1,1", "2,0.5", "3,0.125", "4,0.125");
    }
}
