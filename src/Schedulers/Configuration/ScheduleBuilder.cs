namespace Schedulers;

/// <summary>
/// A fluent way to write a configuration in code. Each call records a value exactly as given; nothing is checked until
/// <see cref="Build"/>, which reports every problem at once. The builder can be reused: each build snapshots it.
/// </summary>
public sealed class ScheduleBuilder
{
    private ScheduleOptions _options = ScheduleOptions.Empty;

    /// <summary>Gets the configuration recorded so far.</summary>
    public ScheduleOptions Options => _options;

    /// <summary>Sets <c>scheduler</c>.</summary>
    /// <param name="name">A name from <see cref="SchedulerCatalog"/>, for example <c>cosine</c>.</param>
    /// <returns>This builder.</returns>
    public ScheduleBuilder WithScheduler(string name) => With(ScheduleOptions.SchedulerKey, ParameterValue.FromText(name));

    /// <summary>
    /// Sets <c>learning_rate</c>, the peak (base) learning rate. OneCycleLR and CyclicLR also take it as <c>max_lr</c> /
    /// <c>base_lr</c>; the Keras family names it <c>initial_learning_rate</c> (<see cref="WithInitialLearningRate"/>).
    /// </summary>
    /// <param name="value">A finite number &gt; 0.</param>
    /// <returns>This builder.</returns>
    public ScheduleBuilder WithLearningRate(double value) => With(ScheduleKeys.LearningRate, value);

    /// <summary>Sets <c>initial_learning_rate</c>, the Keras family's name for the base learning rate (the rate at step 0).</summary>
    /// <param name="value">A finite number &gt; 0 (&gt;= 0 for CosineDecay's warmup start).</param>
    /// <returns>This builder.</returns>
    public ScheduleBuilder WithInitialLearningRate(double value) => With(ScheduleKeys.InitialLearningRate, value);

    /// <summary>Sets <c>total_steps</c>, the training length.</summary>
    /// <param name="value">An integer &gt;= 1.</param>
    /// <returns>This builder.</returns>
    public ScheduleBuilder WithTotalSteps(long value) => With(ScheduleKeys.TotalSteps, value);

    /// <summary>Sets <c>warmup_steps</c>.</summary>
    /// <param name="value">An integer &gt;= 0.</param>
    /// <returns>This builder.</returns>
    public ScheduleBuilder WithWarmupSteps(long value) => With(ScheduleKeys.WarmupSteps, value);

    /// <summary>Sets <c>warmup_ratio</c>: <c>warmup_steps = ceil(warmup_ratio * total_steps)</c>.</summary>
    /// <param name="value">A number in [0, 1).</param>
    /// <returns>This builder.</returns>
    public ScheduleBuilder WithWarmupRatio(double value) => With(ScheduleKeys.WarmupRatio, value);

    /// <summary>Sets <c>warmup_start_lr</c>, the learning rate at step 0 of the warmup.</summary>
    /// <param name="value">A number in [0, learning_rate).</param>
    /// <returns>This builder.</returns>
    public ScheduleBuilder WithWarmupStartLearningRate(double value) => With(ScheduleKeys.WarmupStartLr, value);

    /// <summary>Sets <c>min_lr</c>, the floor of a decay as a learning rate.</summary>
    /// <param name="value">A number in [0, learning_rate).</param>
    /// <returns>This builder.</returns>
    public ScheduleBuilder WithMinLearningRate(double value) => With(ScheduleKeys.MinLr, value);

    /// <summary>Sets <c>min_lr_ratio</c>, the floor of a decay as a share of the learning rate.</summary>
    /// <param name="value">A number in [0, 1).</param>
    /// <returns>This builder.</returns>
    public ScheduleBuilder WithMinLearningRateRatio(double value) => With(ScheduleKeys.MinLrRatio, value);

    /// <summary>Sets <c>num_cycles</c>.</summary>
    /// <param name="value">The number of cosine waves (an integer &gt;= 1 for <c>cosine_with_restarts</c>).</param>
    /// <returns>This builder.</returns>
    public ScheduleBuilder WithNumCycles(double value) => With(ScheduleKeys.NumCycles, value);

