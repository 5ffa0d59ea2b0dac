using System.Globalization;
using System.Text.Json;

namespace Schedulers.Tests.Cli.Importing;

/// <summary>
/// A Trainer run whose warmup_steps reach max_steps stays in its warmup: transformers' lambdas return step / warmup_steps
/// for every step before the warmup ends. The import gives that curve (and a warning); our own vocabulary keeps refusing
/// the same numbers. The expected values are transformers' formulas written out here.
/// </summary>
public sealed class HuggingFaceUnfinishedWarmupTests : IDisposable
{
    private readonly HuggingFaceFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("linear")]
    [InlineData("cosine")]
    [InlineData("cosine_with_restarts")]
    [InlineData("polynomial")]
    [InlineData("constant_with_warmup")]
    [InlineData("inverse_sqrt")]
    public void A_warmup_longer_than_the_run_is_the_ramp_at_every_step_of_the_run(string schedule)
    {
        var rates = Curve($$"""{"lr_scheduler_type": "{{schedule}}", "learning_rate": 3e-5, "max_steps": 300, "warmup_steps": 500}""", out var error);

        rates.Should().HaveCount(301);
        for (var step = 0; step <= 300; step++)
        {
            rates[step].Should().BeApproximately(3e-5 * (step / 500.0), 1e-12 * 3e-5 * step / 500.0, "step {0}", step);
        }

        error.Should().Contain("warning: the warmup (500 steps, from warmup_steps) is not shorter than the run (300 steps)");
    }

    [Theory]
    [InlineData("linear", 0.0)] // max(0, (N - N) / max(1, 0))
    [InlineData("cosine", 1.0)] // progress 0
    [InlineData("cosine_with_restarts", 1.0)]
    [InlineData("inverse_sqrt", 1.0)]
    public void A_warmup_as_long_as_the_run_ramps_through_the_last_step_and_ends_where_transformers_does(string schedule, double endFactor)
    {
        var rates = Curve($$"""{"lr_scheduler_type": "{{schedule}}", "learning_rate": 0.001, "max_steps": 40, "warmup_steps": 40}""", out _);

        for (var step = 0; step < 40; step++)
        {
            rates[step].Should().BeApproximately(0.001 * (step / 40.0), 1e-15, "step {0}", step);
        }

        rates[40].Should().Be(0.001 * endFactor);
    }

    [Fact]
    public void A_warmup_ratio_of_one_is_a_warmup_as_long_as_the_run()
    {
        var rates = Curve("""{"lr_scheduler_type": "linear", "learning_rate": 0.001, "max_steps": 10, "warmup_ratio": 1.0}""", out var error);

        rates[9].Should().BeApproximately(0.0009, 1e-18);
        error.Should().Contain("from TrainingArguments.get_warmup_steps: ceil(training steps 10 × warmup_ratio 1)");
    }

    [Fact]
    public void The_warning_names_the_likely_mistake_and_what_the_run_reached()
    {
        Curve("""{"lr_scheduler_type": "linear", "learning_rate": 3e-5, "max_steps": 300, "warmup_steps": 500}""", out var error);

        error.Should().Contain("never reaches learning_rate 3E-05")
            .And.Contain("1.794E-05 at step 299, the last step trained")
            .And.Contain("counted in examples or batches rather than optimizer steps");
    }

    [Fact]
    public void An_epoch_based_run_whose_warmup_outlasts_it_is_the_ramp_too()
    {
        // 2 epochs of ceil(100 / 8) = 13 steps: 26 steps, all inside a 100-step warmup
        var rates = Curve("""{"lr_scheduler_type": "cosine", "learning_rate": 0.01, "max_steps": -1, "num_train_epochs": 2, "warmup_steps": 100}""", out _, "--examples", "100");

        rates.Should().HaveCount(27);
        rates[26].Should().BeApproximately(0.01 * 0.26, 1e-15);
    }

    [Fact]
    public void Our_own_json_with_the_same_numbers_is_still_refused()
    {
        var converted = _files.Convert("""{"lr_scheduler_type": "linear", "learning_rate": 3e-5, "max_steps": 300, "warmup_steps": 500}""", ".json", out _);
        converted.GetProperty("scheduler").GetString().Should().Be("interpolated");

        var run = CliRun.Of("validate", "--config", _files.Write("""{"scheduler": "linear", "learning_rate": 3e-5, "total_steps": 300, "warmup_steps": 500}"""));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("warmup_steps");
    }

    [Fact]
    public void Keyword_arguments_that_never_take_effect_are_noted()
    {
        Curve("""{"lr_scheduler_type": "cosine", "max_steps": 10, "warmup_steps": 20, "lr_scheduler_kwargs": {"num_cycles": 2}}""", out var error);

        error.Should().Contain("note: lr_scheduler_kwargs num_cycles has no effect on this run: it never leaves the warmup.");
    }

    [Theory]
    [InlineData("""{"lr_scheduler_type": "polynomial", "max_steps": 50, "warmup_steps": 50}""", "ZeroDivisionError")]
    [InlineData("""{"lr_scheduler_type": "cosine_with_min_lr", "max_steps": 50, "warmup_steps": 60}""", "exactly one of lr_scheduler_kwargs min_lr and min_lr_rate")]
    [InlineData("""{"lr_scheduler_type": "polynomial", "learning_rate": 1e-4, "max_steps": 50, "warmup_steps": 60, "lr_scheduler_kwargs": {"lr_end": 1e-3}}""", "lr_end = 1e-3 is not below learning_rate")]
    [InlineData("""{"lr_scheduler_type": "linear", "max_steps": 1, "warmup_steps": 1}""", "learning rate 0")]
    [InlineData("""{"lr_scheduler_type": "linear", "max_steps": 10, "warmup_steps": 20, "lr_scheduler_kwargs": {"power": 2}}""", "does not take it (TypeError)")]
    public void A_run_transformers_itself_could_not_make_is_refused_with_its_reason(string json, string expected)
    {
        var run = _files.Validate(json);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(expected);
    }

    [Theory]
    [InlineData(0.05, 1000, 50)]
    [InlineData(0.0155, 1000, 16)]
    [InlineData(0.5, 3, 2)]
    public void A_warmup_steps_below_one_is_a_share_of_the_run_rounded_up_as_in_transformers_5(double share, long maxSteps, long expected)
    {
        var converted = _files.Convert($$"""{"lr_scheduler_type": "linear", "max_steps": {{maxSteps}}, "warmup_steps": {{share.ToString("R", CultureInfo.InvariantCulture)}}}""", ".json", out var error);

        converted.GetProperty("warmup_steps").GetInt64().Should().Be(expected);
        error.Should().Contain("read as a share of the run, as transformers 5 does");
    }

    private double[] Curve(string json, out string error, params string[] options)
    {
        var run = CliRun.Of(["curve", "--config", _files.Write(json), "--from", "hf", "--format", "json", .. options]);
        run.ExitCode.Should().Be(0, run.Error);
        error = run.Error;
        using var document = JsonDocument.Parse(run.Output);
        return [.. document.RootElement.GetProperty("lr").EnumerateArray().Select(value => value.GetDouble())];
    }
}
