namespace Schedulers.Cli;

/// <summary>What an import did not carry over, printed on standard error so that standard output stays data.</summary>
internal static class Notes
{
    public static void Print(ImportedConfiguration configuration, TextWriter error)
    {
        foreach (var warning in configuration.Warnings)
        {
            error.WriteLine($"warning: {warning}");
        }

        foreach (var note in configuration.Notes)
        {
            error.WriteLine($"note: {note}");
        }
    }
}
