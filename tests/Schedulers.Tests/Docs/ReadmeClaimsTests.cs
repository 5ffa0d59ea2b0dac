using Schedulers.Tests.Support;

namespace Schedulers.Tests.Docs;

/// <summary>The README's claims carry their qualifiers in the same sentence, where a reader meets them.</summary>
public sealed class ReadmeClaimsTests
{
    private static readonly string[] Sentences = File.ReadAllText(RepositoryPaths.InRepository("README.md"))
        .Replace('\n', ' ')
        .Split(". ", StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void The_evaluator_accuracy_claim_gives_the_float_tolerance_beside_the_double_one()
    {
        Sentences.Where(sentence => sentence.Contains("1e-14", StringComparison.Ordinal)).Should().NotBeEmpty()
            .And.OnlyContain(sentence => sentence.Contains("float", StringComparison.Ordinal) && sentence.Contains("1e-6", StringComparison.Ordinal));
    }

    [Fact]
    public void The_compatibility_claim_names_the_steps_it_holds_on()
    {
        Sentences.Where(sentence => sentence.Contains("value-for-value", StringComparison.Ordinal)).Should().NotBeEmpty()
            .And.OnlyContain(sentence => sentence.Contains("total_steps", StringComparison.Ordinal) && sentence.Contains("past the end", StringComparison.Ordinal));
    }
}
