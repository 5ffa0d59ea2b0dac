using System.Globalization;

namespace Schedulers;

/// <summary>Checks one value against its descriptor: type, finiteness, whole numbers, range, choices.</summary>
internal static class ValueCheck
{
    public static ConfigurationProblem? Check(ParameterDescriptor descriptor, ParameterValue value, double learningRate)
    {
        var key = descriptor.Key;
        if (value.Kind == ParameterValueKind.Null)
        {
            return ConfigurationProblem.ForKey(key, value,
                $"null is not a value: expected {descriptor.ValidValues}" + (descriptor.Presence == ParameterPresence.Optional ? "; remove the key to use the default." : "."),
                descriptor.Presence == ParameterPresence.Optional ? ConfigurationRemedy.Remove(key, "null means the default") : null);
        }

        return descriptor.Kind switch
        {
            ParameterKind.Integer or ParameterKind.Number => CheckNumber(descriptor, value, learningRate),
            ParameterKind.Choice => CheckChoice(descriptor, value),
            ParameterKind.Boolean => value.Kind == ParameterValueKind.Boolean ? null : Expected(descriptor, value),
            ParameterKind.IntegerList => CheckIntegerList(descriptor, value),
            ParameterKind.PointList => CheckPoints(descriptor, value),
            ParameterKind.ScheduleList => value.Kind == ParameterValueKind.List && !value.Items.IsEmpty && value.Items.All(item => item.Kind == ParameterValueKind.Object)
                ? null
                : Expected(descriptor, value),
            _ => value.Kind == ParameterValueKind.Text && !string.IsNullOrWhiteSpace(value.TextValue) ? null : Expected(descriptor, value),
        };
    }

