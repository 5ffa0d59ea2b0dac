namespace Schedulers.Cli;

/// <summary>
/// An export to another tool's settings is read back with our own importer of that tool, and must make the very
/// schedule it came from: the mapping tables are the one source of truth both ways, and a configuration the tool cannot
/// express is refused instead of exported wrong.
/// </summary>
internal static class ExportCheck
{
    public static string RoundTrip(string exported, ScheduleOptions original, string tool, Func<string, ImportedConfiguration> readBack)
    {
        var expected = LearningRateSchedule.Create(original);
        LearningRateSchedule actual;
        try
        {
            actual = readBack(exported).CreateSchedule();
        }
        catch (Exception exception) when (exception is UsageException or ScheduleConfigurationException)
        {
            throw new DesignerInputException($"{tool} cannot express this configuration: {exception.Message}");
        }

        return Same(actual, expected)
            ? exported
            : throw new DesignerInputException($"{tool} cannot express this configuration exactly: read back, it makes {actual.ToJson()} instead of {expected.ToJson()}.");
    }

    /// <summary>
    /// The same curve: equal lengths and warmups, and equal values, column by column (first, lowest, highest, last), over
    /// the training and a tenth beyond. Entries may differ in form (a default written out or left implicit).
    /// </summary>
    private static bool Same(LearningRateSchedule actual, LearningRateSchedule expected)
    {
        if (actual.TotalSteps != expected.TotalSteps || actual.WarmupSteps != expected.WarmupSteps)
        {
            return false;
        }

        var horizon = expected.Horizon ?? (expected.PhaseBoundaries.Count > 0 ? expected.PhaseBoundaries.Max() : 1_000);
        var count = horizon + (horizon / 10) + 2;
        var (a, b) = (CurveEnvelope.Of(actual, 0, count, 4_096), CurveEnvelope.Of(expected, 0, count, 4_096));
        return a.First.SequenceEqual(b.First) && a.Low.SequenceEqual(b.Low) && a.High.SequenceEqual(b.High) && a.Last.SequenceEqual(b.Last);
    }
}
