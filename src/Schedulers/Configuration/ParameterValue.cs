using System.Collections.Immutable;
using System.Globalization;

namespace Schedulers;

/// <summary>
/// One configuration value exactly as it was received (from code, JSON or the command line), so that a refusal can
/// quote it back. Values are checked against the parameter's descriptor by the validation pass, not here.
/// </summary>
public sealed class ParameterValue : IEquatable<ParameterValue>
{
    private ParameterValue(ParameterValueKind kind, double number, string? text, bool boolean, ImmutableArray<ParameterValue> items)
    {
        Kind = kind;
        NumberValue = number;
        TextValue = text;
        BooleanValue = boolean;
        Items = items.IsDefault ? ImmutableArray<ParameterValue>.Empty : items;
    }

    /// <summary>Gets the shape of the value.</summary>
    public ParameterValueKind Kind { get; }

    /// <summary>Gets the number, when <see cref="Kind"/> is <see cref="ParameterValueKind.Number"/>; otherwise NaN.</summary>
    public double NumberValue { get; }

    /// <summary>
    /// Gets the string for <see cref="ParameterValueKind.Text"/>, the number as written for
    /// <see cref="ParameterValueKind.Number"/> (when known), or the JSON text for <see cref="ParameterValueKind.Object"/>.
    /// </summary>
    public string? TextValue { get; }

    /// <summary>Gets the boolean, when <see cref="Kind"/> is <see cref="ParameterValueKind.Boolean"/>.</summary>
    public bool BooleanValue { get; }

    /// <summary>Gets the items, when <see cref="Kind"/> is <see cref="ParameterValueKind.List"/>; otherwise empty.</summary>
    public ImmutableArray<ParameterValue> Items { get; }

    /// <summary>The JSON <c>null</c> value.</summary>
    public static ParameterValue Null { get; } = new(ParameterValueKind.Null, double.NaN, null, false, default);

    /// <summary>Creates a number value.</summary>
    /// <param name="value">The number; NaN and infinities are kept so that validation can refuse them by name.</param>
    /// <returns>The value.</returns>
    public static ParameterValue FromNumber(double value) => new(ParameterValueKind.Number, value, null, false, default);

    /// <summary>Creates a number value that remembers how it was written (for messages).</summary>
    /// <param name="value">The number.</param>
    /// <param name="writtenAs">The text it was parsed from.</param>
    /// <returns>The value.</returns>
    public static ParameterValue FromNumber(double value, string writtenAs) => new(ParameterValueKind.Number, value, writtenAs, false, default);

    /// <summary>Creates a string value.</summary>
    /// <param name="value">The string.</param>
    /// <returns>The value.</returns>
    public static ParameterValue FromText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(ParameterValueKind.Text, double.NaN, value, false, default);
    }

    /// <summary>Creates a boolean value.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The value.</returns>
    public static ParameterValue FromBoolean(bool value) => new(ParameterValueKind.Boolean, double.NaN, null, value, default);

    /// <summary>Creates a list value.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The value.</returns>
    public static ParameterValue FromList(IEnumerable<ParameterValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(ParameterValueKind.List, double.NaN, null, false, [.. items]);
    }

    /// <summary>Creates a value that holds a JSON object as text (nested configurations).</summary>
    /// <param name="json">The JSON text of the object.</param>
    /// <returns>The value.</returns>
    public static ParameterValue FromObjectJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new(ParameterValueKind.Object, double.NaN, json, false, default);
    }

    /// <summary>Creates a value that holds a nested configuration (a child of <c>SequentialLR</c> or <c>ChainedScheduler</c>).</summary>
    /// <param name="options">The child's configuration.</param>
    /// <returns>The value.</returns>
    public static ParameterValue FromOptions(ScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return FromObjectJson(options.ToJson());
    }

    /// <summary>Converts a number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator ParameterValue(double value) => FromNumber(value);

    /// <summary>Converts a string.</summary>
    /// <param name="value">The string.</param>
    public static implicit operator ParameterValue(string value) => FromText(value);

    /// <summary>Converts a boolean.</summary>
    /// <param name="value">The boolean.</param>
    public static implicit operator ParameterValue(bool value) => FromBoolean(value);

    /// <summary>Gets the value as JSON, written as <see cref="ScheduleOptions.ToJson"/> writes it (whole numbers without a fraction).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            ScheduleJson.WriteValue(writer, this);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Gets the value the way a user would recognise it in a message: numbers as written, strings quoted.</summary>
    /// <returns>The display text.</returns>
    public override string ToString() => Kind switch
    {
        ParameterValueKind.Number => TextValue ?? NumberValue.ToString("R", CultureInfo.InvariantCulture),
        ParameterValueKind.Text => "\"" + ConfigurationProblem.Shorten(TextValue!) + "\"",
        ParameterValueKind.Boolean => BooleanValue ? "true" : "false",
        // Long values are cut (messages quote them): a list by its first items and its length.
        ParameterValueKind.List when Items.Length > 20 => "[" + string.Join(", ", Items.Take(10).Select(item => item.ToString())) + $", ... ({Items.Length} items)]",
        ParameterValueKind.List => "[" + string.Join(", ", Items.Select(item => item.ToString())) + "]",
        ParameterValueKind.Null => "null",
        _ => ConfigurationProblem.Shorten(TextValue ?? "{}"),
    };

    /// <inheritdoc />
    public bool Equals(ParameterValue? other) =>
        other is not null
        && Kind == other.Kind
        && (Kind != ParameterValueKind.Number || NumberValue.Equals(other.NumberValue))
        && (Kind is not (ParameterValueKind.Text or ParameterValueKind.Object) || string.Equals(TextValue, other.TextValue, StringComparison.Ordinal))
        && BooleanValue == other.BooleanValue
        && Items.SequenceEqual(other.Items);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ParameterValue);

    /// <inheritdoc />
    public override int GetHashCode() => Kind switch
    {
        ParameterValueKind.Number => HashCode.Combine(Kind, NumberValue),
        ParameterValueKind.Text or ParameterValueKind.Object => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(TextValue!)),
        ParameterValueKind.Boolean => HashCode.Combine(Kind, BooleanValue),
        _ => HashCode.Combine(Kind, Items.Length),
    };
}
