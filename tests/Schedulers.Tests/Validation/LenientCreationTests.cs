using System.Reflection;

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
        result.Adjustments.Should().ContainSingle().Which.Should().Match<ScheduleAdjustment>(adjustment => adjustment.Key == ScheduleKeys.WarmupSteps && adjustment.NewValue == null);
    }

    [Fact]
    public void Every_fixable_problem_is_fixed_and_each_fix_is_listed()
    {
        var result = LearningRateSchedule.CreateLenient(ScheduleOptions.FromJson(
            """{"scheduler":"linear","learning_rate":0.001,"total_steps":100,"warmup_steps":150,"power":2,"min_lr_ratio":-0.5}"""));

        result.Adjustments.Select(adjustment => adjustment.Key).Should().BeEquivalentTo([ScheduleKeys.WarmupSteps, ScheduleKeys.Power, ScheduleKeys.MinLrRatio]);
        result.Schedule.WarmupSteps.Should().Be(99);
        result.Schedule.Options.Contains(ScheduleKeys.Power).Should().BeFalse();
    }

    [Fact]
    public void A_problem_only_the_user_can_fix_is_still_refused()
    {
        FluentActions.Invoking(() => LearningRateSchedule.CreateLenient(ScheduleOptions.FromJson("""{"scheduler":"cosine","learning_rate":0.001}""")))
            .Should().Throw<ScheduleConfigurationException>().Which.Keys.Should().Equal(ScheduleKeys.TotalSteps);
    }

    [Fact]
    public void The_strict_path_refuses_what_the_lenient_path_fixes()
    {
        var options = ScheduleOptions.FromJson("""{"scheduler":"constant","learning_rate":0.001,"warmup_steps":10}""");

        FluentActions.Invoking(() => LearningRateSchedule.Create(options)).Should().Throw<ScheduleConfigurationException>();
    }

    [Fact]
    public void An_adjustment_keeps_the_value_the_user_gave_and_says_why_it_changed()
    {
        var result = LearningRateSchedule.CreateLenient(ScheduleOptions.FromJson("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":100,"warmup_steps":2.4}"""));

        var adjustment = result.Adjustments.Should().ContainSingle().Which;
        adjustment.OriginalValue.Should().Be(ParameterValue.FromNumber(2.4));
        adjustment.NewValue.Should().Be(ParameterValue.FromNumber(2));
        adjustment.ToString().Should().Be("warmup_steps: 2.4 -> 2 (rounded to a whole number)");
    }

    [Theory]
    [InlineData(typeof(LenientScheduleResult))]
    [InlineData(typeof(ScheduleAdjustment))]
    public void Lenient_results_are_sealed_read_only_classes_that_only_the_library_creates(Type type)
    {
        type.IsSealed.Should().BeTrue();
        type.GetConstructors().Should().BeEmpty("only the lenient path creates them");
        type.GetProperties().Should().OnlyContain(property => property.SetMethod == null, "they are read-only");
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(method => method.Name).Should().NotContain(["<Clone>$", "Deconstruct", "Equals", "GetHashCode"], "record equality over a schedule means nothing");
    }

    [Fact]
    public void Two_adjustments_with_the_same_contents_are_distinct_objects()
    {
        var options = ScheduleOptions.FromJson("""{"scheduler":"constant","learning_rate":0.001,"warmup_steps":10}""");

        var first = LearningRateSchedule.CreateLenient(options);
        var second = LearningRateSchedule.CreateLenient(options);

        first.Adjustments[0].Should().NotBe(second.Adjustments[0]);
    }

    [Fact]
    public void A_misspelt_key_is_renamed_to_the_key_it_resembles_and_both_changes_are_reported()
    {
        var result = LearningRateSchedule.CreateLenient(ScheduleOptions.FromJson("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":1000,"warmup_step":100}"""));

        result.Schedule.WarmupSteps.Should().Be(100);
        result.Adjustments.Select(adjustment => (adjustment.Key, adjustment.OriginalValue, adjustment.NewValue)).Should().Equal(
            ("warmup_step", ParameterValue.FromNumber(100), null),
            (ScheduleKeys.WarmupSteps, null, ParameterValue.FromNumber(100)));
    }

    [Fact]
    public void A_misspelt_key_whose_right_spelling_is_given_too_is_removed_not_renamed()
    {
        var result = LearningRateSchedule.CreateLenient(ScheduleOptions.FromJson("""{"scheduler":"cosine","learning_rate":0.001,"total_steps":1000,"warmup_steps":10,"warmup_step":100}"""));

        result.Schedule.WarmupSteps.Should().Be(10);
        result.Adjustments.Should().ContainSingle().Which.Key.Should().Be("warmup_step");
    }

    [Fact]
    public void A_misspelt_key_of_a_parameter_the_scheduler_does_not_take_is_removed()
    {
        var result = LearningRateSchedule.CreateLenient(ScheduleOptions.FromJson("""{"scheduler":"constant","learning_rate":0.001,"num_cycle":3}"""));

        result.Adjustments.Should().ContainSingle().Which.Should().Match<ScheduleAdjustment>(adjustment => adjustment.Key == "num_cycle" && adjustment.NewValue == null);
    }

    [Fact]
    public void A_lenient_result_prints_its_schedule_and_every_adjustment()
    {
        var result = LearningRateSchedule.CreateLenient(ScheduleOptions.FromJson("""{"scheduler":"constant","learning_rate":0.001,"warmup_steps":10}"""));

        result.ToString().Should().Contain(result.Schedule.ToString()).And.Contain(result.Adjustments.Single().ToString()).And.NotContain("ImmutableArray");
    }
}
