using System.Globalization;

namespace Schedulers.Tests.Evaluation;

/// <summary>
/// Powers that are not small whole numbers take a binomial series per block, as short as each block allows: every power
/// from 0.1 to 999.5 must keep the accuracy contract over the whole decay, its first steps and its very end included,
/// and over late ranges of very long decays. Accuracy only; nothing here is timed.
/// </summary>
public sealed class FractionalPowerAccuracyTests
{
    public static TheoryData<double, long, long> Decays()
    {
        var data = new TheoryData<double, long, long>();
        foreach (var power in new[] { 0.1, 0.5, 0.9, 1.5, 2.5, 9.5, 57.3, 500.5, 999.5 })
        {
            data.Add(power, 97, 0);
            data.Add(power, 5_000, 0);
            data.Add(power, 1_000_003, 0);
            data.Add(power, 1_000_003, 1_000_003 - 30_000);
            data.Add(power, 1_000_000_000_000, 1_000_000_000_000 - 20_000);
            data.Add(power, 1_000_000_000_000, 400_000_000_000);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Decays))]
    public void A_fractional_power_agrees_with_GetLearningRate_over_its_whole_decay(double power, long totalSteps, long start)
    {
        var schedule = LearningRateSchedule.FromJson(string.Create(CultureInfo.InvariantCulture,
            $$"""{"scheduler":"polynomial","learning_rate":0.001,"total_steps":{{totalSteps}},"power":{{power}},"lr_end":1e-9}"""));

        EvaluationContract.AssertWithin(schedule, start, (int)Math.Min(totalSteps + 10 - start, 60_000));
    }
}
