namespace Schedulers;

/// <summary>
/// Epoch units over any schedule (<c>steps_per_epoch</c>): the inner schedule was built from a configuration whose
/// lengths are epochs, and it advances once per epoch, <c>lr(step) = inner(floor(step / steps_per_epoch))</c>: PyTorch's
/// <c>scheduler.step()</c> once per epoch, timm's <c>t_in_epochs=True</c>, a Keras schedule stepped by a per-epoch
/// callback. One wrapper serves every step-driven scheduler, so a scheduler knows nothing of epochs. What it reports
/// (<see cref="LearningRateSchedule.TotalSteps"/>, <see cref="LearningRateSchedule.WarmupSteps"/>, phase boundaries,
/// constant runs) is in optimizer steps; its configuration is the inner one, <c>steps_per_epoch</c> included.
/// </summary>
internal sealed class EpochSchedule : LearningRateSchedule
{
    private readonly LearningRateSchedule _inner;
    private readonly long _stepsPerEpoch;

    private EpochSchedule(LearningRateSchedule inner, long stepsPerEpoch)
        : base(inner.Descriptor, inner.Options, inner.LearningRate, inner.TotalSteps is { } total ? InSteps(total, stepsPerEpoch) : null, InSteps(inner.WarmupSteps, stepsPerEpoch))
    {
        _inner = inner;
        _stepsPerEpoch = stepsPerEpoch;
    }

    /// <inheritdoc />
    public override IReadOnlyList<long> PhaseBoundaries =>
        [.. _inner.PhaseBoundaries.TakeWhile(epoch => epoch <= long.MaxValue / _stepsPerEpoch).Select(epoch => epoch * _stepsPerEpoch)];

    private protected override long StepsPerEpochValue => _stepsPerEpoch;

    private protected override CourseEnd? OwnCourseEnd => _inner.CourseEnd is { } end ? end with { Step = InSteps(end.Step, _stepsPerEpoch) } : null;

    private protected override bool CanWriteJson => _inner.IsSerializable;

    /// <summary>The schedule in epoch units; one step per epoch is the schedule itself.</summary>
    public static LearningRateSchedule Over(LearningRateSchedule inner, long stepsPerEpoch) =>
        stepsPerEpoch == 1 ? inner : new EpochSchedule(inner, stepsPerEpoch);

    /// <summary>The value holds to the end of the epoch, and on to the inner schedule's next change.</summary>
    internal override long ConstantRunEnd(long step) => InSteps(_inner.ConstantRunEnd(step / _stepsPerEpoch), _stepsPerEpoch);

    private protected override double LearningRateAt(long step) => _inner.LearningRateOfChild(step / _stepsPerEpoch);

    /// <summary>
    /// Each epoch's value is computed once, by the inner schedule's own kernels over the epochs the range touches
    /// (written into the end of the destination, which holds at least one element per epoch), then spread over its run
    /// of steps (<see cref="Kernels.Staircase"/>). Nothing is allocated.
    /// </summary>
    private protected override void Fill<T>(long firstStep, Span<T> destination)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        var firstEpoch = firstStep / _stepsPerEpoch;
        var lastEpoch = (firstStep + destination.Length - 1) / _stepsPerEpoch;
        var epochs = (int)(lastEpoch - firstEpoch + 1);
        var firstRun = (int)Math.Min(destination.Length, _stepsPerEpoch - (firstStep % _stepsPerEpoch));
        _inner.FillChild(firstEpoch, destination[^epochs..]);
        Kernels.Staircase(destination, epochs, firstRun, _stepsPerEpoch);
    }

    /// <summary>A length in epochs as steps; past <see cref="long.MaxValue"/> (no step reaches it) it saturates.</summary>
    private static long InSteps(long epochs, long stepsPerEpoch) =>
        epochs > long.MaxValue / stepsPerEpoch ? long.MaxValue : epochs * stepsPerEpoch;
}
