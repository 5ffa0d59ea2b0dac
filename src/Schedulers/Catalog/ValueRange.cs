using System.Globalization;

namespace Schedulers;

/// <summary>
/// The interval a numeric parameter must lie in. The upper bound may be the configuration's own
/// <c>learning_rate</c> (for end and start learning rates), which is only known when the configuration is checked.
/// </summary>
public sealed class ValueRange
{
    private ValueRange(double minimum, bool minimumInclusive, double maximum, bool maximumInclusive, bool belowLearningRate)
    {
        Minimum = minimum;
        MinimumInclusive = minimumInclusive;
        Maximum = maximum;
        MaximumInclusive = maximumInclusive;
        IsBelowLearningRate = belowLearningRate;
    }

    /// <summary>Gets the lower bound (negative infinity when unbounded).</summary>
    public double Minimum { get; }

    /// <summary>Gets whether the lower bound itself is valid.</summary>
    public bool MinimumInclusive { get; }

    /// <summary>Gets the upper bound (positive infinity when unbounded, or when it is <c>learning_rate</c>).</summary>
    public double Maximum { get; }

    /// <summary>Gets whether the upper bound itself is valid.</summary>
    public bool MaximumInclusive { get; }

    /// <summary>Gets whether the value must also be below the configuration's <c>learning_rate</c>.</summary>
    public bool IsBelowLearningRate { get; }

    internal static ValueRange AtLeast(double minimum) => new(minimum, true, double.PositiveInfinity, false, false);

    internal static ValueRange GreaterThan(double minimum) => new(minimum, false, double.PositiveInfinity, false, false);

    internal static ValueRange Between(double minimum, bool minimumInclusive, double maximum, bool maximumInclusive) =>
        new(minimum, minimumInclusive, maximum, maximumInclusive, false);

    internal static ValueRange FromZeroToLearningRate() => new(0, true, double.PositiveInfinity, false, true);

    /// <summary>Gets whether <paramref name="value"/> lies in the range, given the configuration's learning rate.</summary>
    /// <param name="value">The value.</param>
    /// <param name="learningRate">The configuration's <c>learning_rate</c>, or NaN when it is not known.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public bool Contains(double value, double learningRate = double.NaN) =>
        (MinimumInclusive ? value >= Minimum : value > Minimum)
        && (MaximumInclusive ? value <= Maximum : value < Maximum)
        && (!IsBelowLearningRate || double.IsNaN(learningRate) || value < learningRate);

    /// <summary>Gets the range in interval notation, for example <c>[0, 1)</c>, <c>&gt; 0</c> or <c>[0, learning_rate)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (IsBelowLearningRate)
        {
            return $"{(MinimumInclusive ? "[" : "(")}{Format(Minimum)}, learning_rate)";
        }

        if (double.IsPositiveInfinity(Maximum))
        {
            return (MinimumInclusive ? ">= " : "> ") + Format(Minimum);
        }

        return $"{(MinimumInclusive ? "[" : "(")}{Format(Minimum)}, {Format(Maximum)}{(MaximumInclusive ? "]" : ")")}";
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
