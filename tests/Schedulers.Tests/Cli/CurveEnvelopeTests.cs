using Schedulers.Designer;

namespace Schedulers.Tests.Cli;

public sealed class CurveEnvelopeTests
{
    [Theory]
    [InlineData("""{"scheduler": "cosine_with_restarts", "learning_rate": 1e-3, "warmup_steps": 50, "total_steps": 10000, "num_cycles": 7}""", 10001, 300)]
    [InlineData("""{"scheduler": "StepLR", "learning_rate": 0.1, "step_size": 13}""", 5000, 1200)]
    [InlineData("""{"scheduler": "CyclicLR", "learning_rate": 0.001, "max_lr": 0.006, "step_size_up": 7, "mode": "triangular2"}""", 777, 100)]
    public void Each_column_holds_the_first_lowest_highest_and_last_value_of_its_steps(string json, long count, int columns)
    {
        var schedule = LearningRateSchedule.FromJson(json);

        var envelope = CurveEnvelope.Of(schedule, 0, count, columns);

        var cursor = 0L;
        for (var column = 0; column < columns; column++)
        {
            var end = column == columns - 1 ? count : (long)envelope.Steps[column + 1];
            var values = Enumerable.Range((int)cursor, (int)(end - cursor)).Select(step => schedule.GetLearningRate(step)).ToArray();
            envelope.Steps[column].Should().Be(cursor);
            envelope.First[column].Should().BeApproximately(values[0], 1e-15);
            envelope.Low[column].Should().BeApproximately(values.Min(), 1e-15);
            envelope.High[column].Should().BeApproximately(values.Max(), 1e-15);
            envelope.Last[column].Should().BeApproximately(values[^1], 1e-15);
            cursor = end;
        }
    }

    [Fact]
    public void A_ten_million_step_curve_is_drawn_with_a_few_points_per_column()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler": "cosine_with_restarts", "learning_rate": 1e-3, "warmup_steps": 1000, "total_steps": 10000000, "num_cycles": 50}""");

        var (xs, ys) = CurveEnvelope.Of(schedule, 0, 10_000_001, 1200).Polyline();

        xs.Length.Should().BeLessThanOrEqualTo(4 * 1200).And.Be(ys.Length);
        ys.Max().Should().BeApproximately(1e-3, 1e-15);
        ys.Min().Should().Be(0);
    }

    [Fact]
    public void A_range_too_long_to_evaluate_is_sampled_and_still_finds_the_peak()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler": "cosine", "learning_rate": 1e-3, "warmup_steps": 123456789, "total_steps": 1000000000000}""");

        var envelope = CurveEnvelope.Of(schedule, 0, 1_000_000_000_001, 800);

        envelope.High.Max().Should().BeApproximately(1e-3, 1e-15);
        envelope.Low.Min().Should().Be(0);
    }
}
