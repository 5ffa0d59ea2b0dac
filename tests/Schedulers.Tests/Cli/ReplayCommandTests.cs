using System.Globalization;
using System.Text.Json;

namespace Schedulers.Tests.Cli;

public sealed class ReplayCommandTests : IDisposable
{
    private const string Plateau = """{"scheduler": "ReduceLROnPlateau", "learning_rate": 0.1, "factor": 0.5, "patience": 1}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-replay-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Row_i_is_the_learning_rate_after_the_ith_metric()
    {
        var run = CliRun.Of("replay", "--config", Write("plateau.json", Plateau), "--metrics", Write("loss.txt", "1.0\n0.9\n0.9\n0.9\n"));

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().Equal("step,lr", "0,0.1", "1,0.1", "2,0.1", "3,0.1", "4,0.05");
    }

    [Fact]
    public void The_json_format_holds_one_value_more_than_there_are_metrics()
    {
        var run = CliRun.Of("replay", "--config", Write("plateau.json", Plateau), "--metrics", Write("loss.txt", "3\n2\n1\n"), "--format", "json");

        run.ExitCode.Should().Be(0, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        document.RootElement.GetProperty("lr").GetArrayLength().Should().Be(4);
        document.RootElement.GetProperty("config").GetProperty(ScheduleKeys.Scheduler).GetString().Should().Be("ReduceLROnPlateau");
    }

    [Fact]
    public void A_warmup_spans_the_first_metrics()
    {
        var run = CliRun.Of("replay", "--scheduler", "ReduceLROnPlateau", "--learning-rate", "0.1", "--warmup-steps", "2", "--metrics", Write("loss.txt", "5\n5\n5\n"));

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Skip(1).Select(line => double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture)).Should().Equal(0.0, 0.05, 0.1, 0.1);
    }

    [Fact]
    public void Every_line_that_is_not_a_number_is_refused_with_its_line_number()
    {
        var run = CliRun.Of("replay", "--config", Write("plateau.json", Plateau), "--metrics", Write("loss.txt", "1.0\nnan\n0.5\nloss=0.4\n\n"));

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("line 2").And.Contain("line 4");
    }

    [Fact]
    public void A_metrics_file_without_metrics_is_refused()
    {
        var run = CliRun.Of("replay", "--config", Write("plateau.json", Plateau), "--metrics", Write("loss.txt", "\n\n"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("holds no metric");
    }

    [Fact]
    public void A_schedule_of_the_step_is_refused()
    {
        var run = CliRun.Of("replay", "--config", Write("cosine.json", """{"scheduler": "cosine", "learning_rate": 0.1, "total_steps": 10}"""), "--metrics", Write("loss.txt", "1\n"));

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("scheduler");
    }

    [Fact]
    public void A_curve_of_ReduceLROnPlateau_is_refused_pointing_to_replay()
    {
        var run = CliRun.Of("curve", "--config", Write("plateau.json", Plateau), "--steps", "5");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("schedulers replay");
    }

    [Fact]
    public void Validate_accepts_a_ReduceLROnPlateau_configuration()
    {
        var run = CliRun.Of("validate", "--config", Write("plateau.json", Plateau));

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().ContainSingle().Which.Should().StartWith("valid: ReduceLROnPlateau, learning_rate 0.1");
    }

    [Fact]
    public void Hugging_Face_reduce_lr_on_plateau_is_imported_with_its_keyword_arguments()
    {
        var arguments = Write("training_args.json", """{"learning_rate": 0.01, "lr_scheduler_type": "reduce_lr_on_plateau", "lr_scheduler_kwargs": {"patience": 0, "factor": 0.2}, "warmup_steps": 10}""");

        var run = CliRun.Of("replay", "--config", arguments, "--from", "hf", "--metrics", Write("loss.txt", "1\n1\n"));

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Skip(1).Select(line => double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture)).Should().Equal(0.01, 0.01, 0.01 * 0.2);
        run.Error.Should().Contain("warmup is ignored");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
