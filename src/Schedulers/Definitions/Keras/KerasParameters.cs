namespace Schedulers;

/// <summary>
/// What every Keras-family scheduler shares: Keras's name for the base rate (<c>initial_learning_rate</c>; a
/// <c>learning_rate</c> is refused with a pointer to it), an optional curve length, no warmup of the contract's, and
/// Keras's floor division of the step.
/// </summary>
internal static class KerasParameters
{
    /// <summary>The advice after "is not used by 'name'" when a Keras schedule is given <c>learning_rate</c>.</summary>
    public const string LearningRateRefusal = ": Keras names it initial_learning_rate; write initial_learning_rate instead";

    /// <summary>Steps up to which a step and its quotient by a period are exact enough that runs can be found by search.</summary>
    public const long MaxSearchedStep = 1L << 52;

    public static SchedulerDescriptor Describe(string name, string summary, string formula, ParameterDescriptor[] parameters, string? warmupRefusal = null) => new(
        name,
        SchedulerFamily.Keras,
        summary,
        formula,
        WarmupSupport.None,
        decaysAfterWarmup: false,
        [
            .. parameters.Take(1),
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
            .. parameters.Skip(1),
        ],
        warmupRefusal: warmupRefusal ?? $"Keras's {name} has no warmup: compose one with SequentialLR, or use CosineDecay's warmup_target and warmup_steps",
        learningRateRefusal: LearningRateRefusal,
        learningRateKey: ScheduleKeys.InitialLearningRate);

    public static ParameterDescriptor InitialLearningRateDescriptor(string description, ValueRange? range = null) => new(
        ScheduleKeys.InitialLearningRate, ParameterKind.Number, ParameterPresence.Required, description,
        range: range ?? ValueRange.GreaterThan(0));

    public static ParameterDescriptor DecayStepsDescriptor(string description) => new(
        ScheduleKeys.DecaySteps, ParameterKind.Integer, ParameterPresence.Required, description, range: ValueRange.AtLeast(1));

    public static ParameterDescriptor StaircaseDescriptor { get; } = new(
        ScheduleKeys.Staircase, ParameterKind.Boolean, ParameterPresence.Optional,
        "Decay at whole multiples of decay_steps only: step / decay_steps is floored (a staircase).",
        ParameterValue.FromBoolean(false));

    public static ParameterDescriptor AlphaDescriptor(string description) => new(
        ScheduleKeys.Alpha, ParameterKind.Number, ParameterPresence.Optional, description,
        ParameterValue.FromNumber(0), range: ValueRange.Between(0, true, 1, false));

    /// <summary>Keras's <c>floor(step / period)</c>, both cast to float64 before the division, as Keras casts them.</summary>
    public static double Periods(long step, long period) => Math.Floor((double)step / period);

    /// <summary>
    /// The first step after <paramref name="t"/> where <see cref="Periods"/> changes: the next whole multiple of the
    /// period, moved by a step where float64's quotient rounds across it. Past 2^52 steps every step is a possible change.
    /// </summary>
    public static long NextPeriod(long t, long period)
    {
        if (t >= MaxSearchedStep)
        {
            return t + 1;
        }

        var current = Periods(t, period);
        var next = ((t / period) + 1) * period;
        while (next - 1 > t && Periods(next - 1, period) > current)
        {
            next--;
        }

        while (Periods(next, period) <= current)
        {
            next++;
        }

        return next;
    }
}
