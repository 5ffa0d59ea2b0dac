namespace Schedulers;

/// <summary>One change the lenient path made to a configuration, so that a GUI can show the user what was fixed.</summary>
/// <param name="Key">The key that was changed or removed.</param>
/// <param name="OriginalValue">The value the user gave.</param>
/// <param name="NewValue">The value used instead, or <see langword="null"/> when the key was removed.</param>
/// <param name="Reason">The problem the change resolves.</param>
public sealed record ScheduleAdjustment(string Key, ParameterValue? OriginalValue, ParameterValue? NewValue, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => NewValue is null
        ? $"{Key}: removed {OriginalValue} ({Reason})"
        : $"{Key}: {OriginalValue?.ToString() ?? "(missing)"} -> {NewValue} ({Reason})";
}
