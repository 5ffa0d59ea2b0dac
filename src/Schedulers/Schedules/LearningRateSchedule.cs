
namespace Schedulers;

/// <summary>
/// An immutable learning-rate schedule: a pure function from the optimizer step (0-based: the value at step 0 is the
/// LR of the first optimizer step) to the learning rate, in closed form at any step, so resuming from a checkpoint needs
/// no replay. Instances are safe to share across threads.
/// </summary>
/// <example>
/// <code>
/// var schedule = LearningRateSchedule.CreateBuilder()
///     .WithScheduler("cosine")
///     .WithLearningRate(3e-4)
///     .WithWarmupSteps(100)
///     .WithTotalSteps(1000)
///     .Build();
/// double lr = schedule.GetLearningRate(250);
/// </code>
/// </example>
public abstract class LearningRateSchedule
{
    private protected LearningRateSchedule(SchedulerDescriptor descriptor, ScheduleOptions options, double learningRate, long? totalSteps, long warmupSteps)
    {
        Descriptor = descriptor;
        Options = options;
        LearningRate = learningRate;
        TotalSteps = totalSteps;
        WarmupSteps = warmupSteps;
    }

    /// <summary>Gets the descriptor of the scheduler this schedule follows.</summary>
    public SchedulerDescriptor Descriptor { get; }

    /// <summary>Gets the scheduler's name, as the catalog spells it.</summary>
    public string Name => Descriptor.Name;

    /// <summary>Gets the configuration the schedule was built from, scheduler name and key order normalised.</summary>
    public ScheduleOptions Options { get; }

    /// <summary>
    /// Gets the base learning rate, the one a <see cref="ParameterGroup"/> scales: <c>learning_rate</c> (OneCycleLR's
    /// <c>max_lr</c>, CyclicLR's <c>base_lr</c> when given instead); for the Keras family the rate Keras's schedule is a
    /// fraction of, <c>initial_learning_rate</c> (CosineDecay's <c>warmup_target</c> when it warms up, PolynomialDecay's
    /// <c>end_learning_rate</c> when it rises to it); the largest of PiecewiseConstantDecay's <c>values</c> and of
    /// interpolated's points. Always finite and &gt; 0.
    /// </summary>
    public double LearningRate { get; }

    /// <summary>Gets the training length in optimizer steps, when the configuration gives one (with <c>steps_per_epoch</c>, its <c>total_steps</c> epochs times <see cref="StepsPerEpoch"/>).</summary>
    public long? TotalSteps { get; }

    /// <summary>Gets the warmup length in optimizer steps (0 when there is none; with <c>steps_per_epoch</c>, the warmup's epochs times <see cref="StepsPerEpoch"/>).</summary>
    public long WarmupSteps { get; }

    /// <summary>
    /// Gets the optimizer steps per epoch: 1 unless the configuration gives <c>steps_per_epoch</c>, whose schedule counts
    /// its lengths in epochs and changes value once per epoch. A composite's children may have their own.
    /// </summary>
    public long StepsPerEpoch => StepsPerEpochValue;

    /// <summary>
    /// Gets the step at which the configured course ends: <see cref="TotalSteps"/> when the configuration gives it;
    /// otherwise the end the scheduler's own parameters set (ConstantLR, LinearLR and PolynomialLR's <c>total_iters</c>,
    /// CosineAnnealingLR's <c>T_max</c>, MultiStepLR's last milestone, Keras's <c>decay_steps</c> after its warmup, the
    /// last step rule, boundary or control point, the end of timm's last cycle, a SequentialLR's last milestone plus its
    /// last schedule's end, the latest end among a ChainedScheduler's schedules; in optimizer steps with
    /// <c>steps_per_epoch</c>). <see langword="null"/> for a schedule with no end of its own: ExponentialLR, StepLR,
    /// inverse_sqrt, constant, and the schedules that repeat (CyclicLR, warm restarts). The learning rate at this step is
    /// the one the course ends at.
    /// </summary>
    public long? Horizon => CourseEnd?.Step;

    /// <summary>Gets the steps where one phase ends and the next begins (warmup end, restarts, stable end, rule boundaries), ascending.</summary>
    public virtual IReadOnlyList<long> PhaseBoundaries => WarmupSteps > 0 ? [WarmupSteps] : [];

