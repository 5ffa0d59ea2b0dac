using System.Text;
using System.Text.Json;

namespace Schedulers.Cli;

/// <summary>
/// The <c>TrainingArguments</c> keys that make a configuration's schedule in the Hugging Face Trainer:
/// <see cref="HuggingFaceMappings"/> read backwards, as a JSON object (the shape <c>--from hf</c> reads).
/// </summary>
internal sealed class HuggingFaceExport : IExportFormat
{
    public string Name => "hf";

    public string Label => "Hugging Face TrainingArguments keys";

    public string FileName => "training_args.json";

    public string Export(ScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = options.Scheduler ?? throw new DesignerInputException("the configuration names no scheduler.");
        if (!HuggingFaceMappings.KeywordSchedules.Contains(name) && !HuggingFaceMappings.PlainSchedules.Contains(name))
        {
            throw new DesignerInputException($"the Trainer has no {name} schedule: its lr_scheduler_type is one of {string.Join(", ", HuggingFaceMappings.KeywordSchedules.Concat(HuggingFaceMappings.PlainSchedules))}.");
        }

        var problems = new List<string>();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString(HuggingFaceMappings.SchedulerType.Source, name);
            var keywords = new List<(string Name, ParameterValue Value)>();
            foreach (var (key, value) in options.Entries.Where(entry => entry.Key != ScheduleKeys.Scheduler))
            {
                var top = new[] { HuggingFaceMappings.LearningRate, HuggingFaceMappings.MaxSteps, HuggingFaceMappings.WarmupSteps }.FirstOrDefault(rule => rule.Target == key);
                if (top is not null)
                {
                    json.WritePropertyName(top.Source);
                    json.WriteRawValue(value.ToJson());
                }
                else if (HuggingFaceMappings.Keywords.FirstOrDefault(rule => rule.Target == key && rule.IsUsedBy(name)) is { } keyword)
                {
                    keywords.Add((keyword.Source, value));
                }
                else
                {
                    problems.Add($"the Trainer has no setting for {key} with {name}.");
                }
            }

            if (keywords.Count > 0)
            {
                json.WriteStartObject(HuggingFaceMappings.SchedulerKeywords.Source);
                foreach (var (keyword, value) in keywords)
                {
                    json.WritePropertyName(keyword);
                    json.WriteRawValue(value.ToJson());
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        if (problems.Count > 0)
        {
            throw new DesignerInputException([.. problems]);
        }

        var text = Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
        return ExportCheck.RoundTrip(text, options, "The Hugging Face Trainer", text => HuggingFaceImport.Read(text, HuggingFaceRunFacts.None));
    }
}
