using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Schedulers;

/// <summary>
/// PyTorch's <c>ReduceLROnPlateau</c> with its argument names and semantics, for a training loop: report a metric with
/// <see cref="Report"/> (PyTorch's <c>step(metrics)</c>) and each group's value is multiplied by <c>factor</c> (not below
/// its <c>min_lr</c>) when more than <c>patience</c> reports in a row bring no improvement, followed by <c>cooldown</c>
/// reports of rest. Unlike PyTorch it can follow a linear warmup: <see cref="Step"/> advances the training step, and
/// metrics reported before the warmup ends are not counted. Bad metrics (NaN, infinities) are refused and leave the state
/// untouched. Not thread-safe (one training loop owns it).
/// </summary>
public sealed class PlateauScheduler
{
    private readonly PlateauSettings _settings;
    private readonly double[] _reduced;
    private readonly double[] _floors;
    private readonly string _fingerprint;

    private readonly StateSetup _setup;

    private PlateauScheduler(PlateauSettings settings, ImmutableArray<ParameterGroup> groups)
    {
        _settings = settings;
        Groups = groups;
        _reduced = [.. groups.Select(group => group.BaseValue)];
        _floors = [.. groups.Select(group => group.MinValue ?? settings.MinLr)];
        _setup = StateSetup.Of(settings.Options.ToJson(), groups);
        _fingerprint = ConfigurationFingerprint.Of(SchedulerStateJson.PlateauKind, _setup.Configuration, groups);
        Refresh();
    }

    /// <summary>Gets the configuration, in canonical form.</summary>
    public ScheduleOptions Options => _settings.Options;

    /// <summary>Gets the parameter groups, in the order of <see cref="Values"/>.</summary>
    public ImmutableArray<ParameterGroup> Groups { get; }

    /// <summary>Gets the number of training steps taken (it matters only during the warmup).</summary>
    public long CurrentStep { get; private set; }

    /// <summary>Gets the number of metrics reported.</summary>
    public long Reports { get; private set; }

    /// <summary>Gets the best metric counted so far, or <see langword="null"/> before the first.</summary>
    public double? Best { get; private set; }

    /// <summary>Gets the counted reports without improvement since the last improvement or reduction (PyTorch's <c>num_bad_epochs</c>).</summary>
    public long BadReports { get; private set; }

    /// <summary>Gets the reports of cooldown left (PyTorch's <c>cooldown_counter</c>).</summary>
    public long CooldownLeft { get; private set; }

    /// <summary>Gets the value now of the one parameter group (see <see cref="Values"/> for several).</summary>
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
    /// Gets each group's value now, in the order of <see cref="Groups"/>: the warmup's during the warmup, then the value
    /// after the reductions so far. A snapshot that does not change when the scheduler moves on (each step or report
    /// makes a new one), so it can be kept, shared or read from another thread.
    /// </summary>
    public ImmutableArray<double> Values { get; private set; }

