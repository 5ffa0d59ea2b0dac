using Schedulers.Tests.Support;

namespace Schedulers.Tests.Training;

/// <summary>A stepper over a schedule in epoch units: it counts optimizer steps, so a checkpoint mid-epoch resumes exactly.</summary>
public sealed class EpochStepperTests
{
    private const string StepLRInEpochs = """{"scheduler":"StepLR","learning_rate":0.1,"step_size":2,"gamma":0.5,"steps_per_epoch":10}""";

    public static TheoryData<string> Schedulers => [.. RandomConfigurations.SchedulerNames];

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void A_checkpoint_taken_in_the_middle_of_an_epoch_resumes_with_the_values_of_an_uninterrupted_run(string scheduler)
    {
        var random = new Random(scheduler.Length * 31);
        for (var n = 0; n < 3; n++)
        {
            var (_, schedule) = RandomConfigurations.InEpochs(scheduler, random);
            var stepsPerEpoch = schedule.StepsPerEpoch;
            var stopAt = (random.NextInt64(0, 40) * stepsPerEpoch) + 1 + random.NextInt64(0, stepsPerEpoch - 1);
            var uninterrupted = new ScheduleStepper(schedule, ParameterGroup.Scaled("a", 0.5), ParameterGroup.Scaled("b", 2.0));
            for (var step = 0L; step < stopAt; step++)
            {
                uninterrupted.Step();
            }

            var saved = uninterrupted.SaveState().ToJson();
            var resumed = new ScheduleStepper(LearningRateSchedule.FromJson(schedule.ToJson()), ParameterGroup.Scaled("a", 0.5), ParameterGroup.Scaled("b", 2.0));
            resumed.RestoreState(SchedulerState.FromJson(saved));

            resumed.CurrentStep.Should().Be(stopAt);
            for (var step = 0; step < (3 * stepsPerEpoch) + 5; step++, uninterrupted.Step(), resumed.Step())
            {
                resumed.Values.Should().Equal(uninterrupted.Values, "step {0} of {1} resumed at {2}", resumed.CurrentStep, schedule, stopAt);
            }
        }
    }

    [Fact]
    public void The_value_changes_only_when_an_epoch_ends()
    {
        var stepper = new ScheduleStepper(LearningRateSchedule.FromJson(StepLRInEpochs));
        var changes = new List<long>();
        var previous = stepper.Value;
        for (var step = 1; step <= 60; step++)
        {
            stepper.Step();
            if (stepper.Value != previous)
            {
                changes.Add(stepper.CurrentStep);
            }

            previous = stepper.Value;
        }

        changes.Should().Equal(20, 40, 60);
    }

    [Fact]
    public void A_state_saved_in_steps_is_refused_by_a_stepper_in_epochs()
    {
        var inSteps = new ScheduleStepper(LearningRateSchedule.FromJson("""{"scheduler":"StepLR","learning_rate":0.1,"step_size":2,"gamma":0.5}"""));
        inSteps.Step();
        var inEpochs = new ScheduleStepper(LearningRateSchedule.FromJson(StepLRInEpochs));

        var restore = () => inEpochs.RestoreState(inSteps.SaveState());

        restore.Should().Throw<SchedulerStateMismatchException>().Which.Keys.Should().Equal(ScheduleKeys.StepsPerEpoch);
        inEpochs.CurrentStep.Should().Be(0);
    }
}
