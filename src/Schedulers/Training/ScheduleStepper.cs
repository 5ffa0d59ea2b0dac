using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Schedulers;

/// <summary>
/// A training loop's view of a schedule: the current step, each parameter group's value at it, <see cref="Step"/>, and a
/// small state to save with a checkpoint. The schedule is a pure function of the step, so restoring needs no replay: a
/// resumed run sees the same values as an uninterrupted one. Not thread-safe (one training loop owns it), unlike the
/// schedules it reads.
/// </summary>
/// <example>
/// <code>
/// var stepper = new ScheduleStepper(LearningRateSchedule.FromJson(json));
/// for (var i = 0; i &lt; steps; i++) { optimizer.LearningRate = stepper.Value; Train(); stepper.Step(); }
/// </code>
/// </example>
public sealed class ScheduleStepper
{
    private readonly string _fingerprint;

    private readonly StateSetup _setup;

    /// <summary>Initializes a new instance of the <see cref="ScheduleStepper"/> class at step 0.</summary>
    /// <param name="schedule">The schedule; with no groups, the one value is its learning rate.</param>
    /// <param name="groups">Parameter groups: scaled by the schedule's factor (<see cref="ParameterGroup.Scaled"/>) or with schedules of their own.</param>
    /// <exception cref="ScheduleConfigurationException">A group sets a plateau-only floor, or two groups share a name.</exception>
    public ScheduleStepper(LearningRateSchedule schedule, params ParameterGroup[] groups)
    {
        Schedule = Guard.NotNull(schedule);
        Guard.NotNull(groups);
        Groups = groups.Length == 0 ? [ParameterGroup.Scaled("default", schedule.LearningRate)] : [.. groups];
        var problems = new List<ConfigurationProblem>();
        foreach (var group in Groups.Where(group => group.MinValue is not null))
        {
            problems.Add(ConfigurationProblem.ForKey($"groups.{group.Name}.min_value", ParameterValue.FromNumber(group.MinValue!.Value),
                "has no effect on a schedule: it is the floor of ReduceLROnPlateau's reductions. A schedule's floor is part of its configuration (min_lr, eta_min, lr_end)."));
        }

        TrainingGroups.CheckNames(Groups, problems);
        Guard.ThrowIfAny([.. problems]);
        _setup = StateSetup.Of(ConfigurationFingerprint.Describe(schedule), Groups);
        _fingerprint = ConfigurationFingerprint.Of(SchedulerStateJson.ScheduleKind, _setup.Configuration, Groups);
        Refresh();
    }

    /// <summary>Gets the shared schedule.</summary>
    public LearningRateSchedule Schedule { get; }

    /// <summary>Gets the parameter groups, in the order of <see cref="Values"/>.</summary>
    public ImmutableArray<ParameterGroup> Groups { get; }

    /// <summary>Gets the number of steps taken: the values are those of this step.</summary>
    public long CurrentStep { get; private set; }

    /// <summary>Gets the value at <see cref="CurrentStep"/> of the one parameter group (see <see cref="Values"/> for several).</summary>
    /// <exception cref="InvalidOperationException">There are several groups: read <see cref="Values"/>.</exception>
    public double Value
    {
        get
        {
            Guard.SingleGroup(Groups);
            return Values[0];
        }
    }

    /// <summary>
    /// Gets each group's value at <see cref="CurrentStep"/>, in the order of <see cref="Groups"/>: a snapshot that does not
    /// change when the stepper moves on (each step makes a new one), so it can be kept, shared or read from another thread.
    /// </summary>
    public ImmutableArray<double> Values { get; private set; }

    /// <summary>Moves to the next step.</summary>
    public void Step()
    {
        Guard.RangeFits(CurrentStep, 2, nameof(CurrentStep));
        CurrentStep++;
        Refresh();
    }

    /// <summary>The state to save with a checkpoint.</summary>
    /// <returns>The state.</returns>
    public SchedulerState SaveState() => new(SchedulerStateJson.ScheduleKind, _fingerprint, CurrentStep, [], null, 0, 0, setup: _setup);

    /// <summary>Resumes at the saved step.</summary>
    /// <param name="state">A state saved by a stepper of the same schedule and groups.</param>
    /// <exception cref="SchedulerStateMismatchException">The state was written by a plateau scheduler, or for another schedule or other groups (each difference named); nothing changes.</exception>
    public void RestoreState(SchedulerState state)
    {
        TrainingGroups.CheckState(Guard.NotNull(state), SchedulerStateJson.ScheduleKind, _fingerprint, _setup, Schedule.Name);
        CurrentStep = state.Step;
        Refresh();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Schedule.Name} at step {CurrentStep.ToString(CultureInfo.InvariantCulture)}: {string.Join(", ", Groups.Select((group, i) => $"{group.Name} {Values[i].ToString("R", CultureInfo.InvariantCulture)}"))}";

    private void Refresh()
    {
        var factor = Schedule.GetLearningRate(CurrentStep) / Schedule.LearningRate;
        var values = new double[Groups.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var group = Groups[i];
            values[i] = group.Schedule is { } own ? own.GetLearningRate(CurrentStep) : group.BaseValue * factor;
        }

        Values = ImmutableCollectionsMarshal.AsImmutableArray(values);
    }
}
