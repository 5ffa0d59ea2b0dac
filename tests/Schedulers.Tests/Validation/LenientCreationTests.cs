namespace Schedulers.Tests.Validation;

public sealed class LenientCreationTests
{
    [Fact]
    public void A_valid_configuration_is_built_with_no_adjustments()
    {
        var result = LearningRateSchedule.CreateLenient(ScheduleOptions.FromJson("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100}"""));

        result.Adjustments.Should().BeEmpty();
    }

    [Fact]
    public void The_Kohya_mistake_is_fixed_by_removing_the_warmup_and_reported()
    {
        var result = LearningRateSchedule.CreateLenient(ScheduleOptions.FromJson("""{"scheduler":"constant","learning_rate":0.001,"warmup_steps":10}"""));

        result.Schedule.GetLearningRate(0).Should().Be(0.001);
        result.Adjustments.Should().ContainSingle().Which.Should().Match<ScheduleAdjustment>(adjustment => adjustment.Key == "warmup_steps" && adjustment.NewValue == null);
    }

    [Fact]
    public void Every_fixable_problem_is_fixed_and_each_fix_is_listed()
    {
        var result = LearningRateSchedule.CreateLenient(ScheduleOptions.FromJson(
            """{"scheduler":"linear","learning_rate":0.001,"total_steps":100,"warmup_steps":150,"power":2,"min_lr_ratio":-0.5}"""));

        result.Adjustments.Select(adjustment => adjustment.Key).Should().BeEquivalentTo(["warmup_steps", "power", "min_lr_ratio"]);
        result.Schedule.WarmupSteps.Should().Be(99);
        result.Schedule.Options.Contains("power").Should().BeFalse();
    }

    [Fact]
    public void A_problem_only_the_user_can_fix_is_still_refused()
    {
        FluentActions.Invoking(() => LearningRateSchedule.CreateLenient(ScheduleOptions.FromJson("""{"scheduler":"cosine","learning_rate":0.001}""")))
            .Should().Throw<ScheduleConfigurationException>().Which.Keys.Should().Equal("total_steps");
    }

    [Fact]
    public void The_strict_path_refuses_what_the_lenient_path_fixes()
    {
        var options = ScheduleOptions.FromJson("""{"scheduler":"constant","learning_rate":0.001,"warmup_steps":10}""");

        FluentActions.Invoking(() => LearningRateSchedule.Create(options)).Should().Throw<ScheduleConfigurationException>();
    }
}
