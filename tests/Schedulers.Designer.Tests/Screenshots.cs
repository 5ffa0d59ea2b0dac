namespace Schedulers.Designer.Tests;

/// <summary>
/// Where the browser tests put their screenshots: beside the test binaries, or with SCHEDULERS_UPDATE_DOCS=1 (as for
/// docs/schedulers.md) into docs/designer/, which docs/designer.md shows.
/// </summary>
public static class Screenshots
{
    public static string PathFor(string name)
    {
        var folder = Environment.GetEnvironmentVariable("SCHEDULERS_UPDATE_DOCS") == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "designer")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Schedulers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Schedulers.sln not found above the test binaries.");
    }
}
