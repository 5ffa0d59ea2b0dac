using System.Globalization;

namespace Schedulers;

/// <summary>
/// One group of parameters a schedule drives (PyTorch's param group; Kohya's UNet and text-encoder learning rates): its
/// value is its base value times the shared schedule's factor, or the value of a schedule of its own. The value can be
/// any scalar hyperparameter (a learning rate, a momentum, a weight decay). Immutable.
/// </summary>
public sealed class ParameterGroup
{
    private ParameterGroup(string name, double baseValue, LearningRateSchedule? schedule, double? minValue)
    {
        Name = name;
        BaseValue = baseValue;
        Schedule = schedule;
        MinValue = minValue;
    }

    /// <summary>Gets the group's name, used in messages and saved states.</summary>
    public string Name { get; }

    /// <summary>Gets the group's value where the shared schedule's factor is 1 (its peak), or its own schedule's learning rate.</summary>
    public double BaseValue { get; }

    /// <summary>Gets the group's own schedule, or <see langword="null"/> when it follows the shared one.</summary>
    public LearningRateSchedule? Schedule { get; }

    /// <summary>Gets the lowest value a <see cref="PlateauScheduler"/> may reduce this group to (PyTorch's per-group <c>min_lr</c>), or <see langword="null"/> for the configuration's <c>min_lr</c>.</summary>
    public double? MinValue { get; }

    /// <summary>A group that follows the shared schedule, scaled to its own base value.</summary>
    /// <param name="name">The group's name.</param>
    /// <param name="baseValue">Its value at the schedule's peak: finite and &gt; 0.</param>
    /// <param name="minValue">For a <see cref="PlateauScheduler"/> only: the floor of its reductions, finite, &gt;= 0 and &lt;= <paramref name="baseValue"/>.</param>
    /// <returns>The group.</returns>
    /// <exception cref="ScheduleConfigurationException">A value is out of range; every problem is listed.</exception>
    public static ParameterGroup Scaled(string name, double baseValue, double? minValue = null)
    {
        Guard.NotNull(name);
        var problems = new List<ConfigurationProblem>();
        if (!double.IsFinite(baseValue) || baseValue <= 0)
        {
            problems.Add(ConfigurationProblem.ForKey($"groups.{name}.base_value", ParameterValue.FromNumber(baseValue), "must be finite and > 0."));
        }

        if (minValue is { } floor && (!double.IsFinite(floor) || floor < 0 || floor > baseValue))
        {
            problems.Add(ConfigurationProblem.ForKey($"groups.{name}.min_value", ParameterValue.FromNumber(floor),
                $"must be finite, >= 0 and <= the base value ({baseValue.ToString("R", CultureInfo.InvariantCulture)})."));
        }

        Guard.ThrowIfAny([.. problems]);
        return new ParameterGroup(name, baseValue, null, minValue);
    }

    /// <summary>A group with a schedule of its own (its values are that schedule's).</summary>
    /// <param name="name">The group's name.</param>
    /// <param name="schedule">The group's schedule.</param>
    /// <returns>The group.</returns>
    public static ParameterGroup Scheduled(string name, LearningRateSchedule schedule)
    {
        Guard.NotNull(name);
        Guard.NotNull(schedule);
        return new ParameterGroup(name, schedule.LearningRate, schedule, null);
    }

    /// <inheritdoc />
    public override string ToString() => Schedule is null
        ? $"{Name}: base {BaseValue.ToString("R", CultureInfo.InvariantCulture)}"
        : $"{Name}: {Schedule}";
}
