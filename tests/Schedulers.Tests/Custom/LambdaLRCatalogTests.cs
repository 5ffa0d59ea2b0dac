namespace Schedulers.Tests.Custom;

/// <summary>LambdaLR is in the catalog like every scheduler, but only C# code can make one.</summary>
public sealed class LambdaLRCatalogTests
{
    [Fact]
    public void LambdaLR_is_in_the_catalog_as_code_only()
    {
        SchedulerCatalog.Find("LambdaLR")!.IsCodeOnly.Should().BeTrue();
    }

    [Fact]
    public void Only_LambdaLR_is_code_only()
    {
        SchedulerCatalog.All.Where(scheduler => scheduler.IsCodeOnly).Select(scheduler => scheduler.Name).Should().Equal("LambdaLR");
    }

    [Fact]
    public void A_schedule_made_from_a_function_reports_the_catalog_descriptor()
    {
        LearningRateSchedule.FromFunction(0.1, _ => 1).Descriptor.Should().BeSameAs(SchedulerCatalog.Find("LambdaLR"));
    }

    [Fact]
    public void A_LambdaLR_configuration_is_refused_pointing_to_FromFunction()
    {
        var refusal = FluentActions.Invoking(() => LearningRateSchedule.FromJson("""{"scheduler":"LambdaLR","learning_rate":0.1}"""))
            .Should().Throw<ScheduleConfigurationException>().Which;

        refusal.Problems.Should().ContainSingle().Which.Message.Should().Contain("LearningRateSchedule.FromFunction");
    }
}
