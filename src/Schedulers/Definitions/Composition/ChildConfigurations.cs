using System.Collections.Immutable;

namespace Schedulers;

/// <summary>
/// The <c>schedulers</c> list of a composite: each child is a full configuration, validated by the same pass as a
/// top-level one, with its problems reported under a path such as <c>schedulers[1].T_max</c>. Children inherit the
/// composite's <c>learning_rate</c> unless they set their own. A composite written as PyTorch code is written, with the
/// learning rate on each child and none on the composite, takes the children's when they agree: PyTorch's composites
/// drive the one optimizer their schedulers were built on, so there is only one learning rate to agree on.
/// </summary>
internal static class ChildConfigurations
{
    public static ParameterDescriptor Descriptor(string meaning) => new(
        ScheduleKeys.Schedulers, ParameterKind.ScheduleList, ParameterPresence.Required, meaning);

    /// <summary>A composite's <c>learning_rate</c>: optional, because the children may carry it the PyTorch way.</summary>
    public static ParameterDescriptor LearningRateDescriptor(string meaning) => new(
        ScheduleKeys.LearningRate, ParameterKind.Number, ParameterPresence.Optional, meaning, range: ValueRange.GreaterThan(0));

    /// <summary>
    /// Gets the composite's learning rate: its own, else the one every child that gives one gives (the PyTorch way);
    /// <see langword="null"/> when there is neither, or the children disagree (<see cref="Check"/> reports both).
    /// </summary>
    public static ParameterValue? LearningRate(ParameterSet parameters)
    {
        if (parameters.Given(ScheduleKeys.LearningRate) is { } own)
        {
            return own;
        }

        if (parameters.Written(ScheduleKeys.LearningRate))
        {
            return null; // Given and refused on its own: the children's must not stand in for it.
        }

        var rates = ChildRates(parameters);
        return rates.Count > 0 && rates.All(rate => rate.Value.NumberValue == rates[0].Value.NumberValue) ? rates[0].Value : null;
    }

    /// <summary>The learning rates the children give, under <c>learning_rate</c> or another name for it (OneCycleLR's <c>max_lr</c>).</summary>
    private static List<(string Path, ParameterValue Value)> ChildRates(ParameterSet parameters)
    {
        var rates = new List<(string, ParameterValue)>();
        var items = parameters.Given(ScheduleKeys.Schedulers)?.Items ?? [];
        for (var i = 0; i < items.Length; i++)
        {
            ScheduleOptions child;
            try
            {
                child = ScheduleOptions.FromJson(items[i].TextValue!);
            }
            catch (ScheduleConfigurationException)
            {
                continue; // Check reports the child's own problems.
            }

            var descriptor = child.Scheduler is { } name ? SchedulerCatalog.Find(name) : null;
            var key = child.Contains(ScheduleKeys.LearningRate) ? ScheduleKeys.LearningRate
                : descriptor?.Parameters.FirstOrDefault(parameter => parameter.EqualAlternativesAccepted
                    && parameter.Alternatives.Contains(ScheduleKeys.LearningRate) && child.Contains(parameter.Key))?.Key;
            if (key is not null && child.TryGetValue(key, out var value) && value.Kind == ParameterValueKind.Number)
            {
                rates.Add(($"{ScheduleKeys.Schedulers}[{i}].{key}", value));
            }
        }

        return rates;
    }

    /// <summary>A composite without a learning rate of its own needs its children to give one, the same one.</summary>
    private static ConfigurationProblem? MissingLearningRate(ParameterSet parameters, string composite, string ifOwn)
    {
        if (parameters.Written(ScheduleKeys.LearningRate) || !parameters.Has(ScheduleKeys.Schedulers))
        {
            return null;
        }

        var rates = ChildRates(parameters);
        if (rates.Count == 0)
        {
            return ConfigurationProblem.ForKey(ScheduleKeys.LearningRate, null,
                $"is required by '{composite}': a number > 0, on the {composite} or, as PyTorch code has it, the same on each of its schedulers.");
        }

        return rates.DistinctBy(rate => rate.Value.NumberValue).Count() > 1
            ? ConfigurationProblem.ForKeys([ScheduleKeys.LearningRate, .. rates.Select(rate => rate.Path)],
                $"the {composite} gives no learning_rate and its schedulers give different ones ({string.Join(", ", rates.Select(rate => $"{rate.Path} = {rate.Value}"))}): "
                + $"in PyTorch they would share one optimizer and so one learning rate. Give each the same, or give learning_rate on the {composite} ({ifOwn}).")
            : null;
    }

    /// <summary>Reads and checks every child, adding their problems (under their paths) to <paramref name="problems"/>.</summary>
    /// <param name="parameters">The composite's parameters.</param>
    /// <param name="problems">Where the problems found go.</param>
    /// <param name="composite">The composite's name, for messages.</param>
    /// <param name="ifOwn">What becomes of the children's learning rates when the composite gives its own, for the message that asks for one.</param>
    /// <param name="childRule">A rule of the composite's own for each child.</param>
    public static void Check(ParameterSet parameters, List<ConfigurationProblem> problems, string composite, string ifOwn, Func<ScheduleOptions, ConfigurationProblem?>? childRule = null)
    {
        if (MissingLearningRate(parameters, composite, ifOwn) is { } missing)
        {
            problems.Add(missing);
        }

        if (parameters.Given(ScheduleKeys.Schedulers) is not { } list)
        {
            return;
        }

        var learningRate = LearningRate(parameters);

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
            var inheritsRefused = !child.Contains(ScheduleKeys.LearningRate) && learningRate is null;
            var descriptor = child.Scheduler is { } name ? SchedulerCatalog.Find(name) : null;
            child = Inherit(child, learningRate);
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
    /// <param name="parameters">The composite's parameters.</param>
    /// <param name="learningRate">The composite's <see cref="LearningRate"/>, which children without their own inherit.</param>
    public static ImmutableArray<LearningRateSchedule> Build(ParameterSet parameters, ParameterValue learningRate) =>
        [.. parameters.Given(ScheduleKeys.Schedulers)!.Items.Select(item => LearningRateSchedule.Create(Inherit(ScheduleOptions.FromJson(item.TextValue!), learningRate)))];

    /// <summary>
    /// Passes learning_rate down to a child that takes one and has none, under either of its names (OneCycleLR's
    /// max_lr, CyclicLR's base_lr). interpolated takes its levels from its points, the Keras family its
    /// initial_learning_rate.
    /// </summary>
    private static ScheduleOptions Inherit(ScheduleOptions child, ParameterValue? learningRate)
    {
        var descriptor = child.Scheduler is { } name ? SchedulerCatalog.Find(name) : null;
        var givesItsOwn = child.Contains(ScheduleKeys.LearningRate)
            || descriptor?.Parameters.Any(parameter => parameter.EqualAlternativesAccepted
                && parameter.Alternatives.Contains(ScheduleKeys.LearningRate)
                && child.Contains(parameter.Key)) == true;
        return givesItsOwn || learningRate is null || descriptor?.Takes(ScheduleKeys.LearningRate) == false
            ? child
            : child.With(ScheduleKeys.LearningRate, learningRate);
    }
}
