namespace Schedulers;

/// <summary>Keras's <c>InverseTimeDecay</c>.</summary>
internal sealed class InverseTimeDecay : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = KerasParameters.Describe(
        "InverseTimeDecay",
        "Keras's inverse time decay: the learning rate divided by 1 + decay_rate * step / decay_steps, continuously or (staircase) in whole steps.",
        "initial_learning_rate / (1 + decay_rate * step / decay_steps); staircase: floor(step / decay_steps)",
        [
            KerasParameters.InitialLearningRateDescriptor("Learning rate at step 0 (Keras's name for learning_rate)."),
            KerasParameters.DecayStepsDescriptor("Steps over which the divisor grows by decay_rate."),
            new(ScheduleKeys.DecayRate, ParameterKind.Number, ParameterPresence.Required, "Growth of the divisor per decay_steps steps.",
                range: ValueRange.AtLeast(0)),
            KerasParameters.StaircaseDescriptor,
        ]);

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        var initial = parameters.Number(ScheduleKeys.InitialLearningRate);
        var curve = new Curve(initial, parameters.Integer(ScheduleKeys.DecaySteps), parameters.Number(ScheduleKeys.DecayRate), parameters.Boolean(ScheduleKeys.Staircase));

        // The curve's factor is the learning rate itself (scale 1), so that the division is Keras's own.
        return new WarmupDecaySchedule(Descriptor, canonicalOptions, initial, parameters.TotalSteps, WarmupPhase.None, curve, 1.0);
    }

    /// <summary>Keras's <c>initial_learning_rate / (1 + decay_rate * p)</c>, <c>p = step / decay_steps</c> (floored with staircase), in its order of operations.</summary>
    internal sealed class Curve(double initialLearningRate, long decaySteps, double decayRate, bool staircase) : DecayCurve
    {
        public override double Factor(long t) =>
            initialLearningRate / (1.0 + (decayRate * (staircase ? KerasParameters.Periods(t, decaySteps) : (double)t / decaySteps)));

        protected override long NextChange(long t) => staircase ? KerasParameters.NextPeriod(t, decaySteps) : t + 1;

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination)
        {
            if (staircase)
            {
                FillConstantRuns(firstT, scale, destination);
            }
            else
            {
                Kernels.Map(destination, firstT, new InverseTimeOperator(scale * initialLearningRate, decayRate, decaySteps));
            }
        }
    }
}
