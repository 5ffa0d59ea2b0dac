namespace Schedulers.Cli;

/// <summary>
/// Where each value of an imported configuration came from, one line per key after <c>validate</c>'s summary: the
/// original tool's setting, a command-line option (<c>--images</c>, <c>--batches-per-epoch</c>, ...), or the rule that
/// computed it with its numbers, so that a user sees why their run has the length and warmup it has. A configuration
/// of ours has no such lines: every value is the file's own.
/// </summary>
internal static class ImportProvenance
{
    public static IEnumerable<string> Lines(ImportedConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.Origins.IsEmpty)
        {
            yield break;
        }

        foreach (var (key, value) in configuration.Options.Entries)
        {
            var origin = configuration.Origins.TryGetValue(key, out var text) ? text : "the import (no setting of the file)";
            yield return $"  {key} {HumanNumber.Format(value)} from {origin}";
        }

        foreach (var group in configuration.Groups)
        {
            var shown = ReferenceEquals(group.Options, configuration.Options) ? "the curve above" : $"--group {group.Name}";
            var differences = group.Options.Entries
                .Where(entry => entry.Key != ScheduleKeys.LearningRate && (!configuration.Options.TryGetValue(entry.Key, out var other) || !other.Equals(entry.Value)))
                .Select(entry => $", {entry.Key} {HumanNumber.Format(entry.Value)} (scaled with it)");
            var rate = group.Options.TryGetValue(ScheduleKeys.LearningRate, out var value) ? HumanNumber.Format(value) : "?";
            yield return $"  parameter group {group.Name} ({shown}): learning_rate {rate} from {group.Origin}{string.Concat(differences)}";
        }
    }
}
