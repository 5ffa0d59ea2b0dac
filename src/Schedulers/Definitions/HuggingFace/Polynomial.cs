using System.Globalization;

namespace Schedulers;

/// <summary><c>polynomial</c>: diffusers' polynomial decay from the learning rate to <c>lr_end</c>.</summary>
internal sealed class Polynomial : CurveDefinition
{
    private const double DefaultLrEnd = 1e-7;

    public override SchedulerDescriptor Descriptor { get; } = new(
        "polynomial",
        SchedulerFamily.HuggingFace,
        "A linear warmup, then a polynomial decay to lr_end at total_steps.",
        "lr = (learning_rate - lr_end) * (1 - (step - W) / (N - W))^power + lr_end",
        WarmupSupport.Linear,
        decaysAfterWarmup: true,
        [
            CommonParameters.LearningRateDescriptor,
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Required),
            .. CommonParameters.LinearWarmup(),
            new(ScheduleKeys.Power, ParameterKind.Number, ParameterPresence.Optional,
                "Exponent of the decay (1: linear).", ParameterValue.FromNumber(1.0), range: ValueRange.GreaterThan(0)),
            new(ScheduleKeys.LrEnd, ParameterKind.Number, ParameterPresence.Optional,
                "Learning rate at the end of the decay.", ParameterValue.FromNumber(DefaultLrEnd), range: ValueRange.FromZeroToLearningRate()),
        ]);

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        // diffusers refuses an lr_end that is not below the learning rate; the default counts too.
        if (!parameters.Has(ScheduleKeys.LrEnd) && parameters.LearningRate <= DefaultLrEnd)
        {
            problems.Add(ConfigurationProblem.ForKeys(
                [ScheduleKeys.LearningRate, ScheduleKeys.LrEnd],
                $"learning_rate {parameters.LearningRate.ToString(CultureInfo.InvariantCulture)} is not above the default lr_end ({DefaultLrEnd.ToString(CultureInfo.InvariantCulture)}); set lr_end below learning_rate."));
        }
    }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        new WarmupDecaySchedule(
            Descriptor,
            canonicalOptions,
            parameters,
            new Curve(
                parameters.TotalSteps!.Value - parameters.WarmupSteps,
                parameters.Number(ScheduleKeys.Power),
                parameters.Number(ScheduleKeys.LrEnd),
                parameters.LearningRate) { Floor = parameters.Number(ScheduleKeys.LrEnd) });

    /// <summary>
    /// diffusers' polynomial decay: <c>lr = (lr0 - lr_end) * (1 - t / D)^power + lr_end</c>, returned as a factor of
    /// <c>lr0</c> exactly as diffusers returns it to LambdaLR, and <c>lr_end</c> from <c>t = D</c> on.
    /// </summary>
    internal sealed class Curve(long decaySteps, double power, double endLearningRate, double initialLearningRate) : DecayCurve
    {
        private readonly PowerKernel _kernel = new(power);

        protected override long? End => decaySteps;

        public override double Factor(long t)
        {
            if (t >= decaySteps)
            {
                return endLearningRate / initialLearningRate;
            }

            var remaining = 1.0 - ((double)t / decaySteps);
            var decayed = ((initialLearningRate - endLearningRate) * Math.Pow(remaining, power)) + endLearningRate;
            return decayed / initialLearningRate;
        }

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination)
        {
            var ratio = scale / initialLearningRate;
            _kernel.Fill(destination, firstT, decaySteps, (initialLearningRate - endLearningRate) * ratio, endLearningRate * ratio);
        }
    }
}
