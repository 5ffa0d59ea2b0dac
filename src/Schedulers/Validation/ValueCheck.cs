using System.Globalization;

namespace Schedulers;

/// <summary>
/// Checks one value against its descriptor: type, finiteness, whole numbers, range, choices. Every message has one shape:
/// <c>{value} {what is wrong}: expected {valid values}[; advice].[ Did you mean "…"?]</c>.
/// </summary>
internal static class ValueCheck
{
    /// <summary>The limit on numbers as messages write it (<c>1e30</c>).</summary>
    internal static readonly string MaxNumberText = CommonParameters.MaxNumber.ToString("0.###e0", CultureInfo.InvariantCulture);

    /// <summary>The limit on step counts as messages write it (<c>2^53 (9007199254740992)</c>).</summary>
    internal static readonly string MaxStepsText =
        $"2^{Math.ILogB(CommonParameters.MaxSteps).ToString(CultureInfo.InvariantCulture)} ({CommonParameters.MaxSteps.ToString("R", CultureInfo.InvariantCulture)})";

    public static ConfigurationProblem? Check(ParameterDescriptor descriptor, ParameterValue value, double learningRate)
    {
        var key = descriptor.Key;
        if (value.Kind == ParameterValueKind.Null)
        {
            var optional = descriptor.Presence == ParameterPresence.Optional;
            return Problem(descriptor, value, "is not a value", optional ? "; remove the key to use the default" : null,
                remedy: optional ? ConfigurationRemedy.Remove(key, "null means the default") : null);
        }

        return descriptor.Kind switch
        {
            ParameterKind.Integer or ParameterKind.Number => CheckNumber(descriptor, value, learningRate),
            ParameterKind.Choice => CheckChoice(descriptor, value),
            ParameterKind.Boolean => value.Kind == ParameterValueKind.Boolean ? null : WrongType(descriptor, value),
            ParameterKind.IntegerList => CheckIntegerList(descriptor, value),
            ParameterKind.PointList => CheckPoints(descriptor, value),
            ParameterKind.IntegerOrRange => value.Kind == ParameterValueKind.List ? CheckRange(descriptor, value) : CheckNumber(descriptor, value, learningRate),
            ParameterKind.NumberList => CheckNumberList(descriptor, value),
            ParameterKind.ScheduleList => value.Kind == ParameterValueKind.List && !value.Items.IsEmpty && value.Items.All(item => item.Kind == ParameterValueKind.Object)
                ? null
                : WrongType(descriptor, value, ParameterValueKind.List),
            _ => value.Kind == ParameterValueKind.Text && !string.IsNullOrWhiteSpace(value.TextValue) ? null : WrongType(descriptor, value, ParameterValueKind.Text),
        };
    }

