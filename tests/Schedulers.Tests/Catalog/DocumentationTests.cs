using Schedulers.Tests.Support;

namespace Schedulers.Tests.Catalog;

public sealed class DocumentationTests
{
    private const string Begin = "<!-- BEGIN GENERATED FROM THE DESCRIPTORS -->";
    private const string End = "<!-- END GENERATED FROM THE DESCRIPTORS -->";

    /// <summary>Set SCHEDULERS_UPDATE_DOCS=1 to rewrite the generated part of docs/schedulers.md from the descriptors.</summary>
    [Fact]
    public void The_schedulers_page_matches_the_descriptors()
    {
        var path = RepositoryPaths.InRepository("docs", "schedulers.md");
        var page = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = page.IndexOf(Begin, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        start.Should().BeGreaterThan(-1);
        end.Should().BeGreaterThan(start);

        var expected = page[..(start + Begin.Length)] + "\n\n" + CatalogMarkdown.Render() + page[end..];
        if (Environment.GetEnvironmentVariable("SCHEDULERS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        page.Should().Be(expected, "docs/schedulers.md must list what the descriptors say (rerun with SCHEDULERS_UPDATE_DOCS=1)");
    }

    [Fact]
    public void Every_scheduler_has_a_section_on_the_schedulers_page()
    {
        var page = File.ReadAllText(RepositoryPaths.InRepository("docs", "schedulers.md"));

        SchedulerCatalog.All.Should().OnlyContain(scheduler => page.Contains($"## `{scheduler.Name}`", StringComparison.Ordinal));
    }
}
