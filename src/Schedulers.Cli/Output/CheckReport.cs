using System.Globalization;

namespace Schedulers.Cli;

/// <summary>
/// <c>check</c>'s report, one <c>name: value</c> line each, the verdict last: what was read, the alignment, the points
/// compared, the largest relative error, the first mismatch and the result in words.
/// </summary>
internal static class CheckReport
{
    // A lag that grew at every logged step would fill the screen: the first increases tell the story.
    private const int MostLagIncreases = 10;

    public static void Write(RunLog log, CheckedConfiguration checkedConfiguration, RunCheck check, double tolerance, TextWriter output)
    {
        var schedule = checkedConfiguration.Schedule;
        var comparison = check.Comparison;
        var rates = log.Rates;
        output.WriteLine($"log: {log.Name} ({log.Kind}): {log.Description}");
        output.WriteLine($"configuration: {schedule.Name}, learning_rate {Number(schedule.LearningRate)}, {Length(log, checkedConfiguration)}");
        output.WriteLine($"alignment: {Alignment(check)}");
        output.WriteLine($"points compared: {rates.Length} (steps {rates[0].Step} to {rates[^1].Step}), {comparison.Matching} matching{Unchecked(log)}");
        output.WriteLine($"largest relative error: {Error(comparison.Largest)}");
        output.WriteLine($"first mismatch: {(comparison.FirstMismatch is { } mismatch ? Mismatch(mismatch, comparison.Alignment) : "none")}");
        if (check.Lag is { } lag)
        {
            var increases = lag.Increases.Take(MostLagIncreases).Select(increase => $"{Steps(increase.Lag)} behind from step {increase.Step}");
            var more = lag.Increases.Length > MostLagIncreases ? $", and {lag.Increases.Length - MostLagIncreases} more increases" : string.Empty;
            output.WriteLine($"lag: {string.Join(", ", increases)}{more}; with it, the largest relative error is {Error(lag.Largest)}");
        }

        if (check.Scale is { } scale)
        {
            output.WriteLine($"scale: every logged rate is {Ratio(scale.Ratio)} times the curve's; with it, the largest relative error is {Error(scale.Largest)}");
        }

        output.WriteLine($"result: {Result(check, schedule, tolerance, rates.Length)}{LengthHint(log, checkedConfiguration, check)}");
    }

    private static string Length(RunLog log, CheckedConfiguration checkedConfiguration)
    {
        if (checkedConfiguration.Schedule.TotalSteps is not { } total)
        {
            return "no total_steps";
        }

        if (checkedConfiguration.LengthFromLog)
        {
            return $"total_steps {total} (from the log's max_steps: the configuration has none)";
        }

        return log.MaxSteps switch
        {
            null => $"total_steps {total}",
            { } steps when steps == total => $"total_steps {total} (the log's max_steps agrees)",
            { } steps => $"total_steps {total}, but the log's max_steps is {steps}: the run was {(steps > total ? "longer" : "shorter")} than the configuration",
        };
    }

    private static string Alignment(RunCheck check)
    {
        var alignment = check.Comparison.Alignment;
        var meaning = alignment == LogAlignment.Previous
            ? "previous (the entry at step s holds lr(s - 1), the rate of the step just taken: transformers >= 4.51)"
            : "current (the entry at step s holds lr(s), the rate of the next step: transformers < 4.51)";
        return check.Choice switch
        {
            AlignmentChoice.Forced => $"{meaning}, as --alignment asks",
            AlignmentChoice.OnlyOneFits => $"{meaning}; the other alignment does not fit",
            AlignmentChoice.BothFit => $"{meaning}; the other fits too: the curve is flat where the log was written, so the log cannot tell them apart",
            AlignmentChoice.Explained when check.OtherLag is { } other =>
                $"{meaning}, the one with the smaller lag below; read under the other alignment, the log is the same lag {Steps(other.FinalLag - check.Lag!.FinalLag)} larger, and only the version of transformers that wrote it tells the two apart",
            AlignmentChoice.Explained => $"{meaning}, the one under which the difference below is explained",
            _ => $"neither fits; compared as {meaning}, under which more entries match",
        };
    }

