namespace Schedulers.Tests.Cli;

/// <summary><c>--output FILE</c> is written all at once or not at all.</summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-output-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_curve_goes_to_the_output_file_and_not_to_standard_output()
    {
        var path = Path.Combine(_folder, "curve.csv");

        var run = CliRun.Of("curve", "--scheduler", "linear", "--learning-rate", "1e-3", "--total-steps", "10", "--output", path);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().BeEmpty();
        File.ReadAllLines(path).Should().HaveCount(12).And.StartWith("step,lr");
    }

    [Fact]
    public void A_refused_configuration_leaves_an_existing_output_file_untouched()
    {
        var path = Path.Combine(_folder, "curve.csv");
        File.WriteAllText(path, "previous");

        var run = CliRun.Of("curve", "--scheduler", "linear", "--learning-rate", "-1", "--total-steps", "10", "--output", path);

        run.ExitCode.Should().Be(2);
        File.ReadAllText(path).Should().Be("previous");
        Directory.GetFiles(_folder).Should().ContainSingle();
    }

    [Fact]
    public void An_output_file_in_a_missing_folder_is_refused()
    {
        var run = CliRun.Of("curve", "--scheduler", "linear", "--learning-rate", "1e-3", "--total-steps", "10", "--output", Path.Combine(_folder, "no", "curve.csv"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("does not exist");
        Directory.GetFileSystemEntries(_folder).Should().BeEmpty();
    }
}
