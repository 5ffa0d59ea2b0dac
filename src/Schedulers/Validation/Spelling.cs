using System.Collections.Frozen;

namespace Schedulers;

/// <summary>
/// Suggests the name a user probably meant, so that a typo is refused with its correction. Besides typos, it knows the
/// names other tools give our keys and schedulers, which are close in meaning and far in letters (<c>lr</c> is one
/// letter from <c>lb</c>, and eleven from <c>learning_rate</c>).
/// </summary>
internal static class Spelling
{
    /// <summary>Other tools' names, normalised (lower case, <c>_</c> for <c>-</c>), with ours.</summary>
    private static readonly FrozenDictionary<string, string> OtherNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["lr"] = ScheduleKeys.LearningRate,
        ["initial_lr"] = ScheduleKeys.LearningRate,
        ["peak_lr"] = ScheduleKeys.LearningRate,
        ["warmup"] = ScheduleKeys.WarmupSteps,
        ["num_warmup_steps"] = ScheduleKeys.WarmupSteps,
        ["lr_warmup_steps"] = ScheduleKeys.WarmupSteps,
        ["num_training_steps"] = ScheduleKeys.TotalSteps,
        ["max_steps"] = ScheduleKeys.TotalSteps,
        ["max_train_steps"] = ScheduleKeys.TotalSteps,
        ["training_steps"] = ScheduleKeys.TotalSteps,
        ["cosine_with_warmup"] = "cosine",
        ["linear_with_warmup"] = "linear",
        ["cosine_with_hard_restarts"] = "cosine_with_restarts",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        if (OtherNames.TryGetValue(Normalise(input), out var ours) && candidates.FirstOrDefault(candidate => Normalise(candidate) == ours) is { } named)
        {
            return named;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        var allowed = Math.Max(2, input.Length / 3);
        foreach (var candidate in candidates)
        {
            // The distance is at least the difference in length: skip what cannot be close (a megabyte-long key would
            // otherwise cost seconds per candidate).
            if (Math.Abs(candidate.Length - input.Length) > allowed)
            {
                continue;
            }

            var distance = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // Beyond about a third of the word, a "suggestion" is noise rather than help.
        return bestDistance <= allowed ? best : null;
    }

    public static string DidYouMean(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } suggestion ? $" Did you mean \"{suggestion}\"?" : string.Empty;

    /// <summary>Flags and keys compare alike: <c>--warmup-steps</c> is <c>warmup_steps</c>.</summary>
    private static string Normalise(string name) => name.TrimStart('-').Replace('-', '_').ToLowerInvariant();

    /// <summary>Levenshtein distance with one row of memory.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = previous[0];
            previous[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = previous[j];
                previous[j] = Math.Min(Math.Min(previous[j] + 1, previous[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return previous[b.Length];
    }
}
