using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Schedulers.Cli;

/// <summary>
/// <c>schedulers describe</c>: every scheduler, or one, with its parameters, straight from the descriptors. The JSON form
/// is what a GUI reads to enable only the fields that apply.
/// </summary>
internal static class DescribeCommand
{
    public static Command Create(TextWriter output)
    {
        var name = new Argument<string?>("SCHEDULER")
        {
            Description = "A scheduler name (all of them when omitted).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<DescribeFormat>("--format")
        {
            Description = "table (for people) or json (for programs: a GUI's field list).",
            DefaultValueFactory = _ => DescribeFormat.Table,
        };
        var command = new Command("describe", "List the schedulers and the parameters each takes: type, range, default, meaning.");
        command.Arguments.Add(name);
        command.Options.Add(format);
        command.SetAction(parseResult =>
        {
            IReadOnlyList<SchedulerDescriptor> schedulers = parseResult.GetValue(name) is { } wanted
                ? [SchedulerCatalog.Find(wanted) ?? throw new UsageException($"'{wanted}' is not a scheduler.{Spelling.DidYouMean(wanted, SchedulerCatalog.All.Select(scheduler => scheduler.Name))} The schedulers are: {string.Join(", ", SchedulerCatalog.All.Select(scheduler => scheduler.Name))}.")]
                : SchedulerCatalog.All;
            output.Write(parseResult.GetValue(format) == DescribeFormat.Json ? Json(schedulers) : Table(schedulers));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Table(IReadOnlyList<SchedulerDescriptor> schedulers)
    {
        var text = new StringBuilder();
        foreach (var scheduler in schedulers)
        {
            text.Append(CultureInfo.InvariantCulture, $"{scheduler.Name} ({Family(scheduler.Family)})\n");
            text.Append(CultureInfo.InvariantCulture, $"  {scheduler.Summary}\n");
            text.Append(CultureInfo.InvariantCulture, $"  factor: {scheduler.Formula}\n");
            text.Append(CultureInfo.InvariantCulture, $"  warmup: {Warmup(scheduler)}\n");
            if (scheduler.IsCodeOnly)
            {
                text.Append("  code only: made from a C# function (LearningRateSchedule.FromFunction); no configuration file or flag can describe it\n");
            }

            var rows = scheduler.Parameters.Select(parameter => new[] { parameter.Key, parameter.ValidValues, Presence(parameter), parameter.DefaultDescription ?? "-", parameter.Description }).ToArray();
            string[] header = ["key", "valid values", "required", "default", "meaning"];
            var widths = Enumerable.Range(0, 4).Select(i => rows.Select(row => row[i].Length).Append(header[i].Length).Max()).ToArray();
            foreach (var row in rows.Prepend(header))
            {
                text.Append("  ");
                for (var i = 0; i < 4; i++)
                {
                    text.Append(row[i].PadRight(widths[i] + 2));
                }

                text.Append(row[4]).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The catalog as JSON: what a GUI reads (the designer serves exactly this).</summary>
    public static string Json(IReadOnlyList<SchedulerDescriptor> schedulers)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("schedulers");
            foreach (var scheduler in schedulers)
            {
                json.WriteStartObject();
                json.WriteString("name", scheduler.Name);
                json.WriteString("family", scheduler.Family.ToString());
                json.WriteString("summary", scheduler.Summary);
                json.WriteString("formula", scheduler.Formula);
                json.WriteString("warmup", scheduler.Warmup.ToString());
                json.WriteBoolean("metric_driven", scheduler.IsMetricDriven);
                json.WriteBoolean("code_only", scheduler.IsCodeOnly);
                json.WriteStartArray("parameters");
                foreach (var parameter in scheduler.Parameters)
                {
                    WriteParameter(json, parameter);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteParameter(Utf8JsonWriter json, ParameterDescriptor parameter)
    {
        json.WriteStartObject();
        json.WriteString("key", parameter.Key);
        json.WriteString("kind", parameter.Kind.ToString());
        json.WriteString("presence", parameter.Presence.ToString());
        json.WriteBoolean("required", parameter.Presence == ParameterPresence.Required);
        json.WritePropertyName("default");
        json.WriteRawValue(parameter.DefaultValue?.ToJson() ?? "null");
        json.WriteString("default_description", parameter.DefaultDescription);
        if (parameter.Range is { } range)
        {
            json.WriteStartObject("range");
            WriteBound(json, "minimum", range.Minimum);
            json.WriteBoolean("minimum_inclusive", range.MinimumInclusive);
            WriteBound(json, "maximum", range.Maximum);
            json.WriteBoolean("maximum_inclusive", range.MaximumInclusive);
            json.WriteBoolean("below_learning_rate", range.IsBelowLearningRate);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("range");
        }

        json.WriteStartArray("choices");
        foreach (var choice in parameter.Choices)
        {
            json.WriteStringValue(choice);
        }

        json.WriteEndArray();
        json.WriteStartArray("exclusive_with");
        foreach (var alternative in parameter.Alternatives)
        {
            json.WriteStringValue(alternative);
        }

        json.WriteEndArray();
        json.WriteString("valid_values", parameter.ValidValues);
        json.WriteString("description", parameter.Description);
        json.WriteString("flag", CommandLineFlag.For(parameter.Key));
        json.WriteEndObject();
    }

    private static void WriteBound(Utf8JsonWriter json, string name, double bound)
    {
        if (double.IsFinite(bound))
        {
            json.WriteNumber(name, bound);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Presence(ParameterDescriptor parameter) => parameter.Presence switch
    {
        ParameterPresence.Required => "yes",
        ParameterPresence.OneOfRequired => "one of " + string.Join(", ", parameter.Alternatives.Prepend(parameter.Key)),
        _ => "no",
    };

    private static string Family(SchedulerFamily family) => family switch
    {
        SchedulerFamily.HuggingFace => "Hugging Face / diffusers / Kohya",
        SchedulerFamily.PyTorch => "PyTorch",
        SchedulerFamily.Timm => "timm",
        SchedulerFamily.Keras => "Keras",
        _ => "custom curve",
    };

    private static string Warmup(SchedulerDescriptor scheduler) => scheduler.Warmup switch
    {
        WarmupSupport.Linear => "linear (warmup_steps or warmup_ratio)",
        WarmupSupport.Shaped => "its own shape (warmup_type)",
        WarmupSupport.Timm => "timm's linear warmup (warmup_t, warmup_lr_init, warmup_prefix)",
        _ when scheduler.Takes(ScheduleKeys.WarmupSteps) => "its own, set by its parameters (warmup_steps among them)",
        _ => "none (a positive warmup is refused)",
    };
}
