namespace Schedulers;

/// <summary>
/// What the lenient path does about one problem: set <see cref="Key"/> to <see cref="NewValue"/>, or remove it when that
/// is null; then <see cref="Then"/>, when one change is not enough (a key moved to the name the scheduler uses for it).
/// </summary>
internal sealed record ConfigurationRemedy(string Key, ParameterValue? NewValue, string Reason, ConfigurationRemedy? Then = null)
{
    public static ConfigurationRemedy Remove(string key, string reason) => new(key, null, reason);

    public static ConfigurationRemedy Set(string key, ParameterValue value, string reason) => new(key, value, reason);

    /// <summary>This change and every one chained after it, in order.</summary>
    public IEnumerable<ConfigurationRemedy> Steps()
    {
        for (var remedy = this; remedy is not null; remedy = remedy.Then)
        {
            yield return remedy;
        }
    }
}