    /// <summary>Creates a plateau scheduler from a <c>ReduceLROnPlateau</c> configuration.</summary>
    /// <param name="options">The configuration (<c>"scheduler": "ReduceLROnPlateau"</c>).</param>
    /// <param name="groups">Parameter groups with their base values and, optionally, floors; with none, one group at <c>learning_rate</c>.</param>
    /// <returns>The scheduler, before any metric.</returns>
    /// <exception cref="ScheduleConfigurationException">The configuration or the groups are invalid; every problem is listed.</exception>
    public static PlateauScheduler Create(ScheduleOptions options, params ParameterGroup[] groups)
    {
        Guard.NotNull(options);
        Guard.NotNull(groups);
        var outcome = ScheduleValidator.Check(options);
        var problems = outcome.Problems.ToList();
        if (outcome.Definition is { } definition && definition is not ReduceLROnPlateau)
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleOptions.SchedulerKey, ParameterValue.FromText(definition.Descriptor.Name),
                $"is a schedule of the step, not ReduceLROnPlateau: use ScheduleStepper for it."));
        }

        var chosen = groups.ToImmutableArray();
        foreach (var group in chosen.Where(group => group.Schedule is not null))
        {
            problems.Add(ConfigurationProblem.ForKey($"groups.{group.Name}", null,
                "has a schedule of its own, which ReduceLROnPlateau would ignore: give the group a base value (ParameterGroup.Scaled)."));
        }

        TrainingGroups.CheckNames(chosen, problems);
        if (outcome.Problems.IsEmpty && chosen.Length > 0 && chosen.All(group => group.MinValue is not null) && outcome.Parameters.Given(ScheduleKeys.MinLr) is { } minLr)
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.MinLr, minLr,
                "has no effect: every group sets its own floor (MinValue). Remove min_lr, or leave a group's floor unset."));
        }

        Guard.ThrowIfAny([.. problems]);
        var settings = ReduceLROnPlateau.Settings(outcome.Parameters, outcome.Canonical);
        return new PlateauScheduler(settings, chosen.IsEmpty ? [ParameterGroup.Scaled("default", settings.LearningRate)] : chosen);
    }

    /// <summary>Creates a plateau scheduler from JSON such as <c>{"scheduler": "ReduceLROnPlateau", "learning_rate": 0.001, "patience": 5}</c>.</summary>
    /// <param name="json">The configuration.</param>
    /// <param name="groups">Parameter groups, as in <see cref="Create"/>.</param>
    /// <returns>The scheduler.</returns>
    /// <exception cref="ScheduleConfigurationException">The JSON or the configuration is invalid.</exception>
    public static PlateauScheduler FromJson(string json, params ParameterGroup[] groups) => Create(ScheduleOptions.FromJson(json), groups);

    /// <summary>Moves to the next training step (only the warmup depends on it).</summary>
    public void Step()
    {
        Guard.RangeFits(CurrentStep, 2, nameof(CurrentStep));
        CurrentStep++;
        Refresh();
    }

    /// <summary>
    /// Reports a metric (PyTorch's <c>scheduler.step(metric)</c>): counts it against the best so far and reduces the
    /// values when the plateau has lasted more than <c>patience</c> reports. During the warmup the report is not counted.
    /// </summary>
    /// <param name="metric">The metric: finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">The metric is NaN or infinite; nothing changes.</exception>
    public void Report(double metric)
    {
        Guard.MetricFinite(metric, Reports + 1);
        Reports++;
        if (_settings.Warmup.Covers(CurrentStep))
        {
            return;
        }

        // PyTorch's ReduceLROnPlateau.step, in its order.
        if (Best is not { } best || _settings.IsBetter(metric, best))
        {
            Best = metric;
            BadReports = 0;
        }
        else
        {
            BadReports++;
        }

        if (CooldownLeft > 0)
        {
            CooldownLeft--;
            BadReports = 0;
        }

        if (BadReports > _settings.Patience)
        {
            for (var i = 0; i < _reduced.Length; i++)
            {
                var reduced = Math.Max(_reduced[i] * _settings.Factor, _floors[i]);
                if (_reduced[i] - reduced > _settings.Eps)
                {
                    _reduced[i] = reduced;
                }
            }

            CooldownLeft = _settings.Cooldown;
            BadReports = 0;
        }

        Refresh();
    }

    /// <summary>The state to save with a checkpoint.</summary>
    /// <returns>The state.</returns>
    public SchedulerState SaveState() => new(SchedulerStateJson.PlateauKind, _fingerprint, CurrentStep, [.. _reduced], Best, BadReports, CooldownLeft, Reports, _setup);

    /// <summary>Resumes from a saved state.</summary>
    /// <param name="state">A state saved by a plateau scheduler of the same configuration and groups.</param>
    /// <exception cref="SchedulerStateMismatchException">The state was written for something else, or its values and counters do not fit this configuration and these groups; nothing changes.</exception>
    public void RestoreState(SchedulerState state)
    {
        TrainingGroups.CheckState(Guard.NotNull(state), SchedulerStateJson.PlateauKind, _fingerprint, _setup, ReduceLROnPlateau.Name);
        var problems = new List<ConfigurationProblem>();
        if (state.Values.Length != Groups.Length)
        {
            problems.Add(ConfigurationProblem.ForKey("state.values", ParameterValue.FromNumber(state.Values.Length),
                $"holds {state.Values.Length} values for {Groups.Length} groups."));
        }
        else
        {
            for (var i = 0; i < Groups.Length; i++)
            {
                if (state.Values[i] > Groups[i].BaseValue || state.Values[i] < Math.Min(_floors[i], Groups[i].BaseValue))
                {
                    problems.Add(ConfigurationProblem.ForKey($"state.values[{i}]", ParameterValue.FromNumber(state.Values[i]),
                        $"{Text(state.Values[i])} is outside what group {Groups[i].Name} can reach ({Text(_floors[i])} to {Text(Groups[i].BaseValue)})."));
                }
            }
        }

        if (state.CooldownLeft > _settings.Cooldown)
        {
            problems.Add(ConfigurationProblem.ForKey("state.cooldown_left", ParameterValue.FromNumber(state.CooldownLeft), $"{Text(state.CooldownLeft)} exceeds cooldown ({Text(_settings.Cooldown)})."));
        }

        if (state.BadReports > _settings.Patience)
        {
            problems.Add(ConfigurationProblem.ForKey("state.bad_reports", ParameterValue.FromNumber(state.BadReports), $"{Text(state.BadReports)} exceeds patience ({Text(_settings.Patience)})."));
        }

        Guard.ThrowIfStateMismatch([.. problems]);
        CurrentStep = state.Step;
        Reports = state.Reports;
        Best = state.Best;
        BadReports = state.BadReports;
        CooldownLeft = state.CooldownLeft;
        state.Values.CopyTo(_reduced);
        Refresh();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"ReduceLROnPlateau after {Reports.ToString(CultureInfo.InvariantCulture)} reports: {string.Join(", ", Groups.Select((group, i) => $"{group.Name} {Values[i].ToString("R", CultureInfo.InvariantCulture)}"))}";

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private void Refresh()
    {
        var warming = _settings.Warmup.Covers(CurrentStep);
        var ramp = warming ? _settings.Warmup.LearningRateAt(CurrentStep) / _settings.LearningRate : 1.0;
        var values = new double[Groups.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = warming ? Groups[i].BaseValue * ramp : _reduced[i];
        }

        Values = ImmutableCollectionsMarshal.AsImmutableArray(values);
    }
}
