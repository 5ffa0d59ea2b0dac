using System.Globalization;

namespace Schedulers.Cli;

/// <summary>
/// One number notation per plot axis, chosen from the range the axis shows: label by label, a general format mixes
/// <c>0.0001</c> with <c>8E-05</c> and <c>500,000</c> with <c>1e6</c> on the same axis, which reads as two scales.
/// </summary>
internal static class AxisNotation
{
    /// <summary>Learning rates: scientific (<c>8e-5</c>, <c>1e-4</c>) when the largest is below 0.01 or from 10,000 up; otherwise plain decimals.</summary>
    public static Func<double, string> ForRates(double largestMagnitude) =>
        largestMagnitude is > 0 and < 1e-2 or >= 1e4 ? Scientific : Decimal;

    /// <summary>Steps: scientific (<c>5e5</c>, <c>1e6</c>) when the axis reaches a million; otherwise grouped digits (<c>500,000</c>).</summary>
    public static Func<double, string> ForSteps(double lastStep) =>
        Math.Abs(lastStep) >= 1e6 ? Scientific : Grouped;

    private static string Scientific(double value) =>
        value == 0 ? "0" : value.ToString("0.##e0", CultureInfo.InvariantCulture);

    private static string Decimal(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Grouped(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
