using System.Collections.Immutable;

namespace Schedulers;

/// <summary>
/// What a training loop saves with a checkpoint to resume a <see cref="ScheduleStepper"/> or a
/// <see cref="PlateauScheduler"/> exactly: the step, the plateau's counters and values, and a fingerprint of the
/// configuration it was written for (restoring into another configuration is refused). Immutable; JSON round-trips it
/// bit for bit.
/// </summary>
public sealed class SchedulerState
{
    internal SchedulerState(string kind, string fingerprint, long step, ImmutableArray<double> values, double? best, long badReports, long cooldownLeft, long reports = 0, StateSetup? setup = null)
    {
        Setup = setup;
        Reports = reports;
        Kind = kind;
        Fingerprint = fingerprint;
        Step = step;
        Values = values;
        Best = best;
        BadReports = badReports;
        CooldownLeft = cooldownLeft;
    }

    /// <summary>Gets what wrote the state: <c>schedule</c> (a <see cref="ScheduleStepper"/>) or <c>ReduceLROnPlateau</c>.</summary>
    public string Kind { get; }

    /// <summary>Gets the SHA-256 of the configuration and groups the state was written for, in hexadecimal.</summary>
    public string Fingerprint { get; }

    /// <summary>Gets the configuration and groups the state was written for (absent from states saved before they were kept).</summary>
    internal StateSetup? Setup { get; }

    /// <summary>Gets the number of steps taken.</summary>
    public long Step { get; }

    /// <summary>Gets each group's value after the reductions so far (a plateau's state; empty for a schedule's).</summary>
    public ImmutableArray<double> Values { get; }

    /// <summary>Gets the number of metrics reported (a plateau's state).</summary>
    public long Reports { get; }

    /// <summary>Gets the best metric so far, or <see langword="null"/> before the first counted report (a plateau's state).</summary>
    public double? Best { get; }

    /// <summary>Gets the reports without improvement since the last improvement or reduction (PyTorch's <c>num_bad_epochs</c>).</summary>
    public long BadReports { get; }

    /// <summary>Gets the reports of cooldown left (PyTorch's <c>cooldown_counter</c>).</summary>
    public long CooldownLeft { get; }

    /// <summary>Reads a state written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ScheduleConfigurationException">The text is not a valid state; every problem is listed.</exception>
    public static SchedulerState FromJson(string json) => SchedulerStateJson.Read(Guard.NotNull(json));

    /// <summary>Writes the state as one JSON object, numbers in round-trip form.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => SchedulerStateJson.Write(this);

    /// <inheritdoc />
    public override string ToString() => ToJson();
}
