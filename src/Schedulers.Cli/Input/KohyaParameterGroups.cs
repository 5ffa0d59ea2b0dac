using System.Collections.Immutable;
using System.Globalization;

namespace Schedulers.Cli;

/// <summary>
/// The parameter groups of an sd-scripts run (<see cref="KohyaNetworkParts"/>) as configurations of ours, one curve
/// each (<see cref="ImportedGroup"/>, chosen with <c>--group</c>). sd-scripts builds one schedule over the optimizer,
/// whose default rate is <c>learning_rate</c>, and steps every group with the schedule's factor (a <c>LambdaLR</c>), so
/// each group's curve is the schedule with its own rate: for transformers' schedules the absolute <c>lr_end</c> /
/// <c>min_lr</c> scale with it (they enter the factor as a ratio to the optimizer's default rate); a PyTorch class keeps
/// them absolute per group, as PyTorch does.
/// </summary>
internal static class KohyaParameterGroups
{
    /// <summary>The keys whose absolute value enters transformers' factor relative to the optimizer's default rate.</summary>
    private static readonly string[] ScaledKeys = [ScheduleKeys.LrEnd, ScheduleKeys.MinLr];

    /// <summary>
    /// <paramref name="imported"/> with the groups of <paramref name="parts"/>, the first of them its curve; unchanged when
    /// every part trains at <c>learning_rate</c>.
    /// </summary>
    public static ImportedConfiguration WithGroups(ImportedConfiguration imported, KohyaNetworkParts parts)
    {
        if (!parts.HasOwnRates || parts.Trained.IsEmpty)
        {
            return imported;
        }

        var options = imported.Options;
        var descriptor = options.Scheduler is { } name ? SchedulerCatalog.Find(name) : null;
        var defaultLr = options.TryGetValue(ScheduleKeys.LearningRate, out var rate) && rate.Kind == ParameterValueKind.Number ? rate.NumberValue : KohyaMappings.DefaultLearningRate;
        var named = parts.Trained;
        if (descriptor?.Name is "OneCycleLR" or "CyclicLR")
        {
            return imported.WithNotes([$"{string.Join(" and ", named.Select(group => group.Origin).Distinct())} do not change the curve: {descriptor.Name} sets every parameter group's rate from its own arguments."]);
        }

        var groups = named.Select(group => new ImportedGroup(group.Name, GroupOptions(options, descriptor, group, defaultLr), group.Origin)).ToImmutableArray();
        var listed = string.Join(", ", named.Select(group => $"{group.Name} at {group.Origin} {Format(group.Rate)}"));
        var trains = named.Length == 1
            ? $"only the {named[0].Name} trains ({string.Join("; ", parts.Untrained)}), at {named[0].Origin} {Format(named[0].Rate)}"
            : $"{listed}; this is the {named[0].Name}'s curve, {string.Join(" or ", named.Skip(1).Select(group => "--group " + group.Name))} gives {(named.Length == 2 ? "the other" : "the others")}{(parts.Untrained.IsEmpty ? string.Empty : $" (not trained: {string.Join("; ", parts.Untrained)})")}";
        var note = $"{ImportedConfiguration.GroupNotePrefix}{trains}; each follows the schedule built on the optimizer's learning_rate {Format(defaultLr)}, scaled to its own rate.";
        return imported.WithNotes([note]) with
        {
            Options = groups[0].Options,
            Groups = groups,
            Origins = imported.Origins.SetItem(ScheduleKeys.LearningRate, groups[0].Origin),
        };
    }

    private static ScheduleOptions GroupOptions(ScheduleOptions options, SchedulerDescriptor? descriptor, KohyaTrainedPart part, double defaultLr)
    {
        var group = options.With(ScheduleKeys.LearningRate, ParameterValue.FromNumber(part.Rate));
        if (descriptor?.Family == SchedulerFamily.PyTorch)
        {
            return group;
        }

        foreach (var key in ScaledKeys)
        {
            if (options.TryGetValue(key, out var absolute) && absolute.Kind == ParameterValueKind.Number)
            {
                if (defaultLr <= 0)
                {
                    // transformers divides by the optimizer's rate (min_lr / lr) or refuses an end above it (lr_end).
                    throw new UsageException($"{key} {Format(absolute.NumberValue)} with learning_rate {Format(defaultLr)}: transformers reads it relative to the optimizer's learning_rate, which must be > 0 (sd-scripts fails building the schedule).");
                }

                group = group.With(key, ParameterValue.FromNumber(absolute.NumberValue * (part.Rate / defaultLr)));
            }
        }

        return group;
    }

    private static string Format(double number) => number.ToString("R", CultureInfo.InvariantCulture);
}
