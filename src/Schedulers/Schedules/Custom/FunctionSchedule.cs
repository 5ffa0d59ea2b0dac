using System.Globalization;

namespace Schedulers;

/// <summary>
/// PyTorch's <c>LambdaLR</c>: <c>learning_rate * lr_lambda(step)</c> for a C# function. The function is called once per
/// step (there is nothing to vectorize in user code), must be pure for the schedule to be safe to share, and a value
/// that is not a finite factor &gt;= 0 is refused when it appears. Not expressible in JSON.
/// </summary>
internal sealed class FunctionSchedule : LearningRateSchedule
{
    private readonly Func<long, double> _factor;

    public FunctionSchedule(double learningRate, Func<long, double> factor)
        : base(LambdaLRDefinition.Described, Describe(learningRate), learningRate, null, 0) => _factor = factor;

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
        new(ScheduleOptions.SchedulerKey, ParameterValue.FromText("LambdaLR")),
        new(CommonParameters.LearningRate, ParameterValue.FromNumber(learningRate, learningRate.ToString("R", CultureInfo.InvariantCulture))),
    ]);
}
