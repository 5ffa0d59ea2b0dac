namespace Schedulers.Tests.Validation;

/// <summary>What <c>steps_per_epoch</c> refuses: values that are not a whole number of steps >= 1, schedulers that are not step-driven, epochs given twice.</summary>
public sealed class EpochUnitRefusalTests
{
    public static TheoryData<string> StepDrivenSchedulers =>
        [.. SchedulerCatalog.All.Where(scheduler => !scheduler.IsMetricDriven && !scheduler.IsCodeOnly).Select(scheduler => scheduler.Name)];

    private static ScheduleConfigurationException RefusalOf(string json) =>
        FluentActions.Invoking(() => LearningRateSchedule.FromJson(json)).Should().Throw<ScheduleConfigurationException>().Which;

    [Theory]
    [InlineData("0", "expected an integer >= 1")]
    [InlineData("-3", "expected an integer >= 1")]
    [InlineData("2.5", "is not a whole number")]
    [InlineData("\"7\"", "write the number without quotes")]
    [InlineData("null", "is not a value")]
    [InlineData("true", "expected an integer >= 1")]
    [InlineData("1e300", "is too large")]
    public void A_steps_per_epoch_that_is_not_a_whole_number_of_steps_of_at_least_1_is_refused_naming_it(string value, string explanation)
    {
        var refusal = RefusalOf($$"""{"scheduler":"StepLR","learning_rate":0.1,"step_size":3,"steps_per_epoch":{{value}}}""");

        refusal.Keys.Should().Equal(ScheduleKeys.StepsPerEpoch);
        refusal.Message.Should().Contain(explanation);
    }

    [Theory]
    [MemberData(nameof(StepDrivenSchedulers))]
    public void Every_step_driven_scheduler_takes_steps_per_epoch_as_its_last_parameter(string scheduler)
    {
        var parameters = SchedulerCatalog.Find(scheduler)!.Parameters;

        parameters[^1].Key.Should().Be(ScheduleKeys.StepsPerEpoch);
        parameters[^1].Presence.Should().Be(ParameterPresence.Optional);
        parameters[^1].Range!.Contains(1, learningRate: 1.0).Should().BeTrue();
        parameters[^1].Range!.Contains(0, learningRate: 1.0).Should().BeFalse();
    }

    [Fact]
    public void ReduceLROnPlateau_refuses_steps_per_epoch_because_metrics_drive_it()
    {
        var refusal = FluentActions.Invoking(() => PlateauScheduler.FromJson("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"steps_per_epoch":100}"""))
            .Should().Throw<ScheduleConfigurationException>().Which;

        refusal.Keys.Should().Equal(ScheduleKeys.StepsPerEpoch);
        refusal.Message.Should().Contain("reported metrics").And.Contain("once per epoch");
    }

    [Fact]
    public void LambdaLR_does_not_take_steps_per_epoch_its_function_divides_the_step_itself()
    {
        SchedulerCatalog.Find("LambdaLR")!.Takes(ScheduleKeys.StepsPerEpoch).Should().BeFalse();
        RefusalOf("""{"scheduler":"LambdaLR","learning_rate":0.1,"steps_per_epoch":100}""").Problems
            .Should().Contain(problem => problem.Keys.SequenceEqual(new[] { ScheduleKeys.StepsPerEpoch }) && problem.Message.Contains("divide the step", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SequentialLR", """ "milestones":[4], """)]
    [InlineData("ChainedScheduler", "")]
    public void A_composite_in_epochs_refuses_a_child_with_steps_per_epoch_of_its_own(string composite, string milestones)
    {
        var refusal = RefusalOf($$"""
            {"scheduler":"{{composite}}","learning_rate":0.1,{{milestones}}"steps_per_epoch":10,
             "schedulers":[{"scheduler":"ConstantLR"},{"scheduler":"StepLR","step_size":2,"steps_per_epoch":5}]}
            """);

        refusal.Keys.Should().Equal("schedulers[1].steps_per_epoch");
        refusal.Message.Should().Contain("give steps_per_epoch once");
    }

    [Fact]
    public void A_run_longer_than_2_to_the_53_steps_in_all_is_refused_naming_total_steps_and_steps_per_epoch()
    {
        var refusal = RefusalOf("""{"scheduler":"cosine","learning_rate":0.1,"total_steps":1000000000000,"steps_per_epoch":100000}""");

        refusal.Keys.Should().Equal(ScheduleKeys.TotalSteps, ScheduleKeys.StepsPerEpoch);
        refusal.Message.Should().Contain("100000000000000000").And.Contain("2^53");
    }

    [Fact]
    public void Every_problem_is_listed_with_a_refused_steps_per_epoch()
    {
        var refusal = RefusalOf("""{"scheduler":"CosineAnnealingLR","learning_rate":0.1,"T_max":0,"steps_per_epoch":0.5}""");

        refusal.Keys.Should().BeEquivalentTo(ScheduleKeys.TMax, ScheduleKeys.StepsPerEpoch);
    }

    [Fact]
    public void The_lenient_path_rounds_a_fractional_steps_per_epoch_and_says_so()
    {
        var result = LearningRateSchedule.CreateLenient(ScheduleOptions.FromJson("""{"scheduler":"StepLR","learning_rate":0.1,"step_size":3,"steps_per_epoch":9.6}"""));

        result.Schedule.StepsPerEpoch.Should().Be(10);
        result.Adjustments.Should().ContainSingle().Which.Key.Should().Be(ScheduleKeys.StepsPerEpoch);
    }
}
