using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>
/// Which columns of an exported CSV hold the step and the learning rate, found by header name (case and surrounding
/// spaces ignored; a W&amp;B chart export's <c>"run - train/learning_rate"</c> is read as <c>train/learning_rate</c>, and
/// its <c>__MIN</c> / <c>__MAX</c> companions are not rates):
/// <list type="bullet">
/// <item>step: <c>global_step</c> or <c>.../global_step</c> (the trainer's own count) before <c>step</c> (TensorBoard's
/// and W&amp;B's chart axis) before <c>_step</c> (W&amp;B's count of log calls, which evaluations advance too);</item>
/// <item>rate: <c>lr</c>, <c>learning_rate</c>, <c>.../lr</c>, <c>.../learning_rate</c>, <c>lr/...</c> (sd-scripts'
/// <c>lr/unet</c>, <c>lr/textencoder</c>; not <c>lr/d*lr</c>, an adaptive optimizer's own product) or <c>Value</c>
/// (TensorBoard's export of one scalar).</item>
/// </list>
/// Two candidates of the same kind are refused, naming the columns found, unless <c>--step-column</c> /
/// <c>--lr-column</c> names one.
/// </summary>
internal static class CsvLogColumns
{
    public static (int Step, int Rate) Find(IReadOnlyList<string> header, LogColumns requested, string name)
    {
        var names = header.Select(column => column.Trim()).ToImmutableArray();
        var problems = new List<string>();
        var step = requested.Step is { } stepColumn
            ? Named(names, stepColumn, "--step-column", name, problems)
            : Best(names, StepRank, "step", "--step-column", name, problems);
        var rate = requested.Rate is { } rateColumn
            ? Named(names, rateColumn, "--lr-column", name, problems)
            : Best(names, column => IsRate(column) ? 0 : null, "learning-rate", "--lr-column", name, problems);
        if (problems.Count == 0 && step == rate)
        {
            problems.Add($"--log {name}: the step and the learning rate cannot both be column '{names[step]}'.");
        }

        UsageException.ThrowIfAny(problems);
        return (step, rate);
    }

    /// <summary>The metric a header names: W&amp;B's chart export writes "run name - metric".</summary>
    private static string Metric(string column)
    {
        var separator = column.LastIndexOf(" - ", StringComparison.Ordinal);
        return (separator >= 0 ? column[(separator + 3)..] : column).Trim().ToLowerInvariant();
    }

    private static int? StepRank(string column) => Metric(column) switch
    {
        "global_step" => 0,
        var metric when metric.EndsWith("/global_step", StringComparison.Ordinal) => 0,
        "step" => 1,
        "_step" => 2,
        _ => null,
    };

    private static bool IsRate(string column)
    {
        var metric = Metric(column);
        if (metric.EndsWith("__min", StringComparison.Ordinal) || metric.EndsWith("__max", StringComparison.Ordinal) || metric.Contains("d*lr", StringComparison.Ordinal))
        {
            return false;
        }

        return metric is "lr" or "learning_rate" or "value"
            || metric.EndsWith("/lr", StringComparison.Ordinal)
            || metric.EndsWith("/learning_rate", StringComparison.Ordinal)
            || metric.StartsWith("lr/", StringComparison.Ordinal);
    }

    private static int Best(ImmutableArray<string> names, Func<string, int?> rank, string what, string option, string name, List<string> problems)
    {
        var ranked = names.Select((column, index) => (Index: index, Rank: rank(column))).Where(column => column.Rank is not null).ToArray();
        if (ranked.Length == 0)
        {
            problems.Add($"--log {name} has no {what} column (columns: {List(names)}); name it with {option}.");
            return -1;
        }

        var best = ranked.Min(column => column.Rank);
        var candidates = ranked.Where(column => column.Rank == best).ToArray();
        if (candidates.Length > 1)
        {
            problems.Add($"--log {name} has {candidates.Length} {what} columns ({List(candidates.Select(column => names[column.Index]))}); name the one to check with {option}.");
            return -1;
        }

        return candidates[0].Index;
    }

    private static int Named(ImmutableArray<string> names, string requested, string option, string name, List<string> problems)
    {
        var index = names.IndexOf(requested.Trim(), StringComparer.OrdinalIgnoreCase);
        if (index < 0)
        {
            problems.Add($"--log {name} has no column '{requested}' ({option}); its columns: {List(names)}.");
        }

        return index;
    }

    // A W&B history export has hundreds of columns: name enough of them to recognise the file.
    private static string List(IEnumerable<string> columns)
    {
        var all = columns.ToArray();
        var named = string.Join(", ", all.Take(30).Select(column => LogValues.Quote(column)));
        return all.Length > 30 ? $"{named} and {all.Length - 30} more" : named;
    }
}