    /// <summary>Creates a builder for a configuration.</summary>
    /// <returns>An empty builder.</returns>
    public static ScheduleBuilder CreateBuilder() => new();

    /// <summary>Checks a configuration and creates its schedule.</summary>
    /// <param name="options">The configuration.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleConfigurationException">The configuration is refused; the exception lists every problem.</exception>
    public static LearningRateSchedule Create(ScheduleOptions options) => ScheduleValidator.Create(Guard.NotNull(options));

    /// <summary>
    /// Opt-in lenient creation (for a GUI's "fix it for me"): problems that have an obvious remedy (a key the scheduler
    /// does not use, a value just outside its range, two keys for one thing) are adjusted, and every adjustment is
    /// reported. Problems only the user can fix (a missing or unreadable value) are still refused.
    /// </summary>
    /// <param name="options">The configuration.</param>
    /// <returns>The schedule and the adjustments made.</returns>
    /// <exception cref="ScheduleConfigurationException">Problems remain that have no remedy.</exception>
    public static LenientScheduleResult CreateLenient(ScheduleOptions options) => ScheduleValidator.CreateLenient(Guard.NotNull(options));

    /// <summary>Reads a configuration from JSON (the contract's vocabulary) and creates its schedule.</summary>
    /// <param name="json">A JSON object such as <c>{"scheduler": "cosine", "learning_rate": 3e-4, "total_steps": 1000}</c>.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleConfigurationException">The text is not a JSON object, or the configuration is refused.</exception>
    public static LearningRateSchedule FromJson(string json) => Create(ScheduleOptions.FromJson(json));

    /// <summary>
    /// Creates PyTorch's <c>LambdaLR</c>: <c>learningRate * factor(step)</c> for a C# function, usable alone or as a child
    /// of <see cref="Sequential"/> and <see cref="Chained"/>. The function must be pure (the schedule is shared across
    /// threads as it is); a factor that is not finite and &gt;= 0 makes <see cref="GetLearningRate"/> and
    /// <see cref="Evaluate(long, Span{double})"/> throw <see cref="InvalidOperationException"/> naming the step and the
    /// value, at the step where it appears. Such a schedule cannot be written as JSON.
    /// </summary>
    /// <param name="learningRate">The base learning rate; finite and &gt; 0.</param>
    /// <param name="factor">The factor at each step (PyTorch's <c>lr_lambda</c>).</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleConfigurationException"><paramref name="learningRate"/> is not finite and &gt; 0.</exception>
    public static LearningRateSchedule FromFunction(double learningRate, Func<long, double> factor)
    {
        Guard.NotNull(factor);
        if (ValueCheck.Check(CommonParameters.LearningRateDescriptor, ParameterValue.FromNumber(learningRate), double.NaN) is { } problem)
        {
            throw Guard.Refusal(problem);
        }

        return new LambdaLR.Schedule(learningRate, factor);
    }

    /// <summary>
    /// Creates PyTorch's <c>SequentialLR</c> from existing schedules: <paramref name="schedules"/>[i] runs from its own
    /// step 0 at <paramref name="milestones"/>[i - 1]. The composite's learning rate is the first schedule's.
    /// </summary>
    /// <param name="schedules">The schedules, in order.</param>
    /// <param name="milestones">One fewer than <paramref name="schedules"/>, &gt;= 1 and strictly increasing.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleConfigurationException">The schedules or milestones are refused; every problem is listed.</exception>
    public static LearningRateSchedule Sequential(IReadOnlyList<LearningRateSchedule> schedules, IReadOnlyList<long> milestones) =>
        Composition.Sequential(Guard.NotNull(schedules), Guard.NotNull(milestones));

    /// <summary>
    /// Creates PyTorch's <c>ChainedScheduler</c> from existing schedules of one learning rate: their factors multiply.
    /// </summary>
    /// <param name="schedules">The schedules; all with the same <see cref="LearningRate"/>.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleConfigurationException">The schedules are refused; every problem is listed.</exception>
    public static LearningRateSchedule Chained(params LearningRateSchedule[] schedules) =>
        Composition.Chained(Guard.NotNull(schedules));

    /// <summary>Writes the schedule's configuration as JSON; <see cref="FromJson"/> of the result gives the same value at every step.</summary>
    /// <returns>The JSON text.</returns>
    /// <exception cref="NotSupportedException">The schedule holds C# code (a <c>LambdaLR</c>, alone or as a child), which JSON cannot carry.</exception>
    public string ToJson()
    {
        if (!CanWriteJson)
        {
            Guard.ThrowNotSerializable(Name);
        }

        return Options.ToJson();
    }