    private static ConfigurationProblem? CheckNumber(ParameterDescriptor descriptor, ParameterValue value, double learningRate)
    {
        var key = descriptor.Key;
        if (value.Kind != ParameterValueKind.Number)
        {
            var quotedNumber = value.Kind == ParameterValueKind.Text
                && double.TryParse(value.TextValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                && double.IsFinite(parsed);
            return Expected(descriptor, value, quotedNumber ? " (a string: write the number without quotes)" : null);
        }

        var number = value.NumberValue;
        if (!double.IsFinite(number))
        {
            return ConfigurationProblem.ForKey(key, value, $"{value} is not a finite number: expected {descriptor.ValidValues}.");
        }

        if (descriptor.Kind == ParameterKind.Number && Math.Abs(number) > CommonParameters.MaxNumber)
        {
            return ConfigurationProblem.ForKey(key, value, $"{value} is too large: numbers must be at most 1e30 in magnitude, so that curves stay finite in single precision; expected {descriptor.ValidValues}.");
        }

        if (descriptor.Kind == ParameterKind.Integer)
        {
            if (Math.Abs(number) > CommonParameters.MaxSteps)
            {
                return ConfigurationProblem.ForKey(key, value, $"{value} is too large: step counts must be at most 2^53 ({CommonParameters.MaxSteps:R}).");
            }

            if (number != Math.Floor(number))
            {
                var rounded = Math.Round(number, MidpointRounding.AwayFromZero);
                return ConfigurationProblem.ForKey(key, value, $"{value} is not a whole number: expected {descriptor.ValidValues}.",
                    descriptor.Range?.Contains(rounded) != false ? ConfigurationRemedy.Set(key, ParameterValue.FromNumber(rounded), "rounded to a whole number") : null);
            }
        }

        if (descriptor.Range is { } range && !range.Contains(number, learningRate))
        {
            var bound = double.IsNaN(learningRate) ? "learning_rate" : "learning_rate " + learningRate.ToString("R", CultureInfo.InvariantCulture);
            var detail = range.IsBelowLearningRate && range.Contains(number) ? $"{value} is not below {bound}" : $"{value} is out of range";
            return ConfigurationProblem.ForKey(key, value, $"{detail}: expected {descriptor.ValidValues}.", Clamp(descriptor, range, number));
        }

        return null;
    }

    /// <summary>Only an inclusive bound is a valid value to move to; an exclusive one has no nearest valid value.</summary>
    private static ConfigurationRemedy? Clamp(ParameterDescriptor descriptor, ValueRange range, double number) =>
        number < range.Minimum && range.MinimumInclusive
            ? ConfigurationRemedy.Set(descriptor.Key, ParameterValue.FromNumber(range.Minimum), $"raised to the smallest valid value")
            : number > range.Maximum && range.MaximumInclusive
                ? ConfigurationRemedy.Set(descriptor.Key, ParameterValue.FromNumber(range.Maximum), $"lowered to the largest valid value")
                : null;

    private static ConfigurationProblem? CheckIntegerList(ParameterDescriptor descriptor, ParameterValue value)
    {
        var valid = value.Kind == ParameterValueKind.List
            && (descriptor.AllowsEmptyList || !value.Items.IsEmpty)
            && value.Items.All(item => item.Kind == ParameterValueKind.Number
                && double.IsFinite(item.NumberValue)
                && item.NumberValue == Math.Floor(item.NumberValue)
                && Math.Abs(item.NumberValue) <= CommonParameters.MaxSteps
                && descriptor.Range?.Contains(item.NumberValue) != false);
        return valid ? null : Expected(descriptor, value);
    }

    private static ConfigurationProblem? CheckPoints(ParameterDescriptor descriptor, ParameterValue value)
    {
        if (value.Kind != ParameterValueKind.List || value.Items.Length < 2)
        {
            return Expected(descriptor, value, value.Kind == ParameterValueKind.List ? " (an interpolation needs two points at least)" : null);
        }

        var bad = value.Items.Select((point, index) => (point, index)).FirstOrDefault(entry => !IsPoint(entry.point));
        return bad.point is null
            ? null
            : ConfigurationProblem.ForKey(descriptor.Key, value, $"point {bad.index} ({bad.point}) is not a [step, learning_rate] pair with a whole step in [0, 2^53] and a learning rate in [0, 1e30]: expected {descriptor.ValidValues}.");
    }

    private static bool IsPoint(ParameterValue point) =>
        point.Kind == ParameterValueKind.List
        && point.Items.Length == 2
        && point.Items.All(item => item.Kind == ParameterValueKind.Number && double.IsFinite(item.NumberValue) && item.NumberValue >= 0)
        && point.Items[0].NumberValue == Math.Floor(point.Items[0].NumberValue)
        && point.Items[0].NumberValue <= CommonParameters.MaxSteps
        && point.Items[1].NumberValue <= CommonParameters.MaxNumber;

    private static ConfigurationProblem? CheckChoice(ParameterDescriptor descriptor, ParameterValue value)
    {
        if (value.Kind == ParameterValueKind.Text && descriptor.Choices.Contains(value.TextValue!, StringComparer.Ordinal))
        {
            return null;
        }

        var caseless = value.Kind == ParameterValueKind.Text
            ? descriptor.Choices.FirstOrDefault(choice => string.Equals(choice, value.TextValue, StringComparison.OrdinalIgnoreCase))
            : null;
        var hint = value.Kind == ParameterValueKind.Text ? Spelling.DidYouMean(value.TextValue!, descriptor.Choices) : string.Empty;
        return ConfigurationProblem.ForKey(descriptor.Key, value, $"{value} is not valid: expected {descriptor.ValidValues}.{hint}",
            caseless is null ? null : ConfigurationRemedy.Set(descriptor.Key, ParameterValue.FromText(caseless), "spelled as the choice is spelled"));
    }

    private static ConfigurationProblem Expected(ParameterDescriptor descriptor, ParameterValue value, string? note = null) =>
        ConfigurationProblem.ForKey(descriptor.Key, value, $"expected {descriptor.ValidValues}, got {value}{note}.");
}
