namespace Schedulers.Cli;

/// <summary>
/// The problems a log reader found, all refused at once like a configuration's; a file broken on every line names the
/// first <see cref="MostListed"/> and counts the rest, so that the message stays readable.
/// </summary>
internal sealed class LogProblems
{
    private const int MostListed = 20;

    private readonly List<string> _listed = [];
    private int _count;

    public void Add(string problem)
    {
        if (++_count <= MostListed)
        {
            _listed.Add(problem);
        }
    }

    public void ThrowIfAny()
    {
        if (_count > _listed.Count)
        {
            _listed.Add($"... and {_count - _listed.Count} more problems.");
        }

        UsageException.ThrowIfAny(_listed);
    }
}
