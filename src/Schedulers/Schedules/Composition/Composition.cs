using System.Collections.Immutable;

namespace Schedulers;

/// <summary>
/// Composites built in C# from schedules that already exist (any schedule, a <c>LambdaLR</c> included), checked by the
/// same rules as their JSON form and refused with the same exception.
/// </summary>
internal static class Composition
{
    public static LearningRateSchedule Sequential(IReadOnlyList<LearningRateSchedule> schedules, IReadOnlyList<long> milestones)
    {
        var problems = new List<ConfigurationProblem>();
        CheckChildren(schedules, problems);
        if (milestones.Count != schedules.Count - 1)
        {
            problems.Add(ConfigurationProblem.ForKeys([ScheduleKeys.Milestones, ScheduleKeys.Schedulers],
                $"{milestones.Count} milestones for {schedules.Count} schedules: a SequentialLR needs exactly one milestone fewer than schedules ({schedules.Count - 1})."));
        }

        var given = ParameterValue.FromList(milestones.Select(step => ParameterValue.FromNumber(step)));
        if (milestones.Any(step => step < 1) || milestones.Zip(milestones.Skip(1)).Any(pair => pair.Second <= pair.First))
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.Milestones, given,
                $"{given} must be >= 1 and strictly increasing: each schedule must run for at least one step."));
        }

        Guard.ThrowIfAny([.. problems]);
        var descriptor = SchedulerDefinitions.Find("SequentialLR")!.Descriptor;
        var learningRate = schedules[0].LearningRate;
        var options = ScheduleOptions.FromEntries(
        [
            new(ScheduleOptions.SchedulerKey, ParameterValue.FromText(descriptor.Name)),
            new(ScheduleKeys.LearningRate, ParameterValue.FromNumber(learningRate)),
            new(ScheduleKeys.Schedulers, ParameterValue.FromList(schedules.Select(child => ParameterValue.FromObjectJson(child.Options.ToJson())))),
            new(ScheduleKeys.Milestones, given),
        ]);
        return new SequentialSchedule(descriptor, options, learningRate, null, [.. schedules], [.. milestones]);
    }

    public static LearningRateSchedule Chained(IReadOnlyList<LearningRateSchedule> schedules)
    {
        var problems = new List<ConfigurationProblem>();
        CheckChildren(schedules, problems);
        for (var i = 1; i < schedules.Count; i++)
        {
            if (schedules[i].LearningRate != schedules[0].LearningRate)
            {
                problems.Add(ConfigurationProblem.ForKey($"{ScheduleKeys.Schedulers}[{i}].{ScheduleKeys.LearningRate}", ParameterValue.FromNumber(schedules[i].LearningRate),
                    $"differs from the first schedule's learning rate ({schedules[0].LearningRate}): a ChainedScheduler multiplies factors of one learning rate, so give every schedule the same one."));
            }
        }

        Guard.ThrowIfAny([.. problems]);
        var descriptor = SchedulerDefinitions.Find("ChainedScheduler")!.Descriptor;
        var learningRate = schedules[0].LearningRate;
        var options = ScheduleOptions.FromEntries(
        [
            new(ScheduleOptions.SchedulerKey, ParameterValue.FromText(descriptor.Name)),
            new(ScheduleKeys.LearningRate, ParameterValue.FromNumber(learningRate)),
            new(ScheduleKeys.Schedulers, ParameterValue.FromList(schedules.Select(child => ParameterValue.FromObjectJson(child.Options.Without(ScheduleKeys.LearningRate).ToJson())))),
        ]);
        return new ChainedSchedule(descriptor, options, learningRate, null, [.. schedules]);
    }

    private static void CheckChildren(IReadOnlyList<LearningRateSchedule> schedules, List<ConfigurationProblem> problems)
    {
        if (schedules.Count == 0)
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.Schedulers, ParameterValue.FromList([]), "is empty: give at least one schedule."));
        }

        for (var i = 0; i < schedules.Count; i++)
        {
            if (schedules[i] is null)
            {
                problems.Add(ConfigurationProblem.ForKey($"{ScheduleKeys.Schedulers}[{i}]", ParameterValue.Null, "is null: give a schedule."));
            }
        }

        Guard.ThrowIfAny([.. problems]);
    }
}
