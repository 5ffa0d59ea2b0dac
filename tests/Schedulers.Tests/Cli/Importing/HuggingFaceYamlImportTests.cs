namespace Schedulers.Tests.Cli.Importing;

/// <summary>
/// TrainingArguments as YAML (LLaMA-Factory's training_args.yaml has the same keys): told from JSON by content, typed as
/// PyYAML's safe_load types it (as OmegaConf and HfArgumentParser read it, with 1e-5 a number), and refused, never crashed
/// on, when it is not a file of settings.
/// </summary>
public sealed class HuggingFaceYamlImportTests : IDisposable
{
    private const string LlamaFactoryStyle = """
        # as LLaMA-Factory writes training_args.yaml
        bf16: true
        cutoff_len: 2048
        dataset: identity,alpaca_en_demo
        ddp_timeout: 180000000
        gradient_accumulation_steps: 8
        learning_rate: 1.0e-04
        logging_steps: 10
        lr_scheduler_type: cosine
        max_steps: 1000
        num_train_epochs: 3.0
        output_dir: saves/llama3-8b/lora/sft
        per_device_train_batch_size: 1
        plot_loss: true
        warmup_ratio: 0.1
        """;

    private readonly HuggingFaceFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void A_llama_factory_training_args_yaml_imports_as_its_json_would()
    {
        var converted = _files.Convert(LlamaFactoryStyle, ".yaml", out _);

        converted.GetRawText().Should().Be("""{"scheduler":"cosine","learning_rate":0.0001,"total_steps":1000,"warmup_steps":100}""");
    }

    [Theory]
    [InlineData(".yaml")]
    [InlineData(".yml")]
    [InlineData(".json")]
    [InlineData("")]
    public void Yaml_is_told_from_json_by_content_whatever_the_extension(string extension)
    {
        var converted = _files.Convert(LlamaFactoryStyle, extension, out _);

        converted.GetProperty("total_steps").GetInt64().Should().Be(1000);
    }

    [Fact]
    public void A_json_file_named_yaml_is_read_as_json()
    {
        var converted = _files.Convert("""{"max_steps": 10, "learning_rate": 0.001}""", ".yaml", out _);

        converted.GetProperty("learning_rate").GetDouble().Should().Be(0.001);
    }

    [Theory]
    [InlineData("1e-5", 1e-5)] // OmegaConf's float pattern reads it as a number; PyYAML alone would keep it as text
    [InlineData("1.0e-5", 1e-5)]
    [InlineData("+2.5e-4", 2.5e-4)]
    [InlineData(".5", 0.5)]
    [InlineData("3.", 3)]
    public void Plain_scalars_are_numbers_as_omegaconf_reads_them(string written, double expected)
    {
        var converted = _files.Convert($"max_steps: 10\nlearning_rate: {written}\n", ".yaml", out _);

        converted.GetProperty("learning_rate").GetDouble().Should().Be(expected);
    }

    [Fact]
    public void Yes_is_true_as_pyyaml_and_omegaconf_read_it()
    {
        var dropLast = _files.Convert("max_steps: -1\nnum_train_epochs: 1\nper_device_train_batch_size: 4\ndataloader_drop_last: yes\n", ".yaml", out _, "--examples", "10");
        var keepLast = _files.Convert("max_steps: -1\nnum_train_epochs: 1\nper_device_train_batch_size: 4\ndataloader_drop_last: false\n", ".yaml", out _, "--examples", "10");

        dropLast.GetProperty("total_steps").GetInt64().Should().Be(keepLast.GetProperty("total_steps").GetInt64() - 1, "10 examples in batches of 4 make 2 full batches and a last one of 2, which drop_last drops");
    }

    [Fact]
    public void Nested_keyword_arguments_are_a_mapping()
    {
        var converted = _files.Convert("max_steps: 100\nlr_scheduler_type: cosine_with_min_lr\nlr_scheduler_kwargs:\n  min_lr_rate: 0.1\n", ".yaml", out _);

        converted.GetProperty("min_lr_ratio").GetDouble().Should().Be(0.1);
    }

    [Fact]
    public void An_empty_value_is_unset_and_takes_the_default()
    {
        var converted = _files.Convert("max_steps: 100\nlearning_rate:\n", ".yaml", out var error);

        converted.GetProperty("learning_rate").GetDouble().Should().Be(5e-5);
        error.Should().Contain("learning_rate is not set");
    }

    [Fact]
    public void A_key_given_twice_takes_its_last_value_as_pyyaml_does_and_says_so()
    {
        var converted = _files.Convert("max_steps: 100\nlearning_rate: 0.1\nlearning_rate: 0.2\n", ".yaml", out var error);

        converted.GetProperty("learning_rate").GetDouble().Should().Be(0.2);
        error.Should().Contain("'learning_rate' is given more than once");
    }

    [Fact]
    public void Anchors_and_aliases_are_read()
    {
        var converted = _files.Convert("base: &lr 0.003\nlearning_rate: *lr\nmax_steps: 100\n", ".yaml", out _);

        converted.GetProperty("learning_rate").GetDouble().Should().Be(0.003);
    }

    [Theory]
    [InlineData("learning_rate: \"1e-4\"\nmax_steps: 10\n", "learning_rate = \"1e-4\" is not a finite number")]
    [InlineData("learning_rate: .inf\nmax_steps: 10\n", "learning_rate = \".inf\" is not a finite number")]
    [InlineData("learning_rate: 1e999\nmax_steps: 10\n", "learning_rate = 1e999 is not a finite number")]
    [InlineData("max_steps: 10\nlr_scheduler_type: [cosine]\n", "lr_scheduler_type = [\"cosine\"] is not a string")]
    [InlineData("- learning_rate: 0.1\n", "is a mapping of settings")]
    [InlineData("just text", "is a mapping of settings")]
    [InlineData("", "holds no settings")]
    [InlineData("# only a comment\n", "holds no settings")]
    [InlineData("max_steps: 10\n---\nmax_steps: 20\n", "more than one document")]
    [InlineData("learning_rate: [0.1\nmax_steps: 10\n", "not valid YAML")]
    [InlineData("a: *nowhere\n", "names no anchor")]
    [InlineData("? [a, b]\n: 1\n", "keys of settings are names")]
    [InlineData("learning_rate: \"\\ud800\"\n", "not valid")]
    public void What_is_not_a_yaml_file_of_settings_is_refused_with_the_reason(string yaml, string expected)
    {
        var run = _files.Validate(yaml, ".yaml");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain(expected);
    }

    [Fact]
    public void Exponentially_many_aliases_are_refused_not_expanded()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 12; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }

        var run = _files.Validate(string.Join('\n', lines) + "\nmax_steps: 10\n", ".yaml");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("expands to more than 100000 values");
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1_000_000)]
    public void Deep_nesting_is_refused_not_recursed_into(int depth)
    {
        var run = _files.Validate("a: " + new string('[', depth) + new string(']', depth) + "\n", ".yaml");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("nests deeper than 64 levels");
    }

    [Fact]
    public void An_alias_inside_its_own_anchor_is_refused_not_a_cycle()
    {
        var run = _files.Validate("a: &x [1, *x]\n", ".yaml");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("names no anchor defined before it");
    }
}
