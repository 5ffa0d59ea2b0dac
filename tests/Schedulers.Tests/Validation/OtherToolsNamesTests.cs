namespace Schedulers.Tests.Validation;

/// <summary>
/// Names other tools give our keys and schedulers are close in meaning but far in letters: a refusal suggests ours
/// (issue 19's walkthrough met <c>lr</c> answered with <c>lb</c>).
/// </summary>
public sealed class OtherToolsNamesTests
{
    [Theory]
    [InlineData("lr", ScheduleKeys.LearningRate)]
    [InlineData("warmup", ScheduleKeys.WarmupSteps)]
    [InlineData("num_warmup_steps", ScheduleKeys.WarmupSteps)]
    [InlineData("num_training_steps", ScheduleKeys.TotalSteps)]
    public void Another_tools_name_for_a_key_is_answered_with_ours(string theirs, string ours)
    {
        var json = $$"""{"scheduler": "cosine", "learning_rate": 3e-4, "warmup_steps": 10, "total_steps": 1000, "{{theirs}}": 5}""".Replace($"\"{ours}\": ", "\"unused\": ", StringComparison.Ordinal);

        Refusal(json).Problems.Should().Contain(problem => problem.Keys.Contains(theirs))
            .Which.Message.Should().Contain($"Did you mean \"{ours}\"?");
    }

    [Theory]
    [InlineData("cosine_with_warmup", "cosine")]
    [InlineData("linear_with_warmup", "linear")]
    [InlineData("cosine_with_hard_restarts", "cosine_with_restarts")]
    public void Hugging_Faces_function_names_are_answered_with_the_scheduler(string theirs, string ours)
    {
        Refusal($$"""{"scheduler": "{{theirs}}", "learning_rate": 3e-4, "total_steps": 1000}""").Message.Should().Contain($"Did you mean \"{ours}\"?");
    }

    [Fact]
    public void A_misspelt_key_is_answered_with_rename_it()
    {
        Refusal("""{"scheduler": "cosine", "learning_rate": 3e-4, "total_steps": 1000, "warmup_step": 5}""").Message
            .Should().Contain("Did you mean \"warmup_steps\"? Rename it, or remove it.");
    }

    [Fact]
    public void Lenient_mode_renames_another_tools_name_to_ours()
    {
        var result = LearningRateSchedule.CreateLenient(ScheduleOptions.FromJson("""{"scheduler": "cosine", "lr": 3e-4, "total_steps": 1000}"""));

        result.Schedule.LearningRate.Should().Be(3e-4);
    }

    private static ScheduleConfigurationException Refusal(string json) =>
        FluentActions.Invoking(() => LearningRateSchedule.FromJson(json)).Should().Throw<ScheduleConfigurationException>().Which;
}
