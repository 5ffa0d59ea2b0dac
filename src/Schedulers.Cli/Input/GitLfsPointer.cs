using System.Text.RegularExpressions;

namespace Schedulers.Cli;

/// <summary>
/// A Git LFS pointer: the few lines Git keeps in place of a large file (<c>version https://git-lfs.github.com/spec/v1</c>,
/// <c>oid sha256:...</c>, <c>size N</c>) until <c>git lfs pull</c> fetches it. Repositories that track <c>*.json</c> or
/// <c>*.yaml</c> with LFS hand them out from a plain clone or a raw download; read as the file they stand for, they
/// would be refused as a CSV without columns or a YAML file that is not a mapping, which hides the cause.
/// </summary>
internal static partial class GitLfsPointer
{
    // The specification requires the version line first; a BOM is the only thing an editor might have put before it.
    private const string VersionLine = "version https://git-lfs.github.com/spec/v1";

    /// <summary>Refuses <paramref name="text"/> when it is a pointer, naming it as <paramref name="what"/> (<c>--log trainer_state.json</c>).</summary>
    public static void ThrowIfPointer(string text, string what)
    {
        if (!text.TrimStart('\uFEFF').StartsWith(VersionLine, StringComparison.Ordinal))
        {
            return;
        }

        var oid = Oid().Match(text);
        var size = Size().Match(text);
        var facts = string.Join(", ", new[] { oid.Success ? $"oid {oid.Groups[1].Value}" : null, size.Success ? $"size {size.Groups[1].Value} bytes" : null }.OfType<string>());
        throw new UsageException($"{what} is a Git LFS pointer{(facts.Length > 0 ? $" ({facts})" : string.Empty)}, not the file itself: run 'git lfs pull' in its repository (or download the file itself, not its pointer) and give that.");
    }

    [GeneratedRegex(@"^oid (\S+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Oid();

    [GeneratedRegex(@"^size (\d+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Size();
}
