using System.Globalization;

namespace Schedulers.Cli;

/// <summary>
/// What every log reader accepts as a step and as a learning rate: a step is a whole number >= 0 that fits the library's
/// steps (exporters may write it as <c>10.0</c>); a rate is a finite number >= 0.
/// </summary>
internal static class LogValues
{
    // 2^63, the first double past long.MaxValue.
    private const double TwoToThe63 = 9223372036854775808d;

    public static bool TryStep(double value, out long step)
    {
        var whole = value is >= 0 and < TwoToThe63 && value == Math.Floor(value);
        step = whole ? (long)value : 0;
        return whole;
    }

    public static bool TryStep(string text, out long step) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out step)
        || (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && TryStep(value, out step));

    public static bool IsRate(double value) => double.IsFinite(value) && value >= 0;

    public static bool TryRate(string text, out double rate) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out rate) && IsRate(rate);

    /// <summary>Quotes a value from the file, cut short when long, for a message.</summary>
    public static string Quote(string text) => text.Length <= 40 ? $"'{text}'" : $"'{text[..40]}...'";
}