    /// <summary>Gets the learning rate used by the optimizer step <paramref name="step"/> (0-based).</summary>
    /// <param name="step">The number of optimizer steps already taken; must be &gt;= 0.</param>
    /// <returns>The learning rate: finite and &gt;= 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public double GetLearningRate(long step)
    {
        Guard.StepNotNegative(step);
        return LearningRateAt(step);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with the learning rates of steps <paramref name="firstStep"/>,
    /// <paramref name="firstStep"/> + 1, ...: the range is split at phase boundaries and each phase is filled by a
    /// vector kernel (affine ramps, rotations for cosines, geometric sequences). Agrees with
    /// <see cref="GetLearningRate"/> to 1e-14 * <see cref="LearningRate"/>; allocates nothing.
    /// </summary>
    /// <param name="firstStep">The step of the first element; must be &gt;= 0.</param>
    /// <param name="destination">The buffer to fill.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstStep"/> is negative, or the range runs past <see cref="long.MaxValue"/>.</exception>
    public void Evaluate(long firstStep, Span<double> destination)
    {
        Guard.RangeFits(firstStep, destination.Length);
        Fill(firstStep, destination);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with the learning rates of steps <paramref name="firstStep"/>,
    /// <paramref name="firstStep"/> + 1, ..., computed in double precision and rounded to single precision by the same
    /// kernels (values are narrowed in registers as they are stored).
    /// </summary>
    /// <param name="firstStep">The step of the first element; must be &gt;= 0.</param>
    /// <param name="destination">The buffer to fill.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstStep"/> is negative, or the range runs past <see cref="long.MaxValue"/>.</exception>
    public void Evaluate(long firstStep, Span<float> destination)
    {
        Guard.RangeFits(firstStep, destination.Length);
        Fill(firstStep, destination);
    }

    /// <summary>Gets <see cref="Horizon"/> and the settings that set it.</summary>
    internal CourseEnd? CourseEnd => TotalSteps is { } total ? new CourseEnd(total, ScheduleKeys.TotalSteps) : OwnCourseEnd;

    /// <summary>Gets the end the scheduler's own parameters set, for a configuration without <c>total_steps</c>; none by default.</summary>
    private protected virtual CourseEnd? OwnCourseEnd => null;

    /// <summary>Gets the steps per epoch of a schedule in epoch units (<see cref="EpochSchedule"/>); 1 otherwise.</summary>
    private protected virtual long StepsPerEpochValue => 1;

    /// <summary>Gets whether <see cref="ToJson"/> can describe the schedule (false for C# functions).</summary>
    private protected virtual bool CanWriteJson => true;

    /// <summary>Gets whether the schedule can be written as JSON: false when it holds a C# function.</summary>
    internal bool IsSerializable => CanWriteJson;

    /// <summary>
    /// The first step after <paramref name="step"/> at which the value may change (the value is constant on
    /// <c>[step, ConstantRunEnd(step))</c>): a ChainedScheduler folds step functions into one multiplier over such runs.
    /// The default, <c>step + 1</c>, promises nothing.
    /// </summary>
    internal virtual long ConstantRunEnd(long step) => step + 1;

    /// <summary>The closed form for a composite's child, whose step is already known to be valid.</summary>
    internal double LearningRateOfChild(long step) => LearningRateAt(step);

    /// <summary>The kernels for a composite's child, whose range is already known to be valid.</summary>
    internal void FillChild<T>(long firstStep, Span<T> destination)
        where T : unmanaged => Fill(firstStep, destination);

    /// <summary>Fills a range whose validity is already checked; the default is the scalar closed form, schedules override it with kernels per phase.</summary>
    private protected virtual void Fill<T>(long firstStep, Span<T> destination)
        where T : unmanaged
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = Lanes.From<T>(LearningRateAt(firstStep + i));
        }
    }

    /// <summary>The closed form; <paramref name="step"/> is already known to be &gt;= 0.</summary>
    private protected abstract double LearningRateAt(long step);

    /// <inheritdoc />
    public override string ToString() => CanWriteJson ? ToJson() : $"{Name} (learning_rate {LearningRate.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})";
}
