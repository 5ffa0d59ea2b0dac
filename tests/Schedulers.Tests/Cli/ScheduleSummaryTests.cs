using System.Globalization;
using System.Text.RegularExpressions;
using Schedulers.Cli;
using Schedulers.Tests.Support;

namespace Schedulers.Tests.Cli;

public sealed partial class ScheduleSummaryTests
{
    /// <summary>Values this close to the peak (relative) are at it: the vector kernels may land an ulp above it later on.</summary>
    private const double AtThePeak = 1e-12;

    /// <summary>Six significant digits are printed: a printed value is within half a unit of the sixth digit.</summary>
    private const double Printed = 1e-5;

    private const long EvaluatedSteps = 5_000_000;

    public static TheoryData<string, int, bool> Configurations()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var scheduler in RandomConfigurations.SchedulerNames)
        {
            for (var seed = 0; seed < 4; seed++)
            {
                data.Add(scheduler, seed, true);
                data.Add(scheduler, seed, false);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void The_summary_of_every_scheduler_reports_the_start_peak_and_final_learning_rates_of_its_curve(string scheduler, int seed, bool withTotalSteps)
    {
        var schedule = Create(scheduler, seed, withTotalSteps);
        var summary = Parse(ScheduleSummary.Of(schedule).ToString());
        var values = new double[summary.LastStep + 1];
        schedule.Evaluate(0, values);
        var peak = values.Max();

        summary.Start.Should().BeApproximately(values[0], Tolerance(values[0]));
        summary.Peak.Should().BeApproximately(peak, Tolerance(peak));
        summary.PeakStep.Should().Be(Array.FindIndex(values, value => value >= peak * (1 - AtThePeak)));
        summary.Final.Should().BeApproximately(schedule.GetLearningRate(summary.LastStep), Tolerance(schedule.GetLearningRate(summary.LastStep)));
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void The_summary_of_every_scheduler_ends_where_its_course_ends(string scheduler, int seed, bool withTotalSteps)
    {
        var schedule = Create(scheduler, seed, withTotalSteps);

        var summary = Parse(ScheduleSummary.Of(schedule).ToString());

        if (schedule.TotalSteps is { } total)
        {
            summary.LastStep.Should().Be(total);
            summary.Length.Should().Be($"total_steps {total}");
        }
        else if (schedule.Horizon is { } horizon)
        {
            summary.LastStep.Should().Be(horizon);
            summary.Length.Should().StartWith($"no total_steps: ends at step {horizon} (");
        }
        else
        {
            summary.LastStep.Should().BeGreaterThanOrEqualTo(ScheduleSummary.DefaultWindow);
            summary.Length.Should().Be($"no total_steps and no end of its own: shown to step {summary.LastStep}");
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void The_summary_of_every_scheduler_says_the_curve_rises_exactly_when_it_starts_below_its_peak(string scheduler, int seed, bool withTotalSteps)
    {
        var schedule = Create(scheduler, seed, withTotalSteps);
        var summary = Parse(ScheduleSummary.Of(schedule).ToString());
        var values = new double[summary.LastStep + 1];
        schedule.Evaluate(0, values);
        var peak = values.Max();
        var reached = Array.FindIndex(values, value => value >= peak * (1 - AtThePeak));

        if (reached > 0)
        {
            summary.Rise.Should().BeOneOf($"warmup ends at step {reached}", $"rises to the peak by step {reached}");
        }
        else
        {
            summary.Rise.Should().BeOneOf("no warmup", "starts at its peak");
        }
    }

    [Fact]
    public void A_warmup_composed_with_SequentialLR_is_a_warmup_and_the_run_ends_with_the_last_schedule()
    {
        var path = Path.Combine(Path.GetTempPath(), $"schedulers-summary-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {"scheduler": "SequentialLR", "learning_rate": 3e-4, "milestones": [500], "schedulers": [
              {"scheduler": "LinearLR", "start_factor": 0.01, "total_iters": 500},
              {"scheduler": "CosineAnnealingLR", "T_max": 9500, "eta_min": 1e-6}]}
            """);

        var run = CliRun.Of("validate", "--config", path);
        File.Delete(path);

        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().ContainSingle().Which.Should()
            .Contain("peak lr 3e-4 at step 500,")
            .And.Contain("final lr 1e-6 at step 10000,")
            .And.Contain("warmup ends at step 500,")
            .And.EndWith("no total_steps: ends at step 10000 (the last milestone + the last schedule's T_max)");
    }

    [Fact]
    public void A_cyclic_schedule_is_shown_over_a_window_that_says_so()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler": "CyclicLR", "learning_rate": 0.001, "max_lr": 0.004, "step_size_up": 2000}""");

        var line = ScheduleSummary.Of(schedule).ToString();

        line.Should().Contain("rises to the peak by step 2000,").And.EndWith("no total_steps and no end of its own: shown to step 4000");
    }

    private static LearningRateSchedule Create(string scheduler, int seed, bool withTotalSteps)
    {
        var builder = RandomConfigurations.Options(scheduler, new Random(seed));
        if (withTotalSteps)
        {
            return builder.Build();
        }

        // Without total_steps where the scheduler can do without it: the end is then the parameters' own, or none.
        try
        {
            // Up to a length this test can evaluate step by step (many long timm cycles end far later).
            var schedule = LearningRateSchedule.Create(builder.Options.Without(ScheduleKeys.TotalSteps));
            return schedule.Horizon is null or < EvaluatedSteps ? schedule : builder.Build();
        }
        catch (ScheduleConfigurationException)
        {
            return builder.Build();
        }
    }

    private static double Tolerance(double expected) => (Math.Abs(expected) * Printed) + 1e-300;

    private static Summary Parse(string line)
    {
        var match = SummaryLine().Match(line);
        match.Success.Should().BeTrue($"'{line}' should read as a summary");
        return new Summary(
            Number(match.Groups["start"].Value),
            Number(match.Groups["peak"].Value),
            long.Parse(match.Groups["peakStep"].Value, CultureInfo.InvariantCulture),
            Number(match.Groups["final"].Value),
            long.Parse(match.Groups["last"].Value, CultureInfo.InvariantCulture),
            match.Groups["rise"].Value,
            match.Groups["length"].Value);
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^valid: [^,]+, start lr (?<start>\S+), peak lr (?<peak>\S+) at step (?<peakStep>\d+), final lr (?<final>\S+) at step (?<last>\d+), (?<rise>[^,]+), (?<length>[^,]+)(?:, in epochs of \d+ steps)?$")]
    private static partial Regex SummaryLine();

    private sealed record Summary(double Start, double Peak, long PeakStep, double Final, long LastStep, string Rise, string Length);
}
