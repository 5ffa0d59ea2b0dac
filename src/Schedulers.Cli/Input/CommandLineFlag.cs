namespace Schedulers.Cli;

/// <summary>
/// How the command line spells a contract key as a flag: kebab case (<c>--warmup-steps</c>), with the key's own
/// spelling (<c>--warmup_steps</c>) as an alias. A command-line concern, so it lives here and not in the library.
/// </summary>
internal static class CommandLineFlag
{
    /// <summary>The flag that sets <paramref name="key"/>, for example <c>--warmup-steps</c> for <c>warmup_steps</c>.</summary>
    public static string For(string key) => "--" + key.Replace('_', '-');

    /// <summary>The alias spelled as the key itself, for example <c>--warmup_steps</c>.</summary>
    public static string AliasFor(string key) => "--" + key;

    /// <summary>
    /// The help of <paramref name="key"/>'s flag, from each scheduler's own descriptor: one text and the schedulers that
    /// take the key when they all describe it alike, otherwise what it does in each (<c>max_lr</c> is OneCycleLR's peak
    /// but CyclicLR's top of the cycle).
    /// </summary>
    public static string Describe(string key)
    {
        var configurable = SchedulerCatalog.SchedulersTaking(key).Where(scheduler => !scheduler.IsCodeOnly).ToList();
        var meanings = (configurable.Count > 0 ? configurable : SchedulerCatalog.SchedulersTaking(key))
            .GroupBy(scheduler => scheduler.Find(key)!.Description, StringComparer.Ordinal)
            .Select(group => (Description: group.Key, Schedulers: string.Join(", ", group.Select(scheduler => scheduler.Name))))
            .ToList();
        return meanings.Count == 1
            ? $"{meanings[0].Description} Used by: {meanings[0].Schedulers}."
            : string.Join(" ", meanings.Select(meaning => $"{meaning.Schedulers}: {meaning.Description}"));
    }
}
