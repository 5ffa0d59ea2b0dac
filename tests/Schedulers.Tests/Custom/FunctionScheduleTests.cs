namespace Schedulers.Tests.Custom;

public sealed class FunctionScheduleTests
{
    [Fact]
    public void A_function_schedule_is_the_learning_rate_times_the_function()
    {
        var schedule = LearningRateSchedule.FromFunction(0.01, step => 1.0 / (1 + step));
        var curve = new double[5];
        schedule.Evaluate(3, curve);

        schedule.GetLearningRate(4).Should().Be(0.01 * (1.0 / 5));
        curve[1].Should().Be(0.01 * (1.0 / 5));
        schedule.Name.Should().Be("LambdaLR");
    }

    [Fact]
    public void A_function_schedule_cannot_be_written_as_json_and_says_why()
    {
        var schedule = LearningRateSchedule.FromFunction(0.01, _ => 1.0);

        FluentActions.Invoking(schedule.ToJson).Should().Throw<NotSupportedException>().WithMessage("*C# function*");
    }

    [Fact]
    public void A_composite_holding_a_function_cannot_be_written_as_json_either()
    {
        var warmup = LearningRateSchedule.FromFunction(0.01, step => (step + 1) / 10.0);
        var decay = LearningRateSchedule.FromJson("""{"scheduler":"ExponentialLR","learning_rate":0.01,"gamma":0.9}""");
        var sequential = LearningRateSchedule.Sequential([warmup, decay], [10]);

        sequential.GetLearningRate(3).Should().Be(0.01 * (4 / 10.0));
        sequential.GetLearningRate(12).Should().Be(decay.GetLearningRate(2));
        FluentActions.Invoking(sequential.ToJson).Should().Throw<NotSupportedException>();
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-0.5)]
    public void A_factor_that_is_not_finite_and_non_negative_fails_at_its_step_as_a_runtime_error(double factor)
    {
        var schedule = LearningRateSchedule.FromFunction(0.01, step => step == 7 ? factor : 1.0);

        schedule.GetLearningRate(6).Should().Be(0.01);
        FluentActions.Invoking(() => schedule.GetLearningRate(7)).Should().Throw<InvalidOperationException>()
            .Which.Message.Should().Contain("lr_lambda").And.Contain("step 7");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void A_function_schedule_refuses_a_learning_rate_that_is_not_positive(double learningRate)
    {
        FluentActions.Invoking(() => LearningRateSchedule.FromFunction(learningRate, _ => 1.0)).Should().Throw<ScheduleConfigurationException>()
            .Which.Keys.Should().Equal(ScheduleKeys.LearningRate);
    }
}
