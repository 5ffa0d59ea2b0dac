using System.Collections.Immutable;

namespace Schedulers;

/// <summary>
/// The <c>schedulers</c> list of a composite: each child is a full configuration, validated by the same pass as a
/// top-level one, with its problems reported under a path such as <c>schedulers[1].T_max</c>. Children inherit the
/// composite's <c>learning_rate</c> unless they set their own.
/// </summary>
internal static class ChildConfigurations
{
    public static ParameterDescriptor Descriptor(string meaning) => new(
        ScheduleKeys.Schedulers, ParameterKind.ScheduleList, ParameterPresence.Required, meaning);

    /// <summary>Reads and checks every child, adding their problems (under their paths) to <paramref name="problems"/>.</summary>
    public static void Check(ParameterSet parameters, List<ConfigurationProblem> problems, Func<ScheduleOptions, ConfigurationProblem?>? childRule = null)
    {
        if (parameters.Given(ScheduleKeys.Schedulers) is not { } list)
        {
            return;
        }

        for (var i = 0; i < list.Items.Length; i++)
        {
            var path = $"{ScheduleKeys.Schedulers}[{i}]";
            ScheduleOptions child;
            try
            {
                child = ScheduleOptions.FromJson(list.Items[i].TextValue!);
            }
            catch (ScheduleConfigurationException refused)
            {
                problems.AddRange(refused.Problems.Select(problem => problem.Within(path)));
                continue;
            }

            if (childRule?.Invoke(child) is { } ruleProblem)
            {
                problems.Add(ruleProblem.Within(path));
            }

            if (EpochsTwice(parameters, child) is { } epochProblem)
            {
                problems.Add(epochProblem.Within(path));
            }

            // A child without its own learning_rate under a parent whose learning_rate was refused: the parent's problem says it all.
            // (Its problem may name learning_rate with the other name of the same value, OneCycleLR's max_lr.)
            var inheritsRefused = !child.Contains(ScheduleKeys.LearningRate) && !parameters.Has(ScheduleKeys.LearningRate);
            var descriptor = child.Scheduler is { } name ? SchedulerCatalog.Find(name) : null;
            child = Inherit(child, parameters);
            problems.AddRange(ScheduleValidator.CheckCurve(child)
                .Where(problem => !(inheritsRefused
                    && problem.Keys.Contains(ScheduleKeys.LearningRate)
                    && problem.Keys.All(key => key == ScheduleKeys.LearningRate || descriptor?.Find(key)?.EqualAlternativesAccepted == true)))
                .Select(problem => problem.Within(path)));
        }
    }

    /// <summary>
    /// A composite's <c>steps_per_epoch</c> puts every child in epochs already (the children see the epoch count); a
    /// child's own would divide epochs again. A child may have its own only under a composite in steps.
    /// </summary>
    private static ConfigurationProblem? EpochsTwice(ParameterSet parameters, ScheduleOptions child) =>
        parameters.Given(ScheduleKeys.StepsPerEpoch) is { } composite && child.TryGetValue(ScheduleKeys.StepsPerEpoch, out var own)
            ? ConfigurationProblem.ForKey(ScheduleKeys.StepsPerEpoch, own,
                $"{own} is given with the composite's steps_per_epoch ({composite}), which already counts this schedule's lengths in epochs: give steps_per_epoch once, on the composite (or only on children of a composite without it).")
            : null;

    /// <summary>Builds the children of a configuration that passed <see cref="Check"/>.</summary>
    public static ImmutableArray<LearningRateSchedule> Build(ParameterSet parameters) =>
        [.. parameters.Given(ScheduleKeys.Schedulers)!.Items.Select(item => LearningRateSchedule.Create(Inherit(ScheduleOptions.FromJson(item.TextValue!), parameters)))];

    /// <summary>
    /// Passes learning_rate down to a child that takes one and has none, under either of its names (OneCycleLR's
    /// max_lr, CyclicLR's base_lr). interpolated takes its levels from its points, the Keras family its
    /// initial_learning_rate.
    /// </summary>
    private static ScheduleOptions Inherit(ScheduleOptions child, ParameterSet parameters)
    {
        var descriptor = child.Scheduler is { } name ? SchedulerCatalog.Find(name) : null;
        var givesItsOwn = child.Contains(ScheduleKeys.LearningRate)
            || descriptor?.Parameters.Any(parameter => parameter.EqualAlternativesAccepted
                && parameter.Alternatives.Contains(ScheduleKeys.LearningRate)
                && child.Contains(parameter.Key)) == true;
        return givesItsOwn || !parameters.Has(ScheduleKeys.LearningRate) || descriptor?.Takes(ScheduleKeys.LearningRate) == false
            ? child
            : child.With(ScheduleKeys.LearningRate, parameters.Given(ScheduleKeys.LearningRate)!);
    }
}
