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

    public static TheoryData<string> CatalogSchedulers => [.. SchedulerCatalog.All.Select(scheduler => scheduler.Name)];

    [Theory]
    [MemberData(nameof(CatalogSchedulers))]
    public void Every_scheduler_has_a_section_on_the_schedulers_page(string scheduler)
    {
        SectionsOfTheSchedulersPage().Should().Contain(scheduler,
            "docs/schedulers.md must have a section \"## `{0}`\" for every scheduler of the catalog: regenerate its generated part with SCHEDULERS_UPDATE_DOCS=1 dotnet test --filter The_schedulers_page_matches_the_descriptors",
            scheduler);
    }

    [Fact]
    public void Every_scheduler_section_of_the_schedulers_page_is_of_a_scheduler_in_the_catalog()
    {
        SectionsOfTheSchedulersPage().Should().BeSubsetOf(SchedulerCatalog.All.Select(scheduler => scheduler.Name),
            "docs/schedulers.md must describe only schedulers of SchedulerCatalog.All (a section \"## `name`\" names one)");
    }

    /// <summary>The names of the sections headed "## `name`".</summary>
    private static List<string> SectionsOfTheSchedulersPage() =>
        [.. System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(RepositoryPaths.InRepository("docs", "schedulers.md")).ReplaceLineEndings("\n"), "^## `([^`]+)`$", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(match => match.Groups[1].Value)];
}
