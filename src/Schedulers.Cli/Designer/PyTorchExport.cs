using System.Text;

namespace Schedulers.Cli;

/// <summary>
/// Python that makes the same schedule with the native classes: PyTorch's own <c>torch.optim.lr_scheduler</c> classes
/// for the PyTorch family (composites included), transformers' <c>get_scheduler</c> for the Hugging Face family (its
/// keyword names from <see cref="HuggingFaceMappings"/>), diffusers' for <c>piecewise_constant</c>. A scheduler with no
/// native counterpart is refused with the reason, not imitated.
/// </summary>
internal sealed class PyTorchExport : IExportFormat
{
    public string Name => "pytorch";

    public string Label => "PyTorch code";

    public string FileName => "schedule.py";

    public string Export(ScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        LearningRateSchedule.Create(options);
        var imports = new SortedSet<string>(StringComparer.Ordinal) { "import torch" };
        var scheduler = Expression(options, imports);
        var learningRate = options.TryGetValue(ScheduleKeys.LearningRate, out var lr) ? PythonText.Literal(lr!) : "1e-3";
        var steps = options.TryGetValue(ScheduleKeys.TotalSteps, out var total) ? PythonText.Literal(total!) : "1000";
        var code = new StringBuilder("# Made by the schedule designer (schedulers serve): the same schedule with the native classes.\n");
        foreach (var line in imports)
        {
            code.Append(line).Append('\n');
        }

        code.Append('\n')
            .Append("model = torch.nn.Linear(1, 1)  # your model\n")
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"optimizer = torch.optim.AdamW(model.parameters(), lr={learningRate})\n")
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"scheduler = {scheduler}\n\n")
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"for step in range({steps}):\n")
            .Append("    optimizer.step()\n")
            .Append("    scheduler.step()  # once per training step\n");
        return code.ToString();
    }

    private static string Expression(ScheduleOptions options, SortedSet<string> imports)
    {
        var name = options.Scheduler!;
        var descriptor = SchedulerCatalog.Find(name)!;
        if (descriptor.Family == SchedulerFamily.PyTorch)
        {
            imports.Add($"from torch.optim.lr_scheduler import {name}");
            var arguments = new List<string> { "optimizer" };
            foreach (var (key, value) in options.Entries)
            {
                if (key == ScheduleKeys.Scheduler || key == ScheduleKeys.LearningRate || (key == ScheduleKeys.TotalSteps && name != "OneCycleLR"))
                {
                    continue;
                }

                arguments.Add(key == ScheduleKeys.Schedulers
                    ? $"schedulers=[{string.Join(", ", value.Items.Select(child => Expression(ScheduleOptions.FromJson(child.ToJson()), imports)))}]"
                    : $"{key}={PythonText.Literal(value)}");
            }

            return $"{name}({string.Join(", ", arguments)})";
        }

        var transformers = HuggingFaceMappings.KeywordSchedules.Contains(name) || HuggingFaceMappings.PlainSchedules.Contains(name);
        if (!transformers && !KohyaMappings.Schedules.Contains(name))
        {
            throw new DesignerInputException($"{name} has no native PyTorch, transformers or diffusers class; export our JSON, or C#, instead.");
        }

        imports.Add(transformers ? "from transformers import get_scheduler" : "from diffusers.optimization import get_scheduler");
        var call = new List<string> { PythonText.Text(name), "optimizer" };
        var keywords = new List<string>();
        var rules = transformers ? HuggingFaceMappings.Keywords : KohyaMappings.Keywords;
        foreach (var (key, value) in options.Entries)
        {
            if (key is ScheduleKeys.Scheduler or ScheduleKeys.LearningRate)
            {
                continue;
            }

            if (key == ScheduleKeys.WarmupSteps)
            {
                call.Add($"num_warmup_steps={PythonText.Literal(value)}");
            }
            else if (key == ScheduleKeys.TotalSteps)
            {
                call.Add($"num_training_steps={PythonText.Literal(value)}");
            }
            else if (rules.FirstOrDefault(rule => rule.Target == key && rule.IsUsedBy(name)) is { } rule)
            {
                // diffusers takes its few extra arguments directly; transformers through scheduler_specific_kwargs.
                (transformers ? keywords : call).Add(transformers ? $"{PythonText.Text(rule.Source)}: {PythonText.Literal(value)}" : $"{rule.Source}={PythonText.Literal(value)}");
            }
            else
            {
                throw new DesignerInputException($"{(transformers ? "transformers'" : "diffusers'")} {name} has no argument for {key}; export our JSON, or C#, instead.");
            }
        }

        if (keywords.Count > 0)
        {
            call.Add($"scheduler_specific_kwargs={{{string.Join(", ", keywords)}}}");
        }

        return $"get_scheduler({string.Join(", ", call)})";
    }
}
