namespace Schedulers.Tests.Schedules;

public sealed class BuilderTests
{
    [Fact]
    public void The_builder_produces_the_same_schedule_as_the_equivalent_json()
    {
        var built = LearningRateSchedule.CreateBuilder()
            .WithScheduler("cosine").WithLearningRate(3e-4).WithWarmupSteps(100).WithTotalSteps(1000).WithNumCycles(0.5)
            .Build();
        var read = LearningRateSchedule.FromJson("""{"scheduler":"cosine","learning_rate":3e-4,"warmup_steps":100,"total_steps":1000,"num_cycles":0.5}""");

        built.ToJson().Should().Be(read.ToJson());
    }

    [Fact]
    public void A_later_value_replaces_an_earlier_one()
    {
        var schedule = LearningRateSchedule.CreateBuilder().WithScheduler("constant").WithLearningRate(1).WithLearningRate(2).Build();

        schedule.LearningRate.Should().Be(2);
    }

    [Fact]
    public void Changing_the_builder_after_building_leaves_the_schedule_unchanged()
    {
        var builder = LearningRateSchedule.CreateBuilder().WithScheduler("constant").WithLearningRate(1);
        var schedule = builder.Build();

        builder.WithLearningRate(5);

        schedule.GetLearningRate(0).Should().Be(1);
        builder.Build().GetLearningRate(0).Should().Be(5);
    }

    [Fact]
    public void Any_contract_key_can_be_set_by_name()
    {
        var schedule = LearningRateSchedule.CreateBuilder()
            .WithScheduler("warmup_stable_decay").WithLearningRate(1).WithTotalSteps(100)
            .With(ScheduleKeys.DecaySteps, 10).With(ScheduleKeys.DecayType, "linear")
            .Build();

        schedule.GetLearningRate(95).Should().BeApproximately(0.5, 1e-15);
    }

    [Fact]
    public void The_builder_refuses_with_every_problem()
    {
        FluentActions.Invoking(() => LearningRateSchedule.CreateBuilder().WithScheduler("constant").WithWarmupSteps(5).Build())
            .Should().Throw<ScheduleConfigurationException>().Which.Keys.Should().BeEquivalentTo([ScheduleKeys.LearningRate, ScheduleKeys.WarmupSteps]);
    }
}
