using System.Collections.Immutable;

namespace Schedulers;

/// <summary>
/// The public catalog of schedulers and their parameters: what a GUI asks to know which fields apply
/// (<c>SchedulerCatalog.Find("cosine")!.Parameters</c>), and what documentation and help are generated from.
/// </summary>
public static class SchedulerCatalog
{
    /// <summary>Gets every scheduler, in documentation order.</summary>
    public static ImmutableArray<SchedulerDescriptor> All { get; } = [.. SchedulerDefinitions.All.Select(definition => definition.Descriptor)];

    /// <summary>Gets every parameter key any scheduler takes, in first-use order.</summary>
    public static ImmutableArray<string> AllParameterKeys { get; } =
        [.. All.SelectMany(scheduler => scheduler.Parameters).Select(parameter => parameter.Key).Distinct(StringComparer.Ordinal)];

    /// <summary>Finds a scheduler by name, case-insensitively (as the contract matches names).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The descriptor, or <see langword="null"/> when no scheduler has that name.</returns>
    public static SchedulerDescriptor? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return SchedulerDefinitions.Find(name)?.Descriptor;
    }

    /// <summary>Gets the schedulers that take <paramref name="key"/>.</summary>
    /// <param name="key">The key, matched exactly.</param>
    /// <returns>Their descriptors, in documentation order.</returns>
    public static IEnumerable<SchedulerDescriptor> SchedulersTaking(string key) => All.Where(scheduler => scheduler.Takes(key));

    /// <summary>Gets the first descriptor of <paramref name="key"/> any scheduler has (for the key's type and command-line flag).</summary>
    /// <param name="key">The key, matched exactly.</param>
    /// <returns>The descriptor, or <see langword="null"/> when no scheduler takes the key.</returns>
    public static ParameterDescriptor? FindParameter(string key) => All.Select(scheduler => scheduler.Find(key)).FirstOrDefault(parameter => parameter is not null);
}
