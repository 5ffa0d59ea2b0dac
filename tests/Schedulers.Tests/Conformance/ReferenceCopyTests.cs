using Schedulers.Tests.Support;

namespace Schedulers.Tests.Conformance;

public sealed class ReferenceCopyTests
{
    private static readonly string SharedFolder = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "conformance"));

    private static readonly string CopyFolder = RepositoryPaths.InRepository("tests", "Schedulers.Tests", "Conformance");

    /// <summary>The files a fresh clone must carry: the reference files and their README.</summary>
    public static TheoryData<string> KeptFiles() => new(KeptFileNames());

    private static IEnumerable<string> KeptFileNames() => Directory.EnumerateFiles(CopyFolder)
        .Select(Path.GetFileName)
        .OfType<string>()
        .Where(name => name.EndsWith(".json", StringComparison.Ordinal) || name == "README.md")
        .Order(StringComparer.Ordinal);

    [Fact]
    public void Every_shared_reference_file_has_a_copy_under_tests_when_the_shared_folder_is_present()
    {
        if (!Directory.Exists(SharedFolder))
        {
            return;
        }

        var shared = Directory.EnumerateFiles(SharedFolder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
        var copies = KeptFileNames();
        copies.Should().Equal(shared, "tests/ must carry a copy of every file in ../shared/conformance");
    }

    [Theory]
    [MemberData(nameof(KeptFiles))]
    public void The_copy_under_tests_is_byte_identical_to_the_shared_reference_when_it_is_present(string fileName)
    {
        var shared = Path.Combine(SharedFolder, fileName);
        var copy = Path.Combine(CopyFolder, fileName);

        if (File.Exists(shared))
        {
            File.ReadAllBytes(copy).Should().Equal(File.ReadAllBytes(shared), "{0} must stay byte-identical to ../shared/conformance", fileName);
        }
    }

    [Theory]
    [InlineData(ReferenceCurves.FileName)]
    [InlineData(ReferenceCurves.TimmKerasFileName)]
    [InlineData("README.md")]
    public void A_fresh_clone_carries_its_own_copy_of_each_reference_file(string fileName) =>
        File.Exists(Path.Combine(CopyFolder, fileName)).Should().BeTrue("a fresh clone must carry its own copy of {0}", fileName);
}
