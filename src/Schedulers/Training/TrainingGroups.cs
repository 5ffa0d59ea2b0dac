namespace Schedulers;

/// <summary>Checks shared by the stepping schedulers: group names, and a saved state's kind and fingerprint.</summary>
internal static class TrainingGroups
{
    public static void CheckNames(IEnumerable<ParameterGroup> groups, List<ConfigurationProblem> problems)
    {
        foreach (var name in groups.GroupBy(group => group.Name, StringComparer.Ordinal).Where(same => same.Count() > 1).Select(same => same.Key))
        {
            problems.Add(ConfigurationProblem.ForKey($"groups.{name}", null, "names more than one group: give each group its own name, so that messages and saved states can tell them apart."));
        }
    }

    public static void CheckState(SchedulerState state, string kind, string fingerprint, StateSetup setup, string name)
    {
        if (state.Kind != kind)
        {
            Guard.ThrowIfStateMismatch(ConfigurationProblem.ForKey("state.kind", ParameterValue.FromText(state.Kind),
                $"was saved by a {(state.Kind == SchedulerStateJson.ScheduleKind ? "ScheduleStepper" : "PlateauScheduler")}; restore it into the same kind of scheduler."));
        }

        if (!string.Equals(state.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            // What differs, where the state kept what it was written for; the hashes alone otherwise.
            if (state.Setup is { } saved && StateSetup.Differences(saved, setup) is { Count: > 0 } differences)
            {
                Guard.ThrowIfStateMismatch([.. differences]);
            }

            Guard.ThrowIfStateMismatch(ConfigurationProblem.ForKey("state.fingerprint", ParameterValue.FromText(state.Fingerprint),
                $"does not match this {name} ({fingerprint}): the state was saved for a different configuration or different parameter groups. Restore it into a scheduler made from the same configuration and groups."));
        }
    }
}
