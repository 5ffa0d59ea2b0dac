using Schedulers.Cli;

namespace Schedulers.Tests.Cli.Importing;

/// <summary>
/// The YAML reader's scalars, by their documented rules: PyYAML's safe_load (YAML 1.1's resolver), with 1e-5 a number as
/// OmegaConf's loader and train.py's type=float make it. The rest of the reader (limits, aliases, refusals) is tested
/// through both imports.
/// </summary>
public sealed class YamlReaderTests
{
    [Theory]
    [InlineData("yes", "Boolean True")]
    [InlineData("Off", "Boolean False")]
    [InlineData("1e-5", "Number 1E-05")]
    [InlineData("1_000", "Number 1000")]
    [InlineData("~", "Null")]
    [InlineData("0o17", "Text 0o17")] // YAML 1.1 writes octal as 017; 0o is 1.2's
    [InlineData(".inf", "Number Infinity")]
    [InlineData("-.Inf", "Number -Infinity")]
    [InlineData("'yes'", "Text yes")]
    public void Plain_scalars_resolve_as_pyyaml_safe_load_resolves_them(string written, string expected)
    {
        Describe(Read(written)).Should().Be(expected);
    }

    [Theory]
    [InlineData("!!str 5", "Text")]
    [InlineData("!!int \"5\"", "Number")]
    [InlineData("!!null 0.1", "Null")] // PyYAML's constructor ignores a null's text
    [InlineData("!!bool 5", "Other")] // PyYAML fails on it
    [InlineData("!!python/object:argparse.Namespace x", "Other")] // safe_load has no constructor for it
    public void A_tagged_scalar_is_what_its_tag_says_or_kept_to_be_refused(string written, string kind)
    {
        Read(written).Kind.ToString().Should().Be(kind);
    }

    [Fact]
    public void A_repeated_key_is_marked_in_its_own_mapping_only()
    {
        var (root, notes) = YamlReader.Read("lr: 0.1\nmodel_kwargs:\n  lr: 1\n  lr: 2\nlr: 0.2\n");

        root.Repeated.Should().BeEquivalentTo(["lr"]);
        root.Entries["lr"].Number.Should().Be(0.2);
        root.Entries["model_kwargs"].Repeated.Should().BeEquivalentTo(["lr"]);
        root.Entries["model_kwargs"].Entries["lr"].Number.Should().Be(2);
        notes.Should().HaveCount(2);
    }

    private static YamlValue Read(string written) => YamlReader.Read($"v: {written}\n").Root.Entries["v"];

    /// <summary>The kind and the value read: "Number 15", "Text 0o17", "Null".</summary>
    private static string Describe(YamlValue value) => ($"{value.Kind} " + value.Kind switch
    {
        YamlValueKind.Boolean => value.Boolean.ToString(),
        YamlValueKind.Number => value.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        YamlValueKind.Null => string.Empty,
        _ => value.Text,
    }).TrimEnd();
}