    private static ConfigurationProblem? CheckNumber(ParameterDescriptor descriptor, ParameterValue value, double learningRate)
    {
        if (value.Kind != ParameterValueKind.Number)
        {
            var quotedNumber = value.Kind == ParameterValueKind.Text
                && double.TryParse(value.TextValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                && double.IsFinite(parsed);
            return WrongType(descriptor, value, ParameterValueKind.Number, quotedNumber ? "; write the number without quotes" : null);
        }

        var number = value.NumberValue;
        if (!double.IsFinite(number))
        {
            return Problem(descriptor, value, "is not a finite number");
        }

        if (descriptor.Kind == ParameterKind.Number && Math.Abs(number) > CommonParameters.MaxNumber)
        {
            return Problem(descriptor, value, "is too large",
                $"; numbers must be at most {MaxNumberText} in magnitude, so that curves stay finite in single precision");
        }

        if (descriptor.Kind is ParameterKind.Integer or ParameterKind.IntegerOrRange)
        {
            if (Math.Abs(number) > CommonParameters.MaxSteps)
            {
                return Problem(descriptor, value, "is too large", $"; step counts must be at most {MaxStepsText}");
            }

            if (number != Math.Floor(number))
            {
                var rounded = Math.Round(number, MidpointRounding.AwayFromZero);
                return Problem(descriptor, value, "is not a whole number",
                    remedy: descriptor.Range?.Contains(rounded) != false ? ConfigurationRemedy.Set(descriptor.Key, ParameterValue.FromNumber(rounded), "rounded to a whole number") : null);
            }
        }

        if (descriptor.Range is { } range && !range.Contains(number, learningRate))
        {
            var bound = double.IsNaN(learningRate) ? "learning_rate" : "learning_rate " + learningRate.ToString("R", CultureInfo.InvariantCulture);
            var detail = range.IsBelowLearningRate && range.Contains(number) ? $"is not below {bound}" : "is out of range";
            return Problem(descriptor, value, detail, remedy: Clamp(descriptor, range, number));
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
        return valid ? null : WrongType(descriptor, value, ParameterValueKind.List);
    }

    /// <summary>A list form of <see cref="ParameterKind.IntegerOrRange"/>: two whole numbers in range, the first below the second.</summary>
    private static ConfigurationProblem? CheckRange(ParameterDescriptor descriptor, ParameterValue value)
    {
        var wholeNumbers = value.Items.Length == 2
            && value.Items.All(item => item.Kind == ParameterValueKind.Number
                && double.IsFinite(item.NumberValue)
                && item.NumberValue == Math.Floor(item.NumberValue)
                && Math.Abs(item.NumberValue) <= CommonParameters.MaxSteps
                && descriptor.Range?.Contains(item.NumberValue) != false);
        if (!wholeNumbers)
        {
            return WrongType(descriptor, value, ParameterValueKind.List);
        }

        return value.Items[0].NumberValue < value.Items[1].NumberValue
            ? null
            : Problem(descriptor, value, "is not valid", "; the range [t0, t1) is empty unless t0 < t1");
    }

    /// <summary>A list of finite numbers (<see cref="ParameterKind.NumberList"/>), each in range.</summary>
    private static ConfigurationProblem? CheckNumberList(ParameterDescriptor descriptor, ParameterValue value)
    {
        var valid = value.Kind == ParameterValueKind.List
            && !value.Items.IsEmpty
            && value.Items.All(item => item.Kind == ParameterValueKind.Number
                && double.IsFinite(item.NumberValue)
                && Math.Abs(item.NumberValue) <= CommonParameters.MaxNumber
                && descriptor.Range?.Contains(item.NumberValue) != false);
        return valid ? null : WrongType(descriptor, value, ParameterValueKind.List, value.Kind == ParameterValueKind.List ? $"; each at most {MaxNumberText} in magnitude" : null);
    }

    private static ConfigurationProblem? CheckPoints(ParameterDescriptor descriptor, ParameterValue value)
    {
        if (value.Kind != ParameterValueKind.List || value.Items.Length < 2)
        {
            return WrongType(descriptor, value, ParameterValueKind.List, value.Kind == ParameterValueKind.List ? "; an interpolation needs two points at least" : null);
        }

        var bad = value.Items.Select((point, index) => (point, index)).FirstOrDefault(entry => !IsPoint(entry.point));
        return bad.point is null
            ? null
            : Problem(descriptor, value, "is not valid",
                $"; point {bad.index} ({bad.point}) is not a [step, learning_rate] pair with a whole step in [0, {MaxStepsText}] and a learning rate in [0, {MaxNumberText}]");
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
        return Problem(descriptor, value, "is not valid", hint: hint,
            remedy: caseless is null ? null : ConfigurationRemedy.Set(descriptor.Key, ParameterValue.FromText(caseless), "spelled as the choice is spelled"));
    }

    /// <summary>
    /// A value of another type says which type it is; one of the right type (a list with bad items) is "not valid".
    /// </summary>
    private static ConfigurationProblem WrongType(ParameterDescriptor descriptor, ParameterValue value, ParameterValueKind? expected = null, string? advice = null) =>
        Problem(descriptor, value, value.Kind == expected ? "is not valid" : "is " + TypeName(value.Kind), advice);

    private static string TypeName(ParameterValueKind kind) => kind switch
    {
        ParameterValueKind.Number => "a number",
        ParameterValueKind.Text => "a string",
        ParameterValueKind.Boolean => "a boolean",
        ParameterValueKind.List => "a list",
        ParameterValueKind.Object => "an object",
        _ => "null",
    };

    /// <summary>The one shape of every message: <c>{value} {detail}: expected {valid values}{advice}.{hint}</c>.</summary>
    private static ConfigurationProblem Problem(ParameterDescriptor descriptor, ParameterValue value, string detail, string? advice = null, string? hint = null, ConfigurationRemedy? remedy = null) =>
        ConfigurationProblem.ForKey(descriptor.Key, value, $"{value} {detail}: expected {descriptor.ValidValues}{advice}.{hint}", remedy);
}
