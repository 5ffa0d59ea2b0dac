namespace Schedulers.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-validate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_valid_configuration_is_summarised_on_one_line()
    {
        var run = CliRun.Of("validate", "--config", Write("""{"scheduler": "cosine", "learning_rate": 3e-4, "warmup_steps": 100, "total_steps": 1000}"""));

        run.ExitCode.Should().Be(0);
        run.Lines.Should().ContainSingle();
        run.Lines[0].Should().Be("valid: cosine, start lr 0, peak lr 3e-4 at step 100, final lr 0 at step 1000, warmup ends at step 100, total_steps 1000");
    }

    [Fact]
    public void The_peak_of_a_schedule_that_rises_above_its_learning_rate_is_its_highest_value()
    {
        var run = CliRun.Of("validate", "--scheduler", "CyclicLR", "--learning-rate", "0.001", "--max-lr", "0.004", "--step-size-up", "10", "--total-steps", "100");

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines[0].Should().Contain("peak lr 4e-3 at step 10,");
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var run = CliRun.Of("validate", "--config", Write("""{"scheduler": "cosine", "learning_rate": -1, "warmup_steps": 2.5, "total_steps": 1000, "num_cycels": 2}"""));

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        var errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        errors.Should().HaveCount(3);
        errors.Should().Contain(line => line.Contains("learning_rate", StringComparison.Ordinal))
            .And.Contain(line => line.Contains("warmup_steps", StringComparison.Ordinal))
            .And.Contain(line => line.Contains("num_cycels", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_kohya_config_is_explained()
    {
        var path = Path.Combine(_folder, "lora.toml");
        File.WriteAllText(path, "learning_rate = 1e-4\nmax_train_steps = 1000\nlr_scheduler = \"constant\"\nlr_warmup_steps = 100\n");

        var run = CliRun.Of("validate", "--config", path, "--from", "kohya");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("lr_warmup_steps 100").And.Contain("constant_with_warmup");
    }

    [Fact]
    public void A_missing_file_is_refused()
    {
        var run = CliRun.Of("validate", "--config", Path.Combine(_folder, "missing.json"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("cannot read --config");
    }

    private string Write(string json)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
