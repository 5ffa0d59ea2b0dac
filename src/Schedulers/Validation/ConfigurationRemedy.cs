namespace Schedulers;

/// <summary>What the lenient path does about one problem: set <see cref="Key"/> to <see cref="NewValue"/>, or remove it when that is null.</summary>
internal sealed record ConfigurationRemedy(string Key, ParameterValue? NewValue, string Reason)
{
    public static ConfigurationRemedy Remove(string key, string reason) => new(key, null, reason);

    public static ConfigurationRemedy Set(string key, ParameterValue value, string reason) => new(key, value, reason);
}
