namespace Schedulers.Samples;

/// <summary>What the training loop needs from a scheduler, over the library's two kinds: one value, a step, an end of epoch, a state.</summary>
public interface ILearningRateSource
{
    /// <summary>Gets the learning rate of the next optimizer step.</summary>
    double Value { get; }

    /// <summary>Moves to the next optimizer step.</summary>
    void AdvanceStep();

    /// <summary>Reports the epoch's validation loss.</summary>
    /// <param name="validationLoss">The loss.</param>
    void EndOfEpoch(double validationLoss);

    /// <summary>The scheduler's state, as JSON.</summary>
    /// <returns>The JSON text.</returns>
    string SaveState();

    /// <summary>Resumes from a state written by <see cref="SaveState"/>.</summary>
    /// <param name="json">The JSON text.</param>
    void RestoreState(string json);
}

/// <summary>A schedule of the step (constant, warmup + cosine, ...) through <see cref="ScheduleStepper"/>.</summary>
public sealed class ScheduleSource(LearningRateSchedule schedule) : ILearningRateSource
{
    private readonly ScheduleStepper _stepper = new(schedule);

    /// <inheritdoc />
    public double Value => _stepper.Value;

    /// <inheritdoc />
    public void AdvanceStep() => _stepper.Step();

    /// <inheritdoc />
    public void EndOfEpoch(double validationLoss)
    {
    }

    /// <inheritdoc />
    public string SaveState() => _stepper.SaveState().ToJson();

    /// <inheritdoc />
    public void RestoreState(string json) => _stepper.RestoreState(SchedulerState.FromJson(json));
}

/// <summary>ReduceLROnPlateau through <see cref="PlateauScheduler"/>: its warmup follows the steps, its reductions the validation loss.</summary>
public sealed class PlateauSource(PlateauScheduler plateau) : ILearningRateSource
{
    /// <inheritdoc />
    public double Value => plateau.Value;

    /// <inheritdoc />
    public void AdvanceStep() => plateau.Step();

    /// <inheritdoc />
    public void EndOfEpoch(double validationLoss) => plateau.Report(validationLoss);

    /// <inheritdoc />
    public string SaveState() => plateau.SaveState().ToJson();

    /// <inheritdoc />
    public void RestoreState(string json) => plateau.RestoreState(SchedulerState.FromJson(json));
}
