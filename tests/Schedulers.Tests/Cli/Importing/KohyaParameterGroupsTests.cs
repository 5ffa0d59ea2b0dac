using System.Globalization;
using System.Text.Json;

namespace Schedulers.Tests.Cli.Importing;

/// <summary>
/// sd-scripts' parameter groups under <c>--from kohya</c>, from a TOML file and from arguments: <c>unet_lr</c> and
/// <c>text_encoder_lr</c> (train_network.py's arguments, networks/lora.py's <c>prepare_optimizer_params</c>),
/// <c>network_train_unet_only</c> / <c>network_train_text_encoder_only</c>, and <c>--group</c> choosing a group's curve.
/// </summary>
public sealed class KohyaParameterGroupsTests : IDisposable
{
    private const string Base = "lr_scheduler = \"cosine\"\nlearning_rate = 1e-4\nmax_train_steps = 1000\n";

    private static readonly string[] BaseArguments = ["--lr_scheduler", "cosine", "--learning_rate", "1e-4", "--max_train_steps", "1000"];

    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-kohya-groups-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("toml")]
    [InlineData("arguments")]
    public void The_unet_rate_is_the_learning_rate_of_the_default_curve(string source)
    {
        var run = Run(source, ("unet_lr", "2e-4"));

        LearningRate(run).Should().Be(2e-4);
    }

    [Theory]
    [InlineData("toml")]
    [InlineData("arguments")]
    public void The_text_encoder_rate_is_the_learning_rate_of_the_text_encoder_group(string source)
    {
        var run = Run(source, ["--group", "text_encoder"], ("unet_lr", "1e-4"), ("text_encoder_lr", "5e-5"));

        LearningRate(run).Should().Be(5e-5);
    }

    [Theory]
    [InlineData("toml", "unet_lr", "2e-4", "text_encoder")]
    [InlineData("arguments", "unet_lr", "2e-4", "text_encoder")]
    [InlineData("toml", "text_encoder_lr", "5e-5", "unet")]
    [InlineData("arguments", "text_encoder_lr", "5e-5", "unet")]
    public void A_part_without_a_rate_of_its_own_trains_at_learning_rate(string source, string key, string value, string otherGroup)
    {
        var run = Run(source, ["--group", otherGroup], (key, value));

        LearningRate(run).Should().Be(1e-4, "the base configuration's learning_rate");
    }

    [Theory]
    [InlineData("unet_lr = 1e-4\ntext_encoder_lr = []\n")]
    [InlineData("unet_lr = 1e-4\ntext_encoder_lr = 1e-4\n")]
    [InlineData("text_encoder_lr = [1e-4, 1e-4]\n")]
    public void Rates_equal_to_learning_rate_make_no_groups_of_their_own(string rates)
    {
        var run = CliRun.Of("convert", "--config", Write(Base + rates), "--from", "kohya", "--group", "unet");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("no parameter groups of their own");
    }

    [Theory]
    [InlineData("toml", "unet_lr", "text_encoder", "unet")]
    [InlineData("arguments", "unet_lr", "text_encoder", "unet")]
    [InlineData("toml", "text_encoder_lr", "unet", "text_encoder")]
    [InlineData("arguments", "text_encoder_lr", "unet", "text_encoder")]
    public void A_rate_of_zero_leaves_that_part_out_as_sd_scripts_skips_its_group(string source, string zeroKey, string trained, string untrained)
    {
        var other = zeroKey == "unet_lr" ? "text_encoder_lr" : "unet_lr";

        var chosen = Run(source, ["--group", untrained], (zeroKey, "0"), (other, "3e-5"));
        var curve = Run(source, [], (zeroKey, "0"), (other, "3e-5"));

        chosen.ExitCode.Should().Be(2);
        chosen.Error.Should().Contain($"its groups are {trained}.");
        LearningRate(curve).Should().Be(3e-5);
        curve.Error.Should().Contain($"only the {trained} trains").And.Contain("NO LR skipping");
    }

    [Theory]
    [InlineData("toml", "network_train_unet_only", "unet", "text_encoder")]
    [InlineData("arguments", "network_train_unet_only", "unet", "text_encoder")]
    [InlineData("toml", "network_train_text_encoder_only", "text_encoder", "unet")]
    [InlineData("arguments", "network_train_text_encoder_only", "text_encoder", "unet")]
    public void An_only_flag_drops_the_other_part(string source, string flag, string trained, string dropped)
    {
        var chosen = Run(source, ["--group", dropped], (flag, null), ("unet_lr", "2e-4"), ("text_encoder_lr", "5e-5"));
        var curve = Run(source, [], (flag, null), ("unet_lr", "2e-4"), ("text_encoder_lr", "5e-5"));

        chosen.ExitCode.Should().Be(2);
        chosen.Error.Should().Contain($"its groups are {trained}.");
        LearningRate(curve).Should().Be(trained == "unet" ? 2e-4 : 5e-5);
        curve.Error.Should().Contain(flag);
    }

    [Fact]
    public void An_only_flag_alone_makes_the_trained_part_the_one_group_at_learning_rate()
    {
        var run = Run("arguments", ["--group", "unet"], ("network_train_unet_only", null));

        LearningRate(run).Should().Be(1e-4);
    }

    [Theory]
    [InlineData("toml")]
    [InlineData("arguments")]
    public void Both_only_flags_are_refused_as_the_optimizer_gets_no_parameters(string source)
    {
        var run = Run(source, [], ("network_train_unet_only", null), ("network_train_text_encoder_only", null));

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("network_train_unet_only and network_train_text_encoder_only").And.Contain("empty parameter list");
    }

    [Theory]
    [InlineData("toml")]
    [InlineData("arguments")]
    public void Every_rate_zero_is_refused_as_the_optimizer_gets_no_parameters(string source)
    {
        var run = Run(source, [], ("unet_lr", "0"), ("text_encoder_lr", "0"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("no part of the network trains").And.Contain("empty parameter list");
    }

    [Fact]
    public void An_unknown_group_is_refused_listing_the_groups()
    {
        var run = Run("arguments", ["--group", "te"], ("unet_lr", "2e-4"), ("text_encoder_lr", "5e-5"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--group te").And.Contain("its groups are unet, text_encoder.");
    }

    [Theory]
    [InlineData("--text_encoder_lr 3e-5")]
    [InlineData("--text_encoder_lr 3e-5 3e-5")]
    [InlineData("--text_encoder_lr=3e-5")]
    public void One_text_encoder_value_or_equal_values_make_one_text_encoder_group(string argument)
    {
        var run = CliRun.Of(["convert", "--from", "kohya", "--group", "text_encoder", "--", .. BaseArguments, .. argument.Split(' ')]);

        LearningRate(run).Should().Be(3e-5);
    }

    [Theory]
    [InlineData("text_encoder_lr = 3e-5\n")]
    [InlineData("text_encoder_lr = [3e-5]\n")]
    [InlineData("text_encoder_lr = [3e-5, 3e-5]\n")]
    public void One_text_encoder_value_or_equal_values_in_toml_make_one_text_encoder_group(string rates)
    {
        var run = CliRun.Of("convert", "--config", Write(Base + rates), "--from", "kohya", "--group", "text_encoder");

        LearningRate(run).Should().Be(3e-5);
    }

    [Fact]
    public void Networks_lora_gives_the_first_text_encoder_value_to_every_text_encoder()
    {
        var run = Arguments(["--group", "text_encoder"], "--network_module", "networks.lora", "--text_encoder_lr", "1e-5", "2e-5");

        LearningRate(run).Should().Be(1e-5);
        run.Error.Should().Contain("first value to every text encoder");
    }

    [Theory]
    [InlineData("text_encoder1", 1e-5)]
    [InlineData("text_encoder2", 2e-5)]
    public void Networks_lora_flux_gives_clip_l_and_t5xxl_a_value_each(string group, double expected)
    {
        var run = Arguments(["--group", group], "--network_module", "networks.lora_flux", "--network_args", "train_t5xxl=True", "--text_encoder_lr", "1e-5", "2e-5");

        LearningRate(run).Should().Be(expected);
    }

    [Fact]
    public void Networks_lora_flux_without_train_t5xxl_trains_clip_l_only()
    {
        var run = Arguments(["--group", "text_encoder2"], "--network_module", "networks.lora_flux", "--text_encoder_lr", "1e-5", "2e-5");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("its groups are unet, text_encoder1.");
    }

    [Fact]
    public void Networks_lora_flux_in_toml_reads_its_network_args()
    {
        var toml = Base + "network_module = \"networks.lora_flux\"\nnetwork_args = [\"train_t5xxl=True\"]\ntext_encoder_lr = [1e-5, 2e-5]\n";

        var run = CliRun.Of("convert", "--config", Write(toml), "--from", "kohya", "--group", "text_encoder2");

        LearningRate(run).Should().Be(2e-5);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lycoris.kohya")]
    public void Different_text_encoder_values_without_a_network_module_that_shares_them_are_refused(string module)
    {
        string[] given = module.Length == 0 ? [] : ["--network_module", module];

        var run = Arguments([], [.. given, "--text_encoder_lr", "1e-5", "2e-5"]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("text_encoder_lr 1E-05 2E-05").And.Contain("network_module");
    }

    [Theory]
    [InlineData("--text_encoder_lr", "fast", "--text_encoder_lr fast")]
    [InlineData("--unet_lr", "fast", "unet_lr")]
    [InlineData("--unet_lr", "-1e-4", "unet_lr -0.0001")]
    public void A_rate_sd_scripts_cannot_use_is_refused(string key, string value, string expected)
    {
        var run = Arguments([], key, value);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(expected);
    }

    [Theory]
    [InlineData("--network_train_unet_only=1")]
    [InlineData("--network_train_unet_only yes")]
    public void An_only_flag_given_a_value_is_refused(string argument)
    {
        var run = Arguments([], argument.Split(' '));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("network_train_unet_only is a flag");
    }

    [Fact]
    public void An_only_flag_in_toml_that_is_not_a_boolean_is_refused()
    {
        var run = CliRun.Of("convert", "--config", Write(Base + "network_train_unet_only = \"yes\"\n"), "--from", "kohya");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("network_train_unet_only").And.Contain("true or false");
    }

    [Theory]
    [InlineData("polynomial", "--lr_scheduler_args", "lr_end=1e-5")]
    [InlineData("cosine_with_min_lr", "--lr_scheduler_args", "min_lr=1e-6")]
    public void A_group_of_a_transformers_schedule_is_the_schedule_scaled_to_its_rate_absolute_end_rate_included(string scheduler, string key, string value)
    {
        string[] schedule = ["--lr_scheduler", scheduler, "--learning_rate", "1e-4", "--max_train_steps", "200", key, value];

        var group = Curve(CliRun.Of(["curve", "--from", "kohya", "--format", "json", "--", .. schedule, "--unet_lr", "4e-4"]));
        var plain = Curve(CliRun.Of(["curve", "--from", "kohya", "--format", "json", "--", .. schedule]));

        group.Should().HaveCount(plain.Length);
        for (var step = 0; step < group.Length; step++)
        {
            group[step].Should().BeApproximately(plain[step] * 4, 1e-12 * 4e-4, "step {0}: sd-scripts multiplies the group's rate 4e-4 by the schedule's factor", step);
        }
    }

    [Fact]
    public void A_group_of_a_pytorch_class_keeps_its_absolute_arguments()
    {
        var run = Arguments([], "--lr_scheduler_type", "CosineAnnealingLR", "--lr_scheduler_args", "T_max=500", "eta_min=1e-6", "--lr_scheduler", "constant", "--unet_lr", "4e-4");

        var converted = JsonDocument.Parse(Succeeded(run).Output).RootElement;
        converted.GetProperty("learning_rate").GetDouble().Should().Be(4e-4);
        converted.GetProperty("eta_min").GetDouble().Should().Be(1e-6);
    }

    [Theory]
    [InlineData("OneCycleLR", "max_lr=1e-4")]
    [InlineData("CyclicLR", "base_lr=1e-4")]
    public void A_class_that_sets_every_group_from_its_own_arguments_notes_that_the_rates_change_nothing(string scheduler, string argument)
    {
        string[] extra = scheduler == "OneCycleLR" ? ["total_steps=1000"] : ["max_lr=1e-3"];
        var withRates = Arguments([], ["--lr_scheduler_type", scheduler, "--lr_scheduler_args", argument, .. extra, "--lr_scheduler", "constant", "--unet_lr", "4e-4", "--text_encoder_lr", "1e-5"]);
        var without = Arguments([], ["--lr_scheduler_type", scheduler, "--lr_scheduler_args", argument, .. extra, "--lr_scheduler", "constant"]);

        Succeeded(withRates).Output.Should().Be(Succeeded(without).Output);
        withRates.Error.Should().Contain($"do not change the curve: {scheduler}");
    }

    [Fact]
    public void Validate_names_each_group_and_the_setting_its_rate_came_from()
    {
        var run = Validate("--unet_lr", "2e-4", "--text_encoder_lr", "5e-5");

        run.Output.Should().Contain("  parameter group unet (the curve above): learning_rate 2e-4 from unet_lr")
            .And.Contain("  parameter group text_encoder (--group text_encoder): learning_rate 5e-5 from text_encoder_lr");
    }

    [Fact]
    public void Validate_names_the_value_of_the_list_each_flux_text_encoder_took()
    {
        var run = Validate("--network_module", "networks.lora_flux", "--network_args", "train_t5xxl=True", "--text_encoder_lr", "1e-5", "2e-5");

        run.Output.Should().Contain("  parameter group text_encoder1 (--group text_encoder1): learning_rate 1e-5 from text_encoder_lr[0]")
            .And.Contain("  parameter group text_encoder2 (--group text_encoder2): learning_rate 2e-5 from text_encoder_lr[1]");
    }

    /// <summary>Runs <c>convert</c> on the base arguments and <paramref name="extra"/>, with <paramref name="options"/> before <c>--</c>.</summary>
    private static CliRun Arguments(string[] options, params string[] extra) =>
        CliRun.Of(["convert", "--from", "kohya", .. options, "--", .. BaseArguments, .. extra]);

    private static CliRun Validate(params string[] extra) =>
        Succeeded(CliRun.Of(["validate", "--from", "kohya", "--", .. BaseArguments, .. extra]));

    private CliRun Run(string source, params (string Key, string? Value)[] settings) => Run(source, [], settings);

    /// <summary>The base schedule with <paramref name="settings"/> (a <see langword="null"/> value: a flag), as a TOML file or as arguments.</summary>
    private CliRun Run(string source, string[] options, params (string Key, string? Value)[] settings)
    {
        if (source == "toml")
        {
            var toml = Base + string.Concat(settings.Select(setting => $"{setting.Key} = {setting.Value ?? "true"}\n"));
            return CliRun.Of(["convert", "--config", Write(toml), "--from", "kohya", .. options]);
        }

        var arguments = settings.SelectMany(setting => setting.Value is null ? ["--" + setting.Key] : new[] { "--" + setting.Key, setting.Value });
        return CliRun.Of(["convert", "--from", "kohya", .. options, "--", .. BaseArguments, .. arguments]);
    }

    private static double LearningRate(CliRun run) => JsonDocument.Parse(Succeeded(run).Output).RootElement.GetProperty("learning_rate").GetDouble();

    private static CliRun Succeeded(CliRun run)
    {
        run.ExitCode.Should().Be(0, run.Error);
        return run;
    }

    private static double[] Curve(CliRun run) =>
        [.. JsonDocument.Parse(Succeeded(run).Output).RootElement.GetProperty("lr").EnumerateArray().Select(value => value.GetDouble())];

    private string Write(string toml)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) + ".toml");
        File.WriteAllText(path, toml);
        return path;
    }
}
