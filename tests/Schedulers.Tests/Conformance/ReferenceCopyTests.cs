using Schedulers.Tests.Support;

namespace Schedulers.Tests.Conformance;

public sealed class ReferenceCopyTests
{
    private static readonly string SharedFolder = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "conformance"));

    [Theory]
    [InlineData(ReferenceCurves.FileName)]
    [InlineData("README.md")]
    public void The_copy_under_tests_is_byte_identical_to_the_shared_reference_when_it_is_present(string fileName)
    {
        var shared = Path.Combine(SharedFolder, fileName);
        var copy = RepositoryPaths.InRepository("tests", "Schedulers.Tests", "Conformance", fileName);

        File.Exists(copy).Should().BeTrue("a fresh clone must carry its own copy of {0}", fileName);
        if (File.Exists(shared))
        {
            File.ReadAllBytes(copy).Should().Equal(File.ReadAllBytes(shared), "{0} must stay byte-identical to ../shared/conformance", fileName);
        }
    }
}
