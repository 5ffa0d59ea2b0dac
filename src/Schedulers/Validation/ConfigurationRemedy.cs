namespace Schedulers;

/// <summary>
/// What the lenient path does about one problem: set <see cref="Key"/> to <see cref="NewValue"/>, remove it when that is
/// null, or, with <see cref="RenameTo"/>, move its value to the key it misspells.
/// </summary>
internal sealed record ConfigurationRemedy(string Key, ParameterValue? NewValue, string Reason, string? RenameTo = null)
{
    public static ConfigurationRemedy Rename(string key, string renameTo, string reason) => new(key, null, reason, renameTo);

    public static ConfigurationRemedy Remove(string key, string reason) => new(key, null, reason);

    public static ConfigurationRemedy Set(string key, ParameterValue value, string reason) => new(key, value, reason);
}
