namespace Schedulers.Tests.Evaluation;

/// <summary>The evaluator's accuracy contract, checked over a range of steps.</summary>
internal static class EvaluationContract
{
    /// <summary>double within 1e-14 * learning_rate of GetLearningRate at every step, float within 1e-6 * learning_rate.</summary>
    public static void AssertWithin(LearningRateSchedule schedule, long start, int length)
    {
        var doubles = new double[length];
        var floats = new float[length];
        schedule.Evaluate(start, doubles);
        schedule.Evaluate(start, floats);
        for (var i = 0; i < length; i++)
        {
            var expected = schedule.GetLearningRate(start + i);
            if (Math.Abs(doubles[i] - expected) > 1e-14 * schedule.LearningRate)
            {
                doubles[i].Should().BeApproximately(expected, 1e-14 * schedule.LearningRate, "double, step {0}", start + i);
            }

            if (Math.Abs(floats[i] - expected) > 1e-6 * schedule.LearningRate)
            {
                ((double)floats[i]).Should().BeApproximately(expected, 1e-6 * schedule.LearningRate, "float, step {0}", start + i);
            }
        }
    }
}
