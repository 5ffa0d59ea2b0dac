using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Schedulers.Designer.Tests;

/// <summary>
/// The facts an import needs that its file does not hold (images × repeats, batches per epoch, examples, world size,
/// processes), given as the page's fields over <c>/api/import</c>; and the kind <c>auto</c>, told from the content.
/// </summary>
public sealed class DesignerImportFactsTests(DesignerHost host) : IClassFixture<DesignerHost>, IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };

    public void Dispose() => _client.Dispose();

    private static string FileText(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Files", name));

    private async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(string source, string text, object? facts = null, string? fallback = null)
    {
        var request = new JsonObject
        {
            ["source"] = source,
            ["text"] = text,
            ["facts"] = JsonSerializer.SerializeToNode(facts ?? new Dictionary<string, string>()),
        };
        if (fallback is not null)
        {
            request["fallback"] = fallback;
        }

        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri("/api/import", UriKind.Relative), content);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string[] Messages(JsonElement body) => [.. body.GetProperty("problems").EnumerateArray().Select(problem => problem.GetProperty("message").GetString()!)];

    private static string[] Notes(JsonElement body) => [.. body.GetProperty("notes").EnumerateArray().Select(note => note.GetString()!)];

    /// <summary>The GUI file that needs the image count, with its <c>num_processes</c> changed.</summary>
    private static string GuiFileWithProcesses(int processes)
    {
        var node = JsonNode.Parse(FileText("kohya_gui_needs_images.json"))!.AsObject();
        node["num_processes"] = processes;
        return node.ToJsonString();
    }

    [Theory]
    [InlineData("kohya", "kohya_gui_needs_images.json", "images × repeats")]
    [InlineData("kohya", "sd_scripts_epochs.toml", "batches per epoch")]
    [InlineData("hf", "hf_epochs.json", "examples")]
    [InlineData("timm", "timm_on_updates.yaml", "batches per epoch")]
    [InlineData("timm", "timm_lr_base.yaml", "world size")]
    public async Task A_file_that_needs_a_fact_is_refused_naming_the_field_that_gives_it(string source, string file, string label)
    {
        var (status, body) = await ImportAsync(source, FileText(file));

        status.Should().Be(HttpStatusCode.BadRequest);
        Messages(body).Should().ContainSingle().Which.Should().Contain($"fill in the '{label}' field")
            .And.NotMatchRegex("--[a-z]", "the page has fields, not command-line options");
    }

    [Theory]
    [InlineData("kohya", "kohya_gui_needs_images.json", "images", "120", 240)] // ceil(120 images × repeats / train_batch_size 2 / accumulation 1 × epoch 4)
    [InlineData("kohya", "sd_scripts_epochs.toml", "batches_per_epoch", "40", 200)] // max_train_epochs 5 × ceil(40 / 1 process / accumulation 1)
    [InlineData("hf", "hf_epochs.json", "examples", "1000", 375)] // num_train_epochs 3 × ceil(1000 / per_device_train_batch_size 8)
    [InlineData("timm", "timm_on_updates.yaml", "batches_per_epoch", "50", 500)] // epochs 10 × 50 updates per epoch
    public async Task A_fact_given_to_a_file_that_needs_it_sets_the_training_length(string source, string file, string fact, string value, long totalSteps)
    {
        var (status, body) = await ImportAsync(source, FileText(file), new Dictionary<string, string> { [fact] = value });

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("config").GetProperty("total_steps").GetInt64().Should().Be(totalSteps);
    }

    [Theory]
    [InlineData("kohya", "my_lora.toml", "images", "120", "images × repeats")]
    [InlineData("kohya", "my_lora.toml", "batches_per_epoch", "40", "batches per epoch")]
    [InlineData("kohya-args", "--lr_scheduler linear --learning_rate 1e-4 --max_train_steps 100", "batches_per_epoch", "40", "batches per epoch")]
    [InlineData("hf", """{"learning_rate": 1e-4, "lr_scheduler_type": "linear", "max_steps": 100}""", "examples", "1000", "examples")]
    public async Task A_fact_given_to_a_file_that_does_not_need_it_is_accepted_with_a_note_naming_its_field(string source, string fileOrText, string fact, string value, string label)
    {
        var text = fileOrText.Contains('.', StringComparison.Ordinal) && !fileOrText.Contains(' ', StringComparison.Ordinal) ? FileText(fileOrText) : fileOrText;

        var (status, body) = await ImportAsync(source, text, new Dictionary<string, string> { [fact] = value });

        status.Should().Be(HttpStatusCode.OK);
        Notes(body).Should().ContainSingle(note => note.Contains($"the '{label}' field", StringComparison.Ordinal))
            .Which.Should().NotMatchRegex("--[a-z]");
    }

    [Fact]
    public async Task The_world_size_field_shares_a_Hugging_Face_epoch_among_the_processes()
    {
        var expected = 3 * (long)Math.Ceiling(1000 / (8.0 * 4)); // num_train_epochs 3 × ceil(examples / (batch 8 × world size 4))

        var (status, body) = await ImportAsync("hf", FileText("hf_epochs.json"), new Dictionary<string, string> { ["examples"] = "1000", ["world_size"] = "4" });

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("config").GetProperty("total_steps").GetInt64().Should().Be(expected);
    }

    [Fact]
    public async Task Without_the_world_size_field_a_Hugging_Face_import_notes_that_it_assumed_one_process()
    {
        var (_, body) = await ImportAsync("hf", FileText("hf_epochs.json"), new Dictionary<string, string> { ["examples"] = "1000" });

        Notes(body).Should().ContainSingle(note => note.StartsWith("the 'world size' field is not given: assumed 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_epoch_rule_field_floors_an_epochs_optimizer_steps_as_older_transformers_did()
    {
        var node = JsonNode.Parse(FileText("hf_epochs.json"))!.AsObject();
        node["gradient_accumulation_steps"] = 4;
        var expected = 3 * ((1000 + 7) / 8 / 4); // num_train_epochs 3 × floor(ceil(1000 / 8) batches / accumulation 4)

        var (status, body) = await ImportAsync("hf", node.ToJsonString(), new Dictionary<string, string> { ["examples"] = "1000", ["epoch_rule"] = "floor" });

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("config").GetProperty("total_steps").GetInt64().Should().Be(expected);
    }

    [Fact]
    public async Task The_world_size_field_gives_timm_the_global_batch_of_its_learning_rate_rule()
    {
        var expected = 0.1 * 64 * 2 / 256; // lr_base × batch_size × world size 2 / lr_base_size, linear scaling

        var (status, body) = await ImportAsync("timm", FileText("timm_lr_base.yaml"), new Dictionary<string, string> { ["world_size"] = "2" });

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("config").GetProperty("learning_rate").GetDouble().Should().BeApproximately(expected, 1e-15);
    }

    [Fact]
    public async Task A_Kohya_GUI_file_without_num_processes_takes_the_processes_field()
    {
        var (status, body) = await ImportAsync("kohya", FileText("kohya_gui_needs_images.json"), new Dictionary<string, string> { ["images"] = "120", ["num_processes"] = "3" });

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("config").GetProperty("total_steps").GetInt64().Should().Be(240 * 3, "sd-scripts multiplies the GUI's 240 steps by the processes");
    }

    [Fact]
    public async Task A_Kohya_GUI_file_without_num_processes_notes_the_processes_field_not_the_option()
    {
        var (_, body) = await ImportAsync("kohya", FileText("kohya_gui_needs_images.json"), new Dictionary<string, string> { ["images"] = "120" });

        Notes(body).Should().ContainSingle(note => note.StartsWith("num_processes is 0 or unset", StringComparison.Ordinal))
            .Which.Should().Contain("the 'processes' field says otherwise").And.NotContain("--num-processes");
    }

    [Fact]
    public async Task A_Kohya_GUI_files_own_num_processes_wins_when_the_field_is_empty()
    {
        var (status, body) = await ImportAsync("kohya", GuiFileWithProcesses(2), new Dictionary<string, string> { ["images"] = "120" });

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("config").GetProperty("total_steps").GetInt64().Should().Be(240 * 2);
    }

    [Fact]
    public async Task A_processes_field_that_disagrees_with_the_Kohya_GUI_files_num_processes_is_refused()
    {
        var (status, body) = await ImportAsync("kohya", GuiFileWithProcesses(4), new Dictionary<string, string> { ["images"] = "120", ["num_processes"] = "2" });

        status.Should().Be(HttpStatusCode.BadRequest);
        Messages(body).Should().ContainSingle().Which.Should().StartWith("the 'processes' field (2) disagrees with the file's num_processes 4")
            .And.EndWith("leave the field empty or make them equal.");
    }

    [Theory]
    [InlineData("images", "0", "the 'images × repeats' field: '0' is not a whole number in [1, 9007199254740992].")]
    [InlineData("images", "1.5", "the 'images × repeats' field: '1.5' is not a whole number in [1, 9007199254740992].")]
    [InlineData("images", "-4", "the 'images × repeats' field: '-4' is not a whole number in [1, 9007199254740992].")]
    [InlineData("images", "9007199254740993", "the 'images × repeats' field: '9007199254740993' is not a whole number in [1, 9007199254740992].")]
    [InlineData("batches_per_epoch", "many", "the 'batches per epoch' field: 'many' is not a whole number in [1, 9007199254740992].")]
    [InlineData("num_processes", "1000001", "the 'processes' field: '1000001' is not a whole number in [1, 1000000].")]
    public async Task A_fact_that_is_not_a_count_in_range_is_refused_with_400_naming_its_field(string fact, string value, string message)
    {
        var (status, body) = await ImportAsync("kohya", FileText("kohya_gui_needs_images.json"), new Dictionary<string, string> { [fact] = value });

        status.Should().Be(HttpStatusCode.BadRequest);
        Messages(body).Should().Equal(message);
    }

    [Fact]
    public async Task Every_bad_fact_is_refused_at_once()
    {
        var (status, body) = await ImportAsync("hf", FileText("hf_epochs.json"), new Dictionary<string, string> { ["examples"] = "0", ["world_size"] = "x", ["epoch_rule"] = "round" });

        status.Should().Be(HttpStatusCode.BadRequest);
        Messages(body).Should().HaveCount(3).And.Contain("the 'epoch rule' field: 'round' is not one of ceil, floor.");
    }

    [Fact]
    public async Task A_fact_the_chosen_import_does_not_take_is_refused()
    {
        var (status, body) = await ImportAsync("hf", FileText("hf_epochs.json"), new Dictionary<string, string> { ["images"] = "120" });

        status.Should().Be(HttpStatusCode.BadRequest);
        Messages(body).Should().Equal("'images' is not a fact of the hf import; its facts are: examples, world_size, epoch_rule.");
    }

    [Fact]
    public async Task The_formats_list_each_imports_fields_with_their_bounds()
    {
        using var response = await _client.GetAsync(new Uri("/api/formats", UriKind.Relative));
        var formats = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var kohya = formats.GetProperty("imports").EnumerateArray().Single(source => source.GetProperty("name").GetString() == "kohya").GetProperty("facts");
        kohya.EnumerateArray().Select(fact => fact.GetProperty("label").GetString()).Should().Equal("processes", "images × repeats", "batches per epoch");
        kohya[1].GetProperty("maximum").GetInt64().Should().Be(1L << 53);
        formats.GetProperty("detects_imports").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task No_field_offers_to_count_a_folder()
    {
        using var response = await _client.GetAsync(new Uri("/api/formats", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var (_, refused) = await ImportAsync("kohya", FileText("kohya_gui_needs_images.json"));

        text.Should().NotContainAny("dataset-dir", "dataset_dir");
        Messages(refused).Single().Should().NotContain("dataset-dir", "the page gives the server no folder to count");
    }

    public static TheoryData<string, string> Kinds => new()
    {
        { """{"scheduler": "cosine", "learning_rate": 0.001, "total_steps": 100}""", "json" },
        { FileText("kohya_gui_lora.json"), "kohya" },
        { FileText("kohya_gui_needs_images.json"), "kohya" },
        { FileText("my_lora.toml"), "kohya" },
        { FileText("sd_scripts_epochs.toml"), "kohya" },
        { "accelerate launch train_network.py \\\n  --lr_scheduler cosine --learning_rate 1e-4 --max_train_steps 100", "kohya-args" },
        { FileText("hf_epochs.json"), "hf" },
        { "learning_rate: 1e-4\nlr_scheduler_type: cosine\nmax_steps: 100\n", "hf" },
        { """{"learning_rate": 2e-5, "per_device_train_batch_size": 8, "num_train_epochs": 1}""", "hf" },
        { FileText("timm_on_updates.yaml"), "timm" },
        { FileText("timm_lr_base.yaml"), "timm" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Auto_tells_the_kind_from_the_content(string text, string kind)
    {
        var (_, body) = await ImportAsync("auto", text);

        body.GetProperty("source").GetString().Should().Be(kind);
        body.GetProperty("detected").GetString().Should().StartWith("its ");
    }

    [Theory]
    [InlineData("""{"learning_rate": 0.001}""")] // keys of no kind
    [InlineData("""{"scheduler": "cosine", "lr_scheduler_type": "linear"}""")] // keys of two kinds
    [InlineData("sched: cosine\nlr_scheduler_type: linear\n")]
    [InlineData("lr = 0.1\nsched: cosine\n")] // TOML and YAML lines
    [InlineData("{ not json")]
    public async Task Auto_refuses_a_text_whose_content_does_not_tell_its_kind(string text)
    {
        var (status, body) = await ImportAsync("auto", text);

        status.Should().Be(HttpStatusCode.BadRequest);
        Messages(body).Should().Equal("the content does not tell which kind of file this is: choose its kind.");
    }

    [Fact]
    public async Task Auto_reads_a_text_whose_content_does_not_tell_as_the_fallback_kind()
    {
        var (status, body) = await ImportAsync("auto", """{"learning_rate": 0.001}""", fallback: "json");

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("source").GetString().Should().Be("json");
        body.TryGetProperty("detected", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Auto_uses_the_facts_of_the_kind_it_detected_and_leaves_out_the_others()
    {
        var (status, body) = await ImportAsync("auto", FileText("hf_epochs.json"), new Dictionary<string, string> { ["examples"] = "1000", ["images"] = "120" });

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("config").GetProperty("total_steps").GetInt64().Should().Be(3 * (long)Math.Ceiling(1000 / 8.0));
    }

    [Fact]
    public async Task A_refusal_after_detection_says_which_kind_read_the_file()
    {
        var (status, body) = await ImportAsync("auto", FileText("kohya_gui_needs_images.json"));

        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("source").GetString().Should().Be("kohya");
        Messages(body).Single().Should().Contain("the 'images × repeats' field");
    }
}
