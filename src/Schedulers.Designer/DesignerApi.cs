using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Schedulers.Designer;

/// <summary>
/// The JSON API behind the page. Every configuration goes through the library (<see cref="LearningRateSchedule.Create"/>,
/// <see cref="LearningRateSchedule.CreateLenient"/>), so the page shows the library's own problems; a refused request
/// is answered with 400 and the problem list. A curve costs a bounded number of evaluations per pixel column, so a
/// request is capped in columns, never in steps.
/// </summary>
internal sealed class DesignerApi
{
    /// <summary>The longest range a curve covers: beyond 2^53 steps, step numbers are no longer exact in the page's numbers.</summary>
    public const long MaxSteps = 1L << 53;

    /// <summary>The default length of a curve whose schedule has no end of its own.</summary>
    public const long DefaultHorizon = 1_000;

    /// <summary>A CSV holds every step up to this many; a longer curve is written one row per pixel column.</summary>
    public const long MaxCsvRows = 100_001;

    /// <summary>
    /// Every step is evaluated up to this many (a few milliseconds with the vector kernels); a longer range is sampled,
    /// <see cref="SamplesPerColumn"/> steps per column plus every phase boundary, so that a request's cost is set by
    /// its width in pixels, never by its steps.
    /// </summary>
    public const long ExhaustiveLimit = 4_000_000;

    /// <summary>Samples per pixel column past <see cref="ExhaustiveLimit"/> steps.</summary>
    public const int SamplesPerColumn = 256;

    /// <summary>The import source that tells the kind from the content.</summary>
    public const string AutoImport = "auto";

    private readonly DesignerSettings _settings;
    private readonly ImmutableArray<IExportFormat> _exports;

