namespace Schedulers.Tests.Evaluation;

/// <summary>
/// Where a periodic curve reaches its peak or its floor, a whole curve holds the value the user configured, as
/// <c>GetLearningRate</c> does: a cosine evaluated by rotation would otherwise end at 1e-20 where <c>eta_min</c> is 0
/// (found by issue 19's walkthrough: <c>curve</c> printed 2.3e-20 at the end of a SequentialLR).
/// </summary>
public sealed class ExactEndpointTests
{
    [Theory]
    [InlineData(7, 0.0)]
    [InlineData(100, 0.0)]
    [InlineData(9_500, 0.0)]
    [InlineData(9_500, 1e-6)]
    public void A_cosine_annealing_curve_in_double_is_exact_at_every_multiple_of_T_max(long tMax, double etaMin)
    {
        var schedule = CosineAnnealing(tMax, etaMin);
        var values = new double[(3 * tMax) + 1];

        schedule.Evaluate(0, values);

        for (var k = 0L; k <= 3; k++)
        {
            values[k * tMax].Should().Be(schedule.GetLearningRate(k * tMax), "step {0} is where the cosine turns", k * tMax);
        }
    }

    [Theory]
    [InlineData(100, 0.0)]
    [InlineData(9_500, 0.0)]
    public void A_cosine_annealing_curve_in_float_is_exact_at_every_multiple_of_T_max(long tMax, double etaMin)
    {
        var schedule = CosineAnnealing(tMax, etaMin);
        var values = new float[(3 * tMax) + 1];

        schedule.Evaluate(0, values);

        for (var k = 0L; k <= 3; k++)
        {
            values[k * tMax].Should().Be((float)schedule.GetLearningRate(k * tMax), "step {0} is where the cosine turns", k * tMax);
        }
    }

    [Fact]
    public void A_curve_that_starts_between_two_turns_is_exact_at_the_turns_it_covers()
    {
        var schedule = CosineAnnealing(9_500, 0.0);
        var values = new double[20_000];

        schedule.Evaluate(4_321, values);

        values[9_500 - 4_321].Should().Be(schedule.GetLearningRate(9_500));
        values[(2 * 9_500) - 4_321].Should().Be(schedule.GetLearningRate(2 * 9_500));
    }

    [Fact]
    public void The_warmup_then_cosine_recipe_ends_at_its_floor_in_a_whole_curve()
    {
        var schedule = LearningRateSchedule.FromJson(
            """{"scheduler":"SequentialLR","milestones":[500],"schedulers":[{"scheduler":"LinearLR","learning_rate":3e-4,"start_factor":0.01,"total_iters":500},{"scheduler":"CosineAnnealingLR","learning_rate":3e-4,"T_max":9500}]}""");
        var values = new double[10_001];

        schedule.Evaluate(0, values);

        values[10_000].Should().Be(0);
    }

    private static LearningRateSchedule CosineAnnealing(long tMax, double etaMin) =>
        LearningRateSchedule.CreateBuilder().WithScheduler("CosineAnnealingLR").WithLearningRate(3e-4)
            .With(ScheduleKeys.TMax, tMax).With(ScheduleKeys.EtaMin, etaMin).Build();
}
