namespace Schedulers;

/// <summary>One change the lenient path made to a configuration, so that a GUI can show the user what was fixed.</summary>
public sealed class ScheduleAdjustment
{
    internal ScheduleAdjustment(string key, ParameterValue? originalValue, ParameterValue? newValue, string reason)
    {
        Key = key;
        OriginalValue = originalValue;
        NewValue = newValue;
        Reason = reason;
    }

    /// <summary>Gets the key that was changed or removed.</summary>
    public string Key { get; }

    /// <summary>Gets the value the user gave, or <see langword="null"/> when the key was missing.</summary>
    public ParameterValue? OriginalValue { get; }

    /// <summary>Gets the value used instead, or <see langword="null"/> when the key was removed.</summary>
    public ParameterValue? NewValue { get; }

    /// <summary>Gets the problem the change resolves.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string ToString() => NewValue is null
        ? $"{Key}: removed {OriginalValue} ({Reason})"
        : $"{Key}: {OriginalValue?.ToString() ?? "(missing)"} -> {NewValue} ({Reason})";
}
