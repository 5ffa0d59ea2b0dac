using System.Globalization;
using Schedulers.Tests.Cli;
using Schedulers.Tests.Conformance;

namespace Schedulers.Tests.Training;

/// <summary>Every ReduceLROnPlateau run of the reference file (PyTorch 1.13), through the C# API and through <c>schedulers replay</c>.</summary>
public sealed class PlateauConformanceTests
{
    public static TheoryData<string> RunIds => ReferenceCurves.PlateauIds();

    [Fact]
    public void The_reference_file_holds_plateau_runs()
    {
        ReferenceCurves.Plateau.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(RunIds))]
    public void Reporting_the_metrics_gives_PyTorchs_learning_rate_after_each_one(string id)
    {
        var run = ReferenceCurves.PlateauRun(id);
        var plateau = PlateauScheduler.FromJson(run.GetProperty("config").GetRawText());
        var metrics = run.GetProperty("metrics").EnumerateArray().Select(value => value.GetDouble()).ToArray();
        var reference = run.GetProperty("lr").EnumerateArray().Select(value => value.GetDouble()).ToArray();
        var learningRate = run.GetProperty("config").GetProperty(ScheduleKeys.LearningRate).GetDouble();

        plateau.Value.Should().BeApproximately(reference[0], ReferenceCurves.Tolerance(reference[0], learningRate));
        for (var i = 0; i < metrics.Length; i++)
        {
            plateau.Report(metrics[i]);
            plateau.Value.Should().BeApproximately(reference[i + 1], ReferenceCurves.Tolerance(reference[i + 1], learningRate), "after metric {0} of {1}", i, id);
        }
    }

    [Theory]
    [MemberData(nameof(RunIds))]
    public void Replay_prints_PyTorchs_learning_rate_after_each_metric(string id)
    {
        var run = ReferenceCurves.PlateauRun(id);
        var reference = run.GetProperty("lr").EnumerateArray().Select(value => value.GetDouble()).ToArray();
        var learningRate = run.GetProperty("config").GetProperty(ScheduleKeys.LearningRate).GetDouble();
        var config = Path.GetTempFileName();
        var metrics = Path.GetTempFileName();
        try
        {
            File.WriteAllText(config, run.GetProperty("config").GetRawText());
            File.WriteAllLines(metrics, run.GetProperty("metrics").EnumerateArray().Select(value => value.GetRawText()));

            var result = CliRun.Of("replay", "--config", config, "--metrics", metrics);

            result.ExitCode.Should().Be(0, result.Error);
            result.Lines[0].Should().Be("step,lr");
            var rows = result.Lines.Skip(1).Select(line => line.Split(',')).ToArray();
            rows.Should().HaveCount(reference.Length);
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i][0].Should().Be(i.ToString(CultureInfo.InvariantCulture));
                double.Parse(rows[i][1], CultureInfo.InvariantCulture).Should().BeApproximately(reference[i], ReferenceCurves.Tolerance(reference[i], learningRate), "row {0} of {1}", i, id);
            }
        }
        finally
        {
            File.Delete(config);
            File.Delete(metrics);
        }
    }
}
