using System.Globalization;

namespace Schedulers.Cli;

/// <summary>
/// Numbers for people in one-line summaries: at most six significant digits, learning-rate sized values in short
/// scientific form (<c>3e-4</c>, <c>1.5e-5</c>), others as plain decimals (<c>0.01</c>, <c>2.5</c>, <c>300</c>). A
/// value such as <c>0.00030000000000000003</c>, an ulp away from what the user wrote, reads as what they wrote.
/// </summary>
internal static class HumanNumber
{
    /// <summary>Below this magnitude a plain decimal is mostly zeros: <c>0.0003</c> reads better as <c>3e-4</c>.</summary>
    private const double SmallestPlain = 1e-2;

    /// <summary>From this magnitude on a plain decimal is a row of digits to count.</summary>
    private const double LargestPlain = 1e6;

    public static string Format(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value == 0 ? "0" : value.ToString(CultureInfo.InvariantCulture);
        }

        // Rounded first, so that the notation follows the printed value (0.0099999999 prints as 0.01, not 1e-2).
        var rounded = double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var magnitude = Math.Abs(rounded);
        return magnitude is < SmallestPlain or >= LargestPlain
            ? rounded.ToString("0.#####e0", CultureInfo.InvariantCulture)
            : rounded.ToString("G6", CultureInfo.InvariantCulture);
    }

    /// <summary>Formats a parameter's value: numbers as <see cref="Format(double)"/>, lists item by item, text without quotes, the rest as written.</summary>
    public static string Format(ParameterValue value) => value.Kind switch
    {
        ParameterValueKind.Number => Format(value.NumberValue),
        ParameterValueKind.List => $"[{string.Join(", ", value.Items.Select(Format))}]",
        ParameterValueKind.Text => value.TextValue!,
        _ => value.ToString(),
    };
}