    /// <summary>
    /// Sets <c>steps_per_epoch</c>: every length of the schedule (<c>total_steps</c>, <c>warmup_steps</c>, <c>T_max</c>,
    /// milestones, ...) is then counted in epochs, and the value changes once per epoch,
    /// <c>lr(step) = lr_in_epochs(floor(step / steps_per_epoch))</c>. Taken by every scheduler but <c>ReduceLROnPlateau</c>.
    /// </summary>
    /// <param name="value">An integer &gt;= 1: the optimizer steps in one epoch.</param>
    /// <returns>This builder.</returns>
    public ScheduleBuilder WithStepsPerEpoch(long value) => With(ScheduleKeys.StepsPerEpoch, value);

    /// <summary>Sets <c>schedulers</c>, the children of a <c>SequentialLR</c> or <c>ChainedScheduler</c>.</summary>
    /// <param name="children">The children's configurations (each inherits <c>learning_rate</c> unless it sets its own).</param>
    /// <returns>This builder.</returns>
    public ScheduleBuilder WithSchedulers(params ScheduleOptions[] children) => WithSchedulers((IEnumerable<ScheduleOptions>)children);

    /// <summary>Sets <c>schedulers</c> from a sequence, the children of a <c>SequentialLR</c> or <c>ChainedScheduler</c>.</summary>
    /// <param name="children">The children's configurations (each inherits <c>learning_rate</c> unless it sets its own).</param>
    /// <returns>This builder.</returns>
    public ScheduleBuilder WithSchedulers(IEnumerable<ScheduleOptions> children) =>
        With("schedulers", ParameterValue.FromList(Guard.NotNull(children).Select(child => ParameterValue.FromOptions(Guard.NotNull(child)))));

    /// <summary>Sets <c>milestones</c>: where <c>SequentialLR</c> moves to its next schedule, or where <c>MultiStepLR</c> decays.</summary>
    /// <param name="steps">The steps.</param>
    /// <returns>This builder.</returns>
    public ScheduleBuilder WithMilestones(params long[] steps) => WithMilestones((IEnumerable<long>)steps);

    /// <summary>Sets <c>milestones</c> from a sequence: where <c>SequentialLR</c> moves to its next schedule, or where <c>MultiStepLR</c> decays.</summary>
    /// <param name="steps">The steps.</param>
    /// <returns>This builder.</returns>
    public ScheduleBuilder WithMilestones(IEnumerable<long> steps) =>
        With("milestones", ParameterValue.FromList(Guard.NotNull(steps).Select(step => ParameterValue.FromNumber(step))));

    /// <summary>Sets any parameter by its contract key (for example <c>"lr_end"</c> or <c>"decay_type"</c>).</summary>
    /// <param name="key">The key, exactly as the contract spells it.</param>
    /// <param name="value">The value; numbers, strings and booleans convert implicitly.</param>
    /// <returns>This builder.</returns>
    public ScheduleBuilder With(string key, ParameterValue value)
    {
        _options = _options.With(Guard.NotNull(key), Guard.NotNull(value));
        return this;
    }

    /// <summary>Removes a parameter set earlier.</summary>
    /// <param name="key">The key.</param>
    /// <returns>This builder.</returns>
    public ScheduleBuilder Without(string key)
    {
        _options = _options.Without(Guard.NotNull(key));
        return this;
    }

    /// <summary>Checks the configuration and creates the schedule.</summary>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleConfigurationException">The configuration is refused; the exception lists every problem.</exception>
    public LearningRateSchedule Build() => LearningRateSchedule.Create(_options);

    /// <summary>Creates the schedule through the opt-in lenient path, which adjusts what it can and reports each adjustment.</summary>
    /// <returns>The schedule and the adjustments.</returns>
    /// <exception cref="ScheduleConfigurationException">Problems remain that have no remedy.</exception>
    public LenientScheduleResult BuildLenient() => LearningRateSchedule.CreateLenient(_options);
}