    private static string Error(PointError point) => point.Expected is { } expected
        ? $"{Relative(point.Error)} at step {point.Logged.Step} (logged {Number(point.Logged.Rate)}, curve {Number(expected)} at step {point.Position})"
        : $"unbounded at step {point.Logged.Step} (logged {Number(point.Logged.Rate)}; the curve has no step {point.Position})";

    private static string Mismatch(PointError point, LogAlignment alignment) => point.Expected is { } expected
        ? $"step {point.Logged.Step} ({point.Logged.Where}): logged {Number(point.Logged.Rate)}, curve {Number(expected)} at step {point.Position}, relative error {Relative(point.Error)}"
        : $"step {point.Logged.Step} ({point.Logged.Where}): logged {Number(point.Logged.Rate)}, but under the {alignment.ToString().ToLowerInvariant()} alignment it would be the rate of step {point.Position}, which no run has";

    private static string Result(RunCheck check, LearningRateSchedule schedule, double tolerance, int compared)
    {
        var within = $"relative tolerance {Number(tolerance)}";
        if (check.Followed)
        {
            return $"the run followed the configuration ({within})";
        }

        if (check.Lag is { } lag)
        {
            var last = lag.Increases[^1];
            var growing = lag.Increases.Length > 1 ? $", and by {Steps(last.Lag)} from step {last.Step}" : string.Empty;
            return $"the run did not follow the configuration: the schedule fell behind by {Steps(lag.Increases[0].Lag)} from step {lag.FromStep}{growing} "
                + $"(each logged rate is the curve's that many steps back, {within}: the scheduler skipped steps, as fp16 loss scaling does when it skips an optimizer step)";
        }

        if (check.Scale is { } scale)
        {
            return $"the run did not follow the configuration: the logged rates are the curve scaled by {Ratio(scale.Ratio)} "
                + $"(a learning_rate of {Ratio(schedule.LearningRate * scale.Ratio)} where the configuration has {Number(schedule.LearningRate)}, {within})";
        }

        var differing = compared - check.Comparison.Matching;
        return $"the run did not follow the configuration: {differing} of the {compared} logged rates differ from the curve, and neither a lag nor a constant scale explains them ({within})";
    }

    /// <summary>
    /// A log that stops a whole logging interval (the last gap between entries) or more before the run's last step is a
    /// checkpoint's state or a run stopped early: the rest of the curve was not compared, which a match must not hide.
    /// </summary>
    private static string Unchecked(RunLog log)
    {
        var rates = log.Rates;
        if (log.MaxSteps is not { } maxSteps || rates.Length < 2)
        {
            return string.Empty;
        }

        var last = rates[^1].Step;
        var interval = last - rates[^2].Step;
        return interval > 0 && last + interval <= maxSteps
            ? $"; the log stops at step {last} of the run's {maxSteps} (a checkpoint's state, or a run stopped early): the steps after it are not checked"
            : string.Empty;
    }

    /// <summary>
    /// When nothing explains the difference and the log says the run had another length, the configuration is likely not
    /// this run's (or not its final version): the length is the one fact the log gives that the check can be rerun with.
    /// </summary>
    private static string LengthHint(RunLog log, CheckedConfiguration checkedConfiguration, RunCheck check) =>
        check.Followed || check.Lag is not null || check.Scale is not null || checkedConfiguration.LengthFromLog
            || log.MaxSteps is not { } logged || checkedConfiguration.Schedule.TotalSteps is not { } total || logged == total
            ? string.Empty
            : $"; the log's max_steps is {logged} where the configuration has {total} steps, so it may be another run's configuration: "
                + $"check again with a length of {logged} (max_steps in a TrainingArguments file, total_steps in ours)";

    private static string Steps(long count) => count == 1 ? "1 step" : $"{count} steps";

    private static string Ratio(double ratio) => ratio.ToString("G6", CultureInfo.InvariantCulture);

    private static string Relative(double error) => double.IsPositiveInfinity(error) ? "unbounded (the curve is 0 there)" : error.ToString("G3", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
