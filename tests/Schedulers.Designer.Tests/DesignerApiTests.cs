using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Schedulers.Cli;

namespace Schedulers.Designer.Tests;

/// <summary>The designer's API over HTTP, without a browser: what it answers, and how it refuses.</summary>
public sealed class DesignerApiTests(DesignerHost host) : IClassFixture<DesignerHost>, IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };

    public void Dispose() => _client.Dispose();

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri(path, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string[] Messages(JsonElement body) => [.. body.GetProperty("problems").EnumerateArray().Select(problem => problem.GetProperty("message").GetString()!)];

    [Fact]
    public async Task The_catalog_is_what_describe_prints_as_JSON()
    {
        using var output = new StringWriter();
        CliApp.Run(["describe", "--format", "json"], output, TextWriter.Null);

        var catalog = await _client.GetStringAsync(new Uri("/api/catalog", UriKind.Relative));

        catalog.Should().Be(output.ToString());
    }

    [Fact]
    public async Task A_refused_configuration_is_answered_with_400_and_every_problem_by_key()
    {
        var (status, body) = await PostAsync("/api/curve", """{"configs": [{"scheduler": "cosine", "learning_rate": -1, "warmup_steps": "x", "total_steps": 100}]}""");

        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("problems").EnumerateArray().Select(problem => problem.GetProperty("keys")[0].GetString()).Should().Equal("learning_rate", "warmup_steps");
        Messages(body).Should().Equal(Expected("""{"scheduler": "cosine", "learning_rate": -1, "warmup_steps": "x", "total_steps": 100}"""));
    }

    [Theory]
    [InlineData(1_000_000L)]
    [InlineData(1_000_000_000_000L)]
    public async Task A_curve_of_any_length_comes_back_as_one_envelope_column_per_pixel(long steps)
    {
        var (status, body) = await PostAsync("/api/curve", $$"""{"configs": [{"scheduler": "cosine", "learning_rate": 1e-3, "warmup_steps": 100, "total_steps": {{steps}}}], "width": 640}""");

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("count").GetInt64().Should().Be(steps + 1);
        var curve = body.GetProperty("curves")[0];
        curve.GetProperty("low").GetArrayLength().Should().Be(640);
        curve.GetProperty("peak").GetDouble().Should().Be(1e-3);
    }

    [Fact]
    public async Task A_curve_wider_than_the_pixel_cap_is_refused()
    {
        var (status, body) = await PostAsync("/api/curve", """{"configs": [{"scheduler": "linear", "learning_rate": 1e-3, "total_steps": 10}], "width": 100000}""");

        status.Should().Be(HttpStatusCode.BadRequest);
        Messages(body).Should().ContainSingle().Which.Should().Contain("'width' must be a whole number in [1, 4096]");
    }

    [Fact]
    public async Task Overlaid_configurations_share_one_range_and_a_refused_one_is_named_by_index()
    {
        var (status, body) = await PostAsync("/api/curve", """{"configs": [{"scheduler": "linear", "learning_rate": 1e-3, "total_steps": 10}, {"scheduler": "StepLR", "learning_rate": 1e-3}]}""");

        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("index").GetInt32().Should().Be(1);
        Messages(body).Should().ContainSingle().Which.Should().StartWith("step_size");
    }

    [Fact]
    public async Task A_body_over_the_cap_is_refused_with_413_and_a_problem()
    {
        var (status, body) = await PostAsync("/api/import", $$"""{"source": "json", "text": "{{new string('x', 2 << 20)}}"}""");

        status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        Messages(body).Should().ContainSingle().Which.Should().Contain("larger than 1048576 bytes");
    }

    [Theory]
    [InlineData("{not json", "the request is not valid JSON")]
    [InlineData("[1, 2]", "the request must be a JSON object.")]
    [InlineData("""{"configs": "cosine"}""", "'configs' must be an array of 1 to 8 configurations.")]
    [InlineData("""{"configs": [{"scheduler": "linear", "learning_rate": 1e-3, "total_steps": 10}], "steps": 1e300}""", "'steps' must be a whole number in [1, 9007199254740992]")]
    public async Task Malformed_requests_get_400_and_a_sentence_never_a_stack_trace(string json, string message)
    {
        var (status, body) = await PostAsync("/api/curve", json);

        status.Should().Be(HttpStatusCode.BadRequest);
        Messages(body).Should().ContainSingle().Which.Should().StartWith(message);
        body.ToString().Should().NotContain("   at ");
    }

    [Fact]
    public async Task A_request_that_is_not_JSON_is_refused()
    {
        using var content = new StringContent("scheduler=cosine", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await _client.PostAsync(new Uri("/api/curve", UriKind.Relative), content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("the request must be JSON");
    }

    [Fact]
    public async Task Another_host_name_is_refused_so_that_DNS_rebinding_cannot_reach_the_server()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/catalog", UriKind.Relative));
        request.Headers.Host = "attacker.example";

        using var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_page_is_served_with_a_content_security_policy_that_allows_only_this_server()
    {
        using var response = await _client.GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Content-Security-Policy").Should().ContainSingle().Which.Should().Contain("default-src 'none'").And.Contain("script-src 'self'").And.NotContain("unsafe");
        (await response.Content.ReadAsStringAsync()).Should().NotContain("src=\"http").And.NotContain("href=\"http");
    }

    [Fact]
    public async Task Fix_returns_the_lenient_configuration_and_each_change()
    {
        var (status, body) = await PostAsync("/api/fix", """{"config": {"scheduler": "constant", "learning_rate": 0.001, "warmup_steps": 100}}""");

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("config").GetRawText().Should().Be("""{"scheduler":"constant","learning_rate":0.001}""");
        body.GetProperty("changes")[0].GetProperty("message").GetString().Should().Be("warmup_steps: removed 100 (not used by constant)");
    }

    [Fact]
    public async Task An_unknown_import_source_is_refused_with_the_list_of_sources()
    {
        var (status, body) = await PostAsync("/api/import", """{"source": "yaml", "text": ""}""");

        status.Should().Be(HttpStatusCode.BadRequest);
        Messages(body).Should().ContainSingle().Which.Should().Be("'yaml' is not an import source; the sources are: json, kohya, kohya-args, hf, timm, and auto (told from the content).");
    }

    [Fact]
    public async Task An_import_refusal_lists_the_importers_problems()
    {
        var (status, body) = await PostAsync("/api/import", """{"source": "kohya", "text": "lr_scheduler = \"constant\"\nlr_warmup_steps = 10\n"}""");

        status.Should().Be(HttpStatusCode.BadRequest);
        Messages(body).Should().ContainSingle().Which.Should().StartWith("lr_warmup_steps 10 with lr_scheduler constant: sd-scripts refuses it");
    }

    [Fact]
    public async Task A_Hugging_Face_file_imports_with_its_facts_carried_over()
    {
        var text = JsonSerializer.Serialize("""{"learning_rate": 2e-5, "lr_scheduler_type": "cosine", "max_steps": 1000, "warmup_ratio": 0.1}""");

        var (status, body) = await PostAsync("/api/import", $$"""{"source": "hf", "text": {{text}}}""");

        status.Should().Be(HttpStatusCode.OK);
        var config = body.GetProperty("config");
        config.GetProperty("scheduler").GetString().Should().Be("cosine");
        config.GetProperty("warmup_steps").GetInt64().Should().Be(100);
    }

    [Fact]
    public async Task The_number_of_processes_is_a_fact_the_sd_scripts_import_asks_for()
    {
        var (_, formats) = await GetAsync("/api/formats");
        formats.GetProperty("imports").EnumerateArray().Single(source => source.GetProperty("name").GetString() == "kohya")
            .GetProperty("facts")[0].GetProperty("name").GetString().Should().Be("num_processes");

        var (status, body) = await PostAsync("/api/import", """{"source": "kohya", "text": "lr_scheduler = \"linear\"\nmax_train_steps = 500\n", "facts": {"num_processes": "4"}}""");

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("config").GetProperty("total_steps").GetInt64().Should().Be(2000);
    }

    [Fact]
    public async Task A_CSV_export_holds_every_step_of_a_short_curve()
    {
        var (status, body) = await PostAsync("/api/export", """{"format": "csv", "config": {"scheduler": "linear", "learning_rate": 0.001, "total_steps": 4}}""");

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("text").GetString().Should().Be("step,lr\n0,0.001\n1,0.00075\n2,0.0005\n3,0.00025\n4,0\n");
    }

    [Fact]
    public async Task Exporting_a_refused_configuration_gives_its_problems()
    {
        var (status, body) = await PostAsync("/api/export", """{"format": "json", "config": {"scheduler": "cosine", "learning_rate": 0.001}}""");

        status.Should().Be(HttpStatusCode.BadRequest);
        Messages(body).Should().Equal(Expected("""{"scheduler": "cosine", "learning_rate": 0.001}"""));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone());
    }

    /// <summary>What the library itself says of a configuration: the API passes its messages on unchanged.</summary>
    private static string[] Expected(string json)
    {
        var action = () => LearningRateSchedule.FromJson(json);
        return [.. action.Should().Throw<ScheduleConfigurationException>().Which.Problems.Select(problem => problem.Message)];
    }
}
