namespace Schedulers.Tests.Custom;

public sealed class InterpolatedTests
{
    private static LearningRateSchedule Interpolated(string method, string points) =>
        LearningRateSchedule.FromJson($$"""{"scheduler":"interpolated","method":"{{method}}","points":{{points}}}""");

    private static ScheduleConfigurationException RefusalOf(string json) =>
        FluentActions.Invoking(() => LearningRateSchedule.FromJson(json)).Should().Throw<ScheduleConfigurationException>().Which;

    [Theory]
    [InlineData("pchip")]
    [InlineData("linear")]
    [InlineData("log_linear")]
    public void The_curve_passes_through_every_point(string method)
    {
        var points = new (long Step, double Rate)[] { (0, 1e-5), (100, 1e-3), (250, 4e-4), (1_000, 2e-4), (5_000, 1e-6) };
        var schedule = Interpolated(method, Json(points));
        var curve = new double[5_001];
        schedule.Evaluate(0, curve);

        foreach (var (step, rate) in points)
        {
            schedule.GetLearningRate(step).Should().BeApproximately(rate, 1e-15, "step {0}", step);
            curve[step].Should().BeApproximately(rate, 1e-15, "step {0}", step);
        }
    }

    [Theory]
    [InlineData("pchip")]
    [InlineData("linear")]
    [InlineData("log_linear")]
    public void The_end_values_hold_outside_the_points(string method)
    {
        var schedule = Interpolated(method, "[[10,0.001],[20,0.01],[30,0.0001]]");

        schedule.GetLearningRate(0).Should().Be(0.001);
        schedule.GetLearningRate(9).Should().Be(0.001);
        schedule.GetLearningRate(31).Should().Be(0.0001);
        schedule.GetLearningRate(1_000_000_000_000).Should().Be(0.0001);
    }

    [Fact]
    public void Pchip_is_monotone_between_monotone_points_and_never_overshoots()
    {
        var schedule = Interpolated("pchip", "[[0,0.0],[10,0.001],[11,0.00101],[300,0.001],[400,0.0002],[1000,0.0]]");
        var curve = new double[1_001];
        schedule.Evaluate(0, curve);

        for (var step = 1; step <= 11; step++)
        {
            curve[step].Should().BeGreaterThanOrEqualTo(curve[step - 1], "rising points give a rising curve (step {0})", step);
        }

        for (var step = 301; step <= 1_000; step++)
        {
            curve[step].Should().BeLessThanOrEqualTo(curve[step - 1], "falling points give a falling curve (step {0})", step);
        }

        curve.Should().OnlyContain(value => value >= 0 && value <= 0.00101);
    }

    [Fact]
    public void Log_linear_is_geometric_between_two_points()
    {
        var schedule = Interpolated("log_linear", "[[0,0.01],[100,0.0001]]");

        schedule.GetLearningRate(50).Should().BeApproximately(0.001, 1e-17);
        schedule.GetLearningRate(25).Should().BeApproximately(Math.Sqrt(0.01 * 0.001), 1e-17);
    }

    [Fact]
    public void Linear_is_the_straight_line_between_two_points()
    {
        Interpolated("linear", "[[0,0.01],[100,0.0]]").GetLearningRate(30).Should().BeApproximately(0.007, 1e-17);
    }

    [Fact]
    public void Pchip_is_the_default_method()
    {
        var json = """{"scheduler":"interpolated","points":[[0,0.0],[10,0.001],[40,0.0005]]}""";

        AssertSame(LearningRateSchedule.FromJson(json), Interpolated("pchip", "[[0,0.0],[10,0.001],[40,0.0005]]"));
    }

    [Fact]
    public void The_peak_of_the_points_is_the_schedule_s_learning_rate()
    {
        Interpolated("pchip", "[[0,0.0],[10,0.003],[40,0.0005]]").LearningRate.Should().Be(0.003);
    }

    [Theory]
    [InlineData("[[0,0.001],[20,0.002],[10,0.003]]")]
    [InlineData("[[0,0.001],[10,0.002],[10,0.003]]")]
    public void Unsorted_or_repeated_steps_are_refused(string points)
    {
        RefusalOf($$"""{"scheduler":"interpolated","points":{{points}}}""").Message.Should().Contain("point 2");
    }

    [Theory]
    [InlineData("[[0,0.001]]")]
    [InlineData("[]")]
    [InlineData("[[0,0.001],[10]]")]
    [InlineData("[[0,0.001],[10.5,0.002]]")]
    [InlineData("[[0,0.001],[10,-0.002]]")]
    [InlineData("[[0,0.001],[10,\"NaN\"]]")]
    [InlineData("0.001")]
    public void Points_that_are_not_two_or_more_step_rate_pairs_are_refused(string points)
    {
        RefusalOf($$"""{"scheduler":"interpolated","points":{{points}}}""").Keys.Should().Equal(ScheduleKeys.Points);
    }

    [Fact]
    public void Log_linear_refuses_a_point_at_zero_naming_points_and_method()
    {
        RefusalOf("""{"scheduler":"interpolated","method":"log_linear","points":[[0,0.001],[10,0.0]]}""").Keys.Should().Equal(ScheduleKeys.Points, ScheduleKeys.Method);
    }

    [Fact]
    public void Points_that_are_all_zero_are_refused()
    {
        RefusalOf("""{"scheduler":"interpolated","points":[[0,0.0],[10,0.0]]}""").Keys.Should().Equal(ScheduleKeys.Points);
    }

    [Fact]
    public void A_learning_rate_is_refused_because_the_points_carry_the_rates()
    {
        RefusalOf("""{"scheduler":"interpolated","learning_rate":0.1,"points":[[0,0.001],[10,0.002]]}""").Keys.Should().Equal(ScheduleKeys.LearningRate);
    }

    [Fact]
    public void An_interpolated_child_does_not_inherit_its_parent_s_learning_rate()
    {
        var sequential = LearningRateSchedule.FromJson(
            """{"scheduler":"SequentialLR","learning_rate":0.01,"milestones":[10],"schedulers":[{"scheduler":"LinearLR","total_iters":10},{"scheduler":"interpolated","points":[[0,0.004],[10,0.002]],"method":"linear"}]}""");

        sequential.GetLearningRate(15).Should().BeApproximately(0.003, 1e-17);
    }

    private static string Json((long Step, double Rate)[] points) =>
        "[" + string.Join(",", points.Select(point => $"[{point.Step},{point.Rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}]")) + "]";

    private static void AssertSame(LearningRateSchedule actual, LearningRateSchedule expected)
    {
        for (long step = 0; step < 60; step++)
        {
            actual.GetLearningRate(step).Should().Be(expected.GetLearningRate(step));
        }
    }
}
