using System.Text.Json;

namespace Schedulers.Tests.Cli.Importing;

/// <summary>The Trainer's rules: TrainingArguments.get_warmup_steps and transformers.get_scheduler.</summary>
public sealed class HuggingFaceImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-hf-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(1000, 0.0155, 16)]
    [InlineData(1000, 0.1, 100)]
    [InlineData(333, 0.1, 34)]
    public void A_warmup_ratio_is_rounded_up(long maxSteps, double ratio, long expected)
    {
        var converted = Convert($"{{\"lr_scheduler_type\": \"linear\", \"learning_rate\": 1e-4, \"max_steps\": {maxSteps}, \"warmup_ratio\": {ratio.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}", out _);

        converted.GetProperty("warmup_steps").GetInt64().Should().Be(expected);
    }

    [Fact]
    public void Warmup_steps_win_over_the_ratio_and_the_ratio_is_noted()
    {
        var converted = Convert("{\"lr_scheduler_type\": \"cosine\", \"max_steps\": 1000, \"warmup_steps\": 30, \"warmup_ratio\": 0.1}", out var error);

        converted.GetProperty("warmup_steps").GetInt64().Should().Be(30);
        error.Should().Contain("note: warmup_ratio is ignored");
    }

    [Fact]
    public void Constant_ignores_the_warmup_as_get_scheduler_does()
    {
        var converted = Convert("{\"lr_scheduler_type\": \"constant\", \"max_steps\": 1000, \"warmup_steps\": 30}", out var error);

        converted.TryGetProperty("warmup_steps", out _).Should().BeFalse();
        error.Should().Contain("note: the warmup (30 steps");
    }

    [Fact]
    public void The_defaults_are_those_of_training_arguments()
    {
        var converted = Convert("{\"max_steps\": 200}", out var error);

        converted.GetProperty("scheduler").GetString().Should().Be("linear");
        converted.GetProperty("learning_rate").GetDouble().Should().Be(5e-5);
        error.Should().Contain("note: learning_rate is not set");
    }

    [Fact]
    public void Scheduler_keywords_take_transformers_names()
    {
        var converted = Convert("{\"lr_scheduler_type\": \"cosine_with_min_lr\", \"max_steps\": 1000, \"lr_scheduler_kwargs\": {\"min_lr_rate\": 0.1}}", out _);

        converted.GetProperty("min_lr_ratio").GetDouble().Should().Be(0.1);
    }

    [Fact]
    public void Keywords_may_be_a_json_string_as_on_the_trainer_command_line()
    {
        var converted = Convert("{\"lr_scheduler_type\": \"cosine_with_restarts\", \"max_steps\": 1000, \"lr_scheduler_kwargs\": \"{\\\"num_cycles\\\": 4}\"}", out _);

        converted.GetProperty("num_cycles").GetInt64().Should().Be(4);
    }

    [Theory]
    [InlineData("{\"lr_scheduler_type\": \"cosine\"}", "max_steps")]
    [InlineData("{\"lr_scheduler_type\": \"cosine\", \"max_steps\": -1}", "max_steps")]
    [InlineData("{\"lr_scheduler_type\": \"linear\", \"max_steps\": 100, \"lr_scheduler_kwargs\": {\"power\": 2}}", "power")]
    [InlineData("{\"lr_scheduler_type\": \"reduce_lr_on_plateau\", \"lr_scheduler_kwargs\": {\"factor\": 2}}", "factor")]
    [InlineData("{\"lr_scheduler_type\": \"cosine\", \"max_steps\": 100, \"warmup_ratio\": 1.5}", "warmup_ratio")]
    [InlineData("[1, 2]", "object")]
    [InlineData("{\"lr_scheduler_type\": \"cosine_with_min_lr\", \"max_steps\": 100, \"lr_scheduler_kwargs\": {\"min_lr\": 1e-6, \"min_lr\": 2e-6}}", "lr_scheduler_kwargs gives min_lr 2 times (1e-6, 2e-6); give it once.")]
    public void What_the_trainer_cannot_build_is_refused(string json, string expected)
    {
        var run = CliRun.Of("validate", "--config", Write(json), "--from", "hf");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain(expected);
    }

    [Fact]
    public void A_configuration_of_ours_read_as_training_arguments_is_warned_about()
    {
        Convert("""{"scheduler": "cosine", "learning_rate": 3e-4, "warmup_steps": 100, "total_steps": 1000, "max_steps": 1000}""", out var error);

        error.Should().Contain("warning: the file has a \"scheduler\" key");
    }

    [Fact]
    public void Training_arguments_get_no_warning_about_a_scheduler_key()
    {
        Convert("""{"lr_scheduler_type": "cosine", "max_steps": 1000}""", out var error);

        error.Should().NotContain("warning:");
    }

    private JsonElement Convert(string json, out string error)
    {
        var run = CliRun.Of("convert", "--config", Write(json), "--from", "hf");
        run.ExitCode.Should().Be(0, run.Error);
        error = run.Error;
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }

    private string Write(string json)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
