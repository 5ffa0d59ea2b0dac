using System.Collections.Immutable;
using System.Globalization;

namespace Schedulers;

/// <summary>
/// diffusers' <c>step_rules</c> string, <c>"m1:s1,m2:s2,...,m_last"</c>, parsed strictly: a rule that could never take
/// effect (a repeated boundary, a boundary below 1) is refused rather than silently dropped as a dictionary would.
/// </summary>
internal sealed class StepRules
{
    private StepRules(ImmutableArray<long> boundaries, ImmutableArray<double> multipliers, double lastMultiplier)
    {
        Boundaries = boundaries;
        Multipliers = multipliers;
        LastMultiplier = lastMultiplier;
    }

    /// <summary>Gets the boundaries, ascending.</summary>
    public ImmutableArray<long> Boundaries { get; }

    /// <summary>Gets the multiplier used below each boundary.</summary>
    public ImmutableArray<double> Multipliers { get; }

    /// <summary>Gets the multiplier from the last boundary on.</summary>
    public double LastMultiplier { get; }

    /// <summary>Parses the rules, or says in one sentence what is wrong.</summary>
    public static StepRules? Parse(string text, out string? error)
    {
        var parts = text.Split(',');
        var rules = new SortedDictionary<long, double>();
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var pair = parts[i].Split(':');
            if (pair.Length != 2)
            {
                error = $"rule {i + 1} (\"{parts[i]}\") is not of the form multiplier:step";
                return null;
            }

            if (!TryParseMultiplier(pair[0], out var multiplier))
            {
                error = $"rule {i + 1} has multiplier \"{pair[0]}\", which is not a finite number >= 0";
                return null;
            }

            if (!long.TryParse(pair[1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var boundary) || boundary < 1)
            {
                error = $"rule {i + 1} has step \"{pair[1]}\", which is not an integer >= 1";
                return null;
            }

            if (!rules.TryAdd(boundary, multiplier))
            {
                error = $"step {boundary} appears in more than one rule, so one of them could never take effect";
                return null;
            }
        }

        if (!TryParseMultiplier(parts[^1], out var last))
        {
            error = $"the last multiplier \"{parts[^1]}\" is not a finite number >= 0 (the form is \"m1:s1,m2:s2,...,m_last\")";
            return null;
        }

        error = null;
        return new StepRules([.. rules.Keys], [.. rules.Values], last);
    }

    private static bool TryParseMultiplier(string text, out double multiplier) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out multiplier)
        && double.IsFinite(multiplier)
        && multiplier >= 0;
}
