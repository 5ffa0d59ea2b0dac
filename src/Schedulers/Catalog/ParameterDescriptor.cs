using System.Collections.Immutable;

namespace Schedulers;

/// <summary>
/// What one scheduler accepts for one parameter: key, type, whether it is required, its default, its valid range and a
/// one-line meaning. Descriptors are the single source of truth for validation, error messages, the documentation,
/// command-line help and GUI metadata.
/// </summary>
public sealed class ParameterDescriptor
{
    internal ParameterDescriptor(
        string key,
        ParameterKind kind,
        ParameterPresence presence,
        string description,
        ParameterValue? defaultValue = null,
        string? defaultDescription = null,
        ValueRange? range = null,
        ImmutableArray<string> choices = default,
        ImmutableArray<string> alternatives = default,
        bool allowsEmptyList = false,
        bool equalAlternativesAccepted = false)
    {
        AllowsEmptyList = allowsEmptyList;
        EqualAlternativesAccepted = equalAlternativesAccepted;
        Key = key;
        Kind = kind;
        Presence = presence;
        Description = description;
        DefaultValue = defaultValue;
        DefaultDescription = defaultDescription ?? defaultValue?.ToString();
        Range = range;
        Choices = choices.IsDefault ? [] : choices;
        Alternatives = alternatives.IsDefault ? [] : alternatives;
    }

    /// <summary>Gets the key, exactly as the contract spells it (matched case-sensitively).</summary>
    public string Key { get; }

    /// <summary>Gets the type of value the parameter takes.</summary>
    public ParameterKind Kind { get; }

    /// <summary>Gets whether the parameter must be given.</summary>
    public ParameterPresence Presence { get; }

    /// <summary>Gets the one-line meaning.</summary>
    public string Description { get; }

    /// <summary>Gets the default value when it is a fixed value; <see langword="null"/> when required or derived.</summary>
    public ParameterValue? DefaultValue { get; }

    /// <summary>Gets the default as documentation text (a fixed value or a rule such as <c>total_steps - warmup - decay</c>); <see langword="null"/> when there is none.</summary>
    public string? DefaultDescription { get; }

    /// <summary>Gets the valid range of a numeric parameter; <see langword="null"/> when any finite value is valid or the parameter is not numeric.</summary>
    public ValueRange? Range { get; }

    /// <summary>Gets the valid strings of a <see cref="ParameterKind.Choice"/> parameter.</summary>
    public ImmutableArray<string> Choices { get; }

    /// <summary>
    /// Gets the keys that mean the same thing another way; giving more than one of them is refused, unless the scheduler
    /// takes two names for one value (OneCycleLR's <c>max_lr</c> and <c>learning_rate</c>), which may both be given when equal.
    /// </summary>
    public ImmutableArray<string> Alternatives { get; }

    /// <summary>
    /// Gets whether this key and its <see cref="Alternatives"/> are two names for one value (PyTorch's and ours): both may be
    /// given when they are equal, and the scheduler's rules refuse them when they differ.
    /// </summary>
    internal bool EqualAlternativesAccepted { get; }

    /// <summary>Gets whether an empty list is valid (SequentialLR's milestones with a single child).</summary>
    internal bool AllowsEmptyList { get; }

    /// <summary>Gets what a valid value looks like, for messages and help: the type, then the range or choices.</summary>
    public string ValidValues => Kind switch
    {
        ParameterKind.Integer => Range is null ? "an integer" : $"an integer {Range}",
        ParameterKind.Number => Range is null ? "a finite number" : $"a number {(Range.ToString()[0] is '[' or '(' ? "in " : string.Empty)}{Range}",
        ParameterKind.Choice => "one of " + string.Join(", ", Choices.Select(choice => $"\"{choice}\"")),
        ParameterKind.Boolean => "true or false",
        ParameterKind.IntegerList => $"a {(AllowsEmptyList ? string.Empty : "non-empty ")}list of integers{(Range is null ? string.Empty : " " + Range)}",
        ParameterKind.NumberList => $"a non-empty list of numbers{(Range is null ? string.Empty : " " + Range)}",
        ParameterKind.PointList => "a list of at least two [step, learning_rate] pairs: steps whole numbers >= 0, learning rates finite and >= 0",
        ParameterKind.IntegerOrRange => $"an integer{(Range is null ? string.Empty : " " + Range)} (from that step on), or a list [t0, t1] of two such integers with t0 < t1 (t0 included, t1 excluded)",
        ParameterKind.ScheduleList => "a non-empty list of schedule configurations (JSON objects such as {\"scheduler\": \"LinearLR\", ...})",
        _ => "a string",
    };

    /// <inheritdoc />
    public override string ToString() => $"{Key} ({ValidValues})";
}
