namespace Schedulers;

/// <summary>Keras's <c>ExponentialDecay</c>.</summary>
internal sealed class ExponentialDecay : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = KerasParameters.Describe(
        "ExponentialDecay",
        "Keras's exponential decay: the learning rate times decay_rate every decay_steps steps, continuously or (staircase) in whole steps.",
        "initial_learning_rate * decay_rate^(step / decay_steps); staircase: decay_rate^floor(step / decay_steps)",
        [
            KerasParameters.InitialLearningRateDescriptor("Learning rate at step 0 (Keras's name for learning_rate)."),
            KerasParameters.DecayStepsDescriptor("Steps over which the learning rate is multiplied by decay_rate once."),
            new(ScheduleKeys.DecayRate, ParameterKind.Number, ParameterPresence.Required, "Multiplier per decay_steps steps.",
                range: ValueRange.Between(0, false, 1, true)),
            KerasParameters.StaircaseDescriptor,
        ]);

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        var initial = parameters.Number(ScheduleKeys.InitialLearningRate);
        var curve = new Curve(parameters.Integer(ScheduleKeys.DecaySteps), parameters.Number(ScheduleKeys.DecayRate), parameters.Boolean(ScheduleKeys.Staircase));
        return new WarmupDecaySchedule(Descriptor, canonicalOptions, initial, parameters.TotalSteps, WarmupPhase.None, curve, initial);
    }

    /// <summary>
    /// Keras's <c>decay_rate^p</c>, <c>p = step / decay_steps</c> (floored with staircase), in float64 as Keras computes it;
    /// filled as a geometric sequence of ratio <c>decay_rate^(1 / decay_steps)</c>, or as constant runs with staircase.
    /// </summary>
    internal sealed class Curve(long decaySteps, double decayRate, bool staircase) : DecayCurve
    {
        private readonly GeometricTable _powers = GeometricTable.FromRate(Math.Log(decayRate) / decaySteps);

        public override double Factor(long t) =>
            Math.Pow(decayRate, staircase ? KerasParameters.Periods(t, decaySteps) : (double)t / decaySteps);

        protected override long NextChange(long t) => staircase ? KerasParameters.NextPeriod(t, decaySteps) : t + 1;

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination)
        {
            if (staircase)
            {
                FillConstantRuns(firstT, scale, destination);
            }
            else
            {
                Kernels.Geometric(destination, firstT, _powers, scale);
            }
        }
    }
}
