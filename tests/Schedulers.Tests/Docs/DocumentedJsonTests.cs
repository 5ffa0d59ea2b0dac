using System.Text.RegularExpressions;
using Schedulers.Tests.Support;

namespace Schedulers.Tests.Docs;

/// <summary>Every configuration the README and docs/ show in a JSON block builds: a reader copies them as they are.</summary>
public sealed partial class DocumentedJsonTests
{
    public static TheoryData<string, int> Blocks
    {
        get
        {
            var blocks = new TheoryData<string, int>();
            foreach (var file in Documents())
            {
                var count = JsonBlock().Count(File.ReadAllText(RepositoryPaths.InRepository(file)));
                for (var i = 0; i < count; i++)
                {
                    blocks.Add(file, i);
                }
            }

            return blocks;
        }
    }

    [Fact]
    public void The_README_shows_a_composite_in_json()
    {
        JsonBlock().Matches(File.ReadAllText(RepositoryPaths.InRepository("README.md")))
            .Should().Contain(block => block.Groups["json"].Value.Contains("\"SequentialLR\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_api_guide_shows_a_composite_in_json()
    {
        JsonBlock().Matches(File.ReadAllText(RepositoryPaths.InRepository("docs", "api.md")))
            .Should().Contain(block => block.Groups["json"].Value.Contains("\"SequentialLR\"", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void A_json_block_of_the_docs_is_a_configuration_that_builds(string file, int index)
    {
        var json = JsonBlock().Matches(File.ReadAllText(RepositoryPaths.InRepository(file)))[index].Groups["json"].Value;

        FluentActions.Invoking(() => LearningRateSchedule.FromJson(json)).Should().NotThrow();
    }

    private static IEnumerable<string> Documents() =>
        ["README.md", .. Directory.GetFiles(RepositoryPaths.InRepository("docs"), "*.md").Select(path => Path.Combine("docs", Path.GetFileName(path))).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"```json\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
