using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Schedulers;

/// <summary>One parameter group as a saved state remembers it.</summary>
internal sealed record GroupSetup(string Name, double BaseValue, double? MinValue, string? Schedule);

/// <summary>
/// What a saved state was written for, kept beside its fingerprint so that a state restored into another configuration
/// is refused with what differs (<c>total_steps: saved 1000, now 2000</c>), not only with two hashes.
/// </summary>
internal sealed record StateSetup(string Configuration, ImmutableArray<GroupSetup> Groups)
{
    public static StateSetup Of(string configuration, IEnumerable<ParameterGroup> groups) =>
        new(configuration, [.. groups.Select(group => new GroupSetup(group.Name, group.BaseValue, group.MinValue,
            group.Schedule is null ? null : ConfigurationFingerprint.Describe(group.Schedule)))]);

    /// <summary>Each difference between a saved setup and the current one, named by its key.</summary>
    public static List<ConfigurationProblem> Differences(StateSetup saved, StateSetup now)
    {
        var problems = new List<ConfigurationProblem>();
        foreach (var (key, was, @is) in ConfigurationDifferences(saved.Configuration, now.Configuration))
        {
            problems.Add(Difference(key, was, @is));
        }

        var savedNames = saved.Groups.Select(group => group.Name).ToArray();
        var names = now.Groups.Select(group => group.Name).ToArray();
        if (!savedNames.SequenceEqual(names, StringComparer.Ordinal))
        {
            problems.Add(Difference("groups", $"[{string.Join(", ", savedNames)}]", $"[{string.Join(", ", names)}]"));
            return problems;
        }

        foreach (var (was, @is) in saved.Groups.Zip(now.Groups))
        {
            var prefix = $"groups.{was.Name}.";
            if (was.BaseValue != @is.BaseValue)
            {
                problems.Add(Difference(prefix + "base_value", Number(was.BaseValue), Number(@is.BaseValue)));
            }

            if (was.MinValue != @is.MinValue)
            {
                problems.Add(Difference(prefix + "min_value", Number(was.MinValue), Number(@is.MinValue)));
            }

            if (!string.Equals(was.Schedule, @is.Schedule, StringComparison.Ordinal))
            {
                problems.Add(Difference(prefix + "schedule", was.Schedule ?? "none (scaled)", @is.Schedule ?? "none (scaled)"));
            }
        }

        return problems;
    }

    /// <summary>Top-level keys whose values differ; a configuration that is not JSON (code) is compared whole.</summary>
    private static IEnumerable<(string Key, string Was, string Is)> ConfigurationDifferences(string saved, string now)
    {
        if (string.Equals(saved, now, StringComparison.Ordinal))
        {
            yield break;
        }

        var was = Properties(saved);
        var @is = Properties(now);
        if (was is null || @is is null)
        {
            yield return ("configuration", saved, now);
            yield break;
        }

        foreach (var key in was.Keys.Union(@is.Keys, StringComparer.Ordinal))
        {
            var before = was.GetValueOrDefault(key) ?? "not given";
            var after = @is.GetValueOrDefault(key) ?? "not given";
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                yield return (key, before, after);
            }
        }
    }

    private static Dictionary<string, string>? Properties(string configuration)
    {
        try
        {
            using var document = JsonDocument.Parse(configuration);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.GetRawText(), StringComparer.Ordinal)
                : null;
        }
        catch (JsonException)
        {
            return null; // a LambdaLR's sampled values, not JSON
        }
    }

    private static ConfigurationProblem Difference(string key, string saved, string now) =>
        ConfigurationProblem.ForKey(key, ParameterValue.FromText(now), $"differs from the saved state's: saved {Shorten(saved)}, now {Shorten(now)}. Restore the state into a scheduler made from the same configuration and groups.");

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "none";

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "..." : text;
}