    public DesignerApi(DesignerSettings settings)
    {
        _settings = settings;
        _exports = [new JsonExport(), new CSharpExport(), .. settings.ExportFormats];
    }

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/catalog", context =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.WriteAsync(_settings.CatalogJson, context.RequestAborted);
        });
        endpoints.MapGet("/api/formats", Formats);
        endpoints.MapPost("/api/curve", context => Handle(context, Curve));
        endpoints.MapPost("/api/fix", context => Handle(context, Fix));
        endpoints.MapPost("/api/import", context => Handle(context, Import));
        endpoints.MapPost("/api/export", context => Handle(context, Export));
    }

    /// <summary>Reads the body, runs the handler, and turns every refusal into 400 with its problems.</summary>
    private async Task Handle(HttpContext context, Func<HttpContext, ApiRequest, Task> handler)
    {
        try
        {
            using var request = await ApiRequest.ReadAsync(context, _settings.MaxRequestBodyBytes).ConfigureAwait(false);
            await handler(context, request).ConfigureAwait(false);
        }
        catch (CurveRefusedException refused)
        {
            await ApiResults.Problems(context, refused.Problems, refused.Index).ConfigureAwait(false);
        }
        catch (ScheduleConfigurationException refused)
        {
            await ApiResults.Problems(context, refused.Problems).ConfigureAwait(false);
        }
        catch (DesignerInputException refused)
        {
            await ApiResults.Problems(context, StatusCodes.Status400BadRequest, refused.Problems).ConfigureAwait(false);
        }
    }

    private Task Formats(HttpContext context) => ApiResults.Json(context, StatusCodes.Status200OK, json =>
    {
        json.WriteBoolean("detects_imports", _settings.DetectImport is not null);
        json.WriteStartArray("imports");
        foreach (var source in _settings.ImportSources)
        {
            json.WriteStartObject();
            json.WriteString("name", source.Name);
            json.WriteString("label", source.Label);
            json.WriteStartArray("facts");
            foreach (var fact in source.Facts)
            {
                json.WriteStartObject();
                json.WriteString("name", fact.Name);
                json.WriteString("label", fact.Label);
                json.WriteString("default", fact.DefaultValue);
                json.WriteString("description", fact.Description);
                if (fact.Maximum is { } maximum)
                {
                    json.WriteNumber("maximum", maximum);
                }

                if (!fact.Choices.IsEmpty)
                {
                    json.WriteStartArray("choices");
                    foreach (var choice in fact.Choices)
                    {
                        json.WriteStringValue(choice);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("exports");
        foreach (var format in _exports)
        {
            json.WriteStartObject();
            json.WriteString("name", format.Name);
            json.WriteString("label", format.Label);
            json.WriteString("file_name", format.FileName);
            json.WriteEndObject();
        }

        json.WriteStartObject();
        json.WriteString("name", "csv");
        json.WriteString("label", "CSV (step, lr)");
        json.WriteString("file_name", "schedule.csv");
        json.WriteEndObject();
        json.WriteEndArray();
    });

    /// <summary>
    /// <c>{"configs": [{...}, ...], "width": 800, "steps": 1e6}</c>: each configuration's envelope over one shared range,
    /// <c>steps</c> long (or, without it, the longest of their training lengths).
    /// </summary>
    private Task Curve(HttpContext context, ApiRequest request)
    {
        var configs = request.Required("configs");
        if (configs.ValueKind != JsonValueKind.Array || configs.GetArrayLength() is var length && (length < 1 || length > _settings.MaxCurves))
        {
            throw new DesignerInputException($"'configs' must be an array of 1 to {_settings.MaxCurves} configurations.");
        }

        var width = (int)(request.Integer("width", 1, _settings.MaxColumns) ?? 800);
        var schedules = configs.EnumerateArray().Select((config, index) => Create(config, index)).ToArray();
        var count = request.Integer("steps", 1, MaxSteps) ?? Math.Min(MaxSteps, schedules.Max(Horizon) + 1);
        var envelopes = schedules.Select(schedule => CurveEnvelope.Of(schedule, 0, count, width, ExhaustiveLimit, SamplesPerColumn)).ToArray();

        return ApiResults.Json(context, StatusCodes.Status200OK, json =>
        {
            json.WriteNumber("start", 0);
            json.WriteNumber("count", count);
            json.WriteStartArray("curves");
            for (var i = 0; i < schedules.Length; i++)
            {
                WriteCurve(json, schedules[i], envelopes[i], count);
            }

            json.WriteEndArray();
        });
    }

    private static void WriteCurve(Utf8JsonWriter json, LearningRateSchedule schedule, CurveEnvelope envelope, long count)
    {
        json.WriteStartObject();
        json.WriteString("name", schedule.Name);
        if (schedule.TotalSteps is { } total)
        {
            json.WriteNumber("total_steps", total);
        }

        json.WriteNumber("warmup_steps", schedule.WarmupSteps);
        json.WriteNumber("peak", envelope.High.Max());
        json.WriteNumber("final", schedule.GetLearningRate(count - 1));
        WriteArray(json, "steps", envelope.Steps);
        WriteArray(json, "first", envelope.First);
        WriteArray(json, "low", envelope.Low);
        WriteArray(json, "high", envelope.High);
        WriteArray(json, "last", envelope.Last);
        json.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, double[] values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// <c>{"config": {...}}</c>: the library's lenient mode, and each change it made. The answer keeps every entry as the
    /// person wrote it and changes only the adjusted ones, so the form shows exactly what moved.
    /// </summary>
    private static Task Fix(HttpContext context, ApiRequest request)
    {
        var options = ApiRequest.Options(request.Required("config"));
        var result = LearningRateSchedule.CreateLenient(options);
        var fixedOptions = result.Adjustments.Aggregate(options, (current, change) =>
            change.NewValue is { } value ? current.With(change.Key, value) : current.Without(change.Key));

        return ApiResults.Json(context, StatusCodes.Status200OK, json =>
        {
            json.WritePropertyName("config");
            json.WriteRawValue(fixedOptions.ToJson());
            json.WriteStartArray("changes");
            foreach (var change in result.Adjustments)
            {
                json.WriteStartObject();
                json.WriteString("key", change.Key);
                json.WriteString("from", change.OriginalValue?.ToString());
                json.WriteString("to", change.NewValue?.ToString());
                json.WriteString("reason", change.Reason);
                json.WriteString("message", change.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    /// <summary>
    /// <c>{"source": "kohya", "text": "...", "facts": {...}}</c>: a file of another tool as our configuration. With
    /// <c>"source": "auto"</c> the kind is told from the content (<see cref="DesignerSettings.DetectImport"/>), else
    /// <c>"fallback"</c> names the kind to read it as; facts the chosen kind does not take are then left out (the page
    /// sent them for the kind it showed). The answer, refusals included, says which kind read the text.
    /// </summary>
    private async Task Import(HttpContext context, ApiRequest request)
    {
        var name = request.Text("source");
        var text = request.Text("text");
        string? detected = null;
        var auto = name == AutoImport;
        if (auto)
        {
            var guess = (_settings.DetectImport ?? throw new DesignerInputException("this server does not tell a file's kind by itself: choose its kind.")).Invoke(text);
            (name, detected) = guess is not null
                ? (guess.Source, guess.Reason)
                : (request.OptionalText("fallback") ?? throw new DesignerInputException("the content does not tell which kind of file this is: choose its kind."), null);
        }

        var source = _settings.ImportSources.FirstOrDefault(candidate => candidate.Name == name)
            ?? throw new DesignerInputException($"'{name}' is not an import source; the sources are: {string.Join(", ", _settings.ImportSources.Select(candidate => candidate.Name))}{(auto ? string.Empty : $", and {AutoImport} (told from the content)")}.");
        void Kind(Utf8JsonWriter json)
        {
            json.WriteString("source", source.Name);
            if (detected is not null)
            {
                json.WriteString("detected", detected);
            }
        }

        ImportOutcome outcome;
        try
        {
            outcome = source.Import(text, CheckedFacts(source, request.Strings("facts"), skipOthers: auto));
        }
        catch (DesignerInputException refused)
        {
            await ApiResults.Problems(context, StatusCodes.Status400BadRequest, refused.Problems, Kind).ConfigureAwait(false);
            return;
        }
        catch (ScheduleConfigurationException refused)
        {
            await ApiResults.Problems(context, refused.Problems, more: Kind).ConfigureAwait(false);
            return;
        }

        await ApiResults.Json(context, StatusCodes.Status200OK, json =>
        {
            Kind(json);
            json.WritePropertyName("config");
            json.WriteRawValue(outcome.Options.ToJson());
            json.WriteStartArray("notes");
            foreach (var note in outcome.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The facts given (empty ones left out), each checked against its <see cref="ImportFact"/>: a count must be a whole
    /// number in [1, its maximum], a choice one of its values. Every bad one is refused at once, naming its field.
    /// </summary>
    private static Dictionary<string, string> CheckedFacts(IImportSource source, IReadOnlyDictionary<string, string> given, bool skipOthers)
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, raw) in given)
        {
            var value = raw.Trim();
            var fact = source.Facts.FirstOrDefault(candidate => candidate.Name == name);
            if (value.Length == 0 || (fact is null && skipOthers))
            {
                continue;
            }

            if (fact is null)
            {
                problems.Add(source.Facts.IsEmpty
                    ? $"'{name}' is not a fact of the {source.Name} import, which takes none."
                    : $"'{name}' is not a fact of the {source.Name} import; its facts are: {string.Join(", ", source.Facts.Select(candidate => candidate.Name))}.");
            }
            else if (fact.Maximum is { } maximum && !(long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 && count <= maximum))
            {
                problems.Add($"the '{fact.Label}' field: '{value}' is not a whole number in [1, {maximum.ToString(CultureInfo.InvariantCulture)}].");
            }
            else if (!fact.Choices.IsEmpty && !fact.Choices.Contains(value, StringComparer.Ordinal))
            {
                problems.Add($"the '{fact.Label}' field: '{value}' is not one of {string.Join(", ", fact.Choices)}.");
            }
            else
            {
                facts[name] = value;
            }
        }

        return problems.Count > 0 ? throw new DesignerInputException(problems.ToImmutable()) : facts;
    }

    /// <summary><c>{"format": "csharp", "config": {...}}</c>: a valid configuration as a file of the chosen format.</summary>
    private Task Export(HttpContext context, ApiRequest request)
    {
        var name = request.Text("format");
        var options = ApiRequest.Options(request.Required("config"));
        var schedule = Create(request.Required("config"), null);
        string text, fileName;
        if (name == "csv")
        {
            var count = request.Integer("steps", 1, MaxSteps) ?? Math.Min(MaxSteps, Horizon(schedule) + 1);
            (text, fileName) = (Csv(schedule, count, (int)(request.Integer("width", 1, _settings.MaxColumns) ?? 800)), "schedule.csv");
        }
        else
        {
            var format = _exports.FirstOrDefault(candidate => candidate.Name == name)
                ?? throw new DesignerInputException($"'{name}' is not an export format; the formats are: {string.Join(", ", _exports.Select(candidate => candidate.Name).Append("csv"))}.");
            (text, fileName) = (format.Export(options), format.FileName);
        }

        return ApiResults.Json(context, StatusCodes.Status200OK, json =>
        {
            json.WriteString("format", name);
            json.WriteString("file_name", fileName);
            json.WriteString("text", text);
        });
    }

    /// <summary>Every step while that stays small; past <see cref="MaxCsvRows"/> steps, one row per column with its range.</summary>
    private static string Csv(LearningRateSchedule schedule, long count, int width)
    {
        var csv = new StringBuilder();
        if (count <= MaxCsvRows)
        {
            var values = new double[count];
            schedule.Evaluate(0, values);
            csv.Append("step,lr\n");
            for (var step = 0; step < values.Length; step++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{step},{values[step]:R}\n");
            }

            return csv.ToString();
        }

        var envelope = CurveEnvelope.Of(schedule, 0, count, width, ExhaustiveLimit, SamplesPerColumn);
        csv.Append("first_step,first_lr,min_lr,max_lr,last_lr\n");
        for (var column = 0; column < envelope.Steps.Length; column++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{envelope.Steps[column]:R},{envelope.First[column]:R},{envelope.Low[column]:R},{envelope.High[column]:R},{envelope.Last[column]:R}\n");
        }

        return csv.ToString();
    }

    /// <summary>The last step worth drawing: the end of training, else the last phase boundary, else a default.</summary>
    private static long Horizon(LearningRateSchedule schedule) =>
        schedule.Horizon ?? (schedule.PhaseBoundaries.Count > 0 ? Math.Max(schedule.PhaseBoundaries.Max(), DefaultHorizon) : DefaultHorizon);

    private static LearningRateSchedule Create(JsonElement config, int? index)
    {
        try
        {
            return LearningRateSchedule.Create(ApiRequest.Options(config));
        }
        catch (ScheduleConfigurationException refused) when (index is not null)
        {
            throw new CurveRefusedException(refused.Problems, index.Value);
        }
    }
}
