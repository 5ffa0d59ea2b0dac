namespace Schedulers.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder, whatever the working directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string InRepository(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Schedulers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Schedulers.sln was not found above " + AppContext.BaseDirectory);
    }
}
