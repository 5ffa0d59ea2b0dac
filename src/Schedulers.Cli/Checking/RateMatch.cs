namespace Schedulers.Cli;

/// <summary>
/// When a logged rate is the curve's: within the relative tolerance, or exactly the curve's value rounded to float32
/// (TensorBoard and W&amp;B keep float32, and a rate below float32's normal range loses relative precision there).
/// </summary>
internal static class RateMatch
{
    public static double RelativeError(double logged, double expected) =>
        expected == 0 ? (logged == 0 ? 0 : double.PositiveInfinity) : Math.Abs(logged - expected) / Math.Abs(expected);

    public static bool Matches(double logged, double expected, double tolerance) =>
        RelativeError(logged, expected) <= tolerance || logged == (double)(float)expected;
}
