using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Schedulers;

/// <summary>
/// The one place the library raises exceptions for bad input, so that every refusal has the same shape. Throwing
/// helpers are kept out of line so that the checks on hot paths stay small.
/// </summary>
internal static class Guard
{
    public static T NotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        if (value is null)
        {
            ThrowNull(name);
        }

        return value;
    }

    public static ScheduleConfigurationException Refusal(params ImmutableArray<ConfigurationProblem> problems) => new(problems);

    public static void ThrowIfAny(ImmutableArray<ConfigurationProblem> problems)
    {
        if (!problems.IsEmpty)
        {
            throw Refusal(problems);
        }
    }

    public static void StepNotNegative(long step, [CallerArgumentExpression(nameof(step))] string? name = null)
    {
        if (step < 0)
        {
            ThrowStepNegative(step, name);
        }
    }

    /// <summary>Refuses a range whose last step would not fit in a <see cref="long"/>.</summary>
    public static void RangeFits(long firstStep, int length, [CallerArgumentExpression(nameof(firstStep))] string? name = null)
    {
        StepNotNegative(firstStep, name);
        if (length > 0 && firstStep > long.MaxValue - length)
        {
            ThrowRangeTooLong(firstStep, length, name);
        }
    }

    /// <summary>Refuses to write a schedule as JSON when it holds C# code that a configuration cannot carry.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowNotSerializable(string name) =>
        throw new NotSupportedException(
            $"This {name} schedule cannot be written as JSON: it holds a C# function (LambdaLR), which a configuration file cannot carry. Describe the curve with a named scheduler, or with 'interpolated' control points, to save it.");

    /// <summary>
    /// Refuses a value returned by a user's factor function (LambdaLR's lr_lambda) that is not a valid factor. The
    /// configuration was valid: the code misbehaved at run time, so this is not a configuration refusal.
    /// </summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowBadFactor(long step, double factor) =>
        throw new InvalidOperationException(
            $"LambdaLR's lr_lambda returned {factor.ToString("R", CultureInfo.InvariantCulture)} at step {step.ToString(CultureInfo.InvariantCulture)}: a factor must be finite and >= 0.");

    /// <summary>
    /// Refuses to read one value from a stepper of several parameter groups: the first group's value would silently
    /// stand for all of them.
    /// </summary>
    public static void SingleGroup(ImmutableArray<ParameterGroup> groups)
    {
        if (groups.Length > 1)
        {
            ThrowSeveralGroups(groups);
        }
    }

    /// <summary>Refuses a metric that is NaN or infinite (PlateauScheduler.Report); <paramref name="report"/> counts from 1.</summary>
    public static void MetricFinite(double metric, long report, [CallerArgumentExpression(nameof(metric))] string? name = null)
    {
        if (!double.IsFinite(metric))
        {
            ThrowMetricNotFinite(metric, report, name);
        }
    }

    /// <summary>Refuses a saved state that does not fit the scheduler it is restored into, listing every problem.</summary>
    public static void ThrowIfStateMismatch(params ImmutableArray<ConfigurationProblem> problems)
    {
        if (!problems.IsEmpty)
        {
            throw new SchedulerStateMismatchException(problems);
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowSeveralGroups(ImmutableArray<ParameterGroup> groups) =>
        throw new InvalidOperationException(
            $"Value is the value of a single parameter group, and there are {groups.Length.ToString(CultureInfo.InvariantCulture)} ({string.Join(", ", groups.Select(group => group.Name))}): read Values[i], in the order of Groups.");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNull(string? name) => throw new ArgumentNullException(name);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowStepNegative(long step, string? name) =>
        throw new ArgumentOutOfRangeException(name, step, $"A step is a count of optimizer steps already taken, so it must be >= 0; got {step}.");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowRangeTooLong(long firstStep, int length, string? name) =>
        throw new ArgumentOutOfRangeException(name, firstStep, $"Steps {firstStep} .. {firstStep} + {length} - 1 run past the largest step ({long.MaxValue}).");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowMetricNotFinite(double metric, long report, string? name) =>
        throw new ArgumentOutOfRangeException(name, metric,
            $"Report {report.ToString(CultureInfo.InvariantCulture)} is not a finite number; a NaN or infinite loss usually means the run diverged. Nothing was changed.");
}
