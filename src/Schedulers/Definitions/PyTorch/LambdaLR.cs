using System.Globalization;

namespace Schedulers;

/// <summary>
/// PyTorch's <c>LambdaLR</c>: listed in the catalog like every scheduler, but made only from C#
/// (<see cref="LearningRateSchedule.FromFunction"/>), since a configuration cannot carry a function.
/// </summary>
internal sealed class LambdaLR : SchedulerDefinition
{
    public static SchedulerDescriptor Described { get; } = new(
        "LambdaLR",
        SchedulerFamily.PyTorch,
        "learning_rate times a factor computed by a C# function of the step (PyTorch's LambdaLR); code only, not JSON.",
        "lr_lambda(step)",
        WarmupSupport.None,
        decaysAfterWarmup: false,
        [CommonParameters.LearningRateDescriptor],
        warmupRefusal: "LambdaLR's function draws any warmup itself",
        codeOnly: true);

    public override SchedulerDescriptor Descriptor => Described;

    public override string NoCurveReason =>
        "takes a C# function of the step, which a configuration cannot carry: create it with LearningRateSchedule.FromFunction(learningRate, step => factor) in C#, or describe the curve with 'interpolated' control points.";

    /// <summary>
    /// PyTorch's <c>LambdaLR</c>: <c>learning_rate * lr_lambda(step)</c> for a C# function. The function is called once per
    /// step (there is nothing to vectorize in user code), must be pure for the schedule to be safe to share, and a value
    /// that is not a finite factor &gt;= 0 is refused when it appears. Not expressible in JSON.
    /// </summary>
    internal sealed class Schedule : LearningRateSchedule
    {
        private readonly Func<long, double> _factor;

        public Schedule(double learningRate, Func<long, double> factor)
            : base(LambdaLR.Described, Describe(learningRate), learningRate, null, 0) => _factor = factor;

        private protected override bool CanWriteJson => false;

        private protected override double LearningRateAt(long step)
        {
            var factor = _factor(step);
            if (!double.IsFinite(factor) || factor < 0)
            {
                Guard.ThrowBadFactor(step, factor);
            }

            return LearningRate * factor;
        }

        private static ScheduleOptions Describe(double learningRate) => ScheduleOptions.FromEntries(
        [
            new(ScheduleOptions.SchedulerKey, ParameterValue.FromText(Described.Name)),
            new(ScheduleKeys.LearningRate, ParameterValue.FromNumber(learningRate, learningRate.ToString("R", CultureInfo.InvariantCulture))),
        ]);
    }
}
