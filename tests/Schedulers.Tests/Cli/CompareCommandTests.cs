using System.Globalization;

namespace Schedulers.Tests.Cli;

public sealed class CompareCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-compare-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Without_a_plot_compare_prints_one_column_per_configuration()
    {
        var cosine = Write("cos.json", """{"scheduler": "cosine", "learning_rate": 3e-4, "warmup_steps": 10, "total_steps": 100}""");
        var linear = Write("lin.json", """{"scheduler": "linear", "learning_rate": 1e-4, "total_steps": 50}""");

        var run = CliRun.Of("compare", "--config", cosine, "--config", linear);

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines[0].Should().Be("step,cos (cosine),lin (linear)");
        run.Lines.Should().HaveCount(102, "the longest configuration sets the length");
        var schedules = new[] { LearningRateSchedule.FromJson(File.ReadAllText(cosine)), LearningRateSchedule.FromJson(File.ReadAllText(linear)) };
        foreach (var line in run.Lines.Skip(1))
        {
            var cells = line.Split(',');
            var step = long.Parse(cells[0], CultureInfo.InvariantCulture);
            double.Parse(cells[1], CultureInfo.InvariantCulture).Should().BeApproximately(schedules[0].GetLearningRate(step), 1e-14 * 3e-4);
            double.Parse(cells[2], CultureInfo.InvariantCulture).Should().BeApproximately(schedules[1].GetLearningRate(step), 1e-14 * 1e-4);
        }
    }

    [Fact]
    public void Every_problem_of_every_file_is_listed_with_its_file()
    {
        var first = Write("first.json", """{"scheduler": "cosine", "learning_rate": 3e-4}""");
        var second = Write("second.json", """{"scheduler": "linear", "learning_rate": -1, "total_steps": 50}""");

        var run = CliRun.Of("compare", "--config", first, "--config", second);

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("first.json: ").And.Contain("total_steps").And.Contain("second.json: ").And.Contain("learning_rate");
    }

    [Fact]
    public void One_configuration_is_not_a_comparison()
    {
        var run = CliRun.Of("compare", "--config", Write("one.json", """{"scheduler": "constant", "learning_rate": 1e-3}"""));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("two or more");
    }

    [Fact]
    public void The_output_file_is_written_whole()
    {
        var output = Path.Combine(_folder, "side-by-side.csv");
        var first = Write("a.json", """{"scheduler": "constant", "learning_rate": 1e-3, "total_steps": 9}""");
        var second = Write("b.json", """{"scheduler": "linear", "learning_rate": 1e-3, "total_steps": 9}""");

        var run = CliRun.Of("compare", "--config", first, "--config", second, "--output", output);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().BeEmpty();
        File.ReadAllLines(output).Should().HaveCount(11);
        Directory.GetFiles(_folder, ".*").Should().BeEmpty("no temporary file is left behind");
    }

    private string Write(string name, string json)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }
}
