using System.Text;

namespace Schedulers;

/// <summary>
/// Renders the catalog as Markdown: the generated part of docs/schedulers.md (a test keeps the file equal to it, so the
/// documentation cannot drift from the descriptors).
/// </summary>
internal static class CatalogMarkdown
{
    public static string Render()
    {
        var text = new StringBuilder();
        foreach (var family in Enum.GetValues<SchedulerFamily>())
        {
            var schedulers = SchedulerCatalog.All.Where(scheduler => scheduler.Family == family).ToList();
            text.Append("### Which parameter applies to which scheduler: ").Append(FamilyName(family)).Append("\n\n");
            text.Append("| key | ").Append(string.Join(" | ", schedulers.Select(scheduler => $"`{scheduler.Name}`"))).Append(" |\n");
            text.Append("| --- |").Append(string.Concat(schedulers.Select(_ => " :-: |"))).Append('\n');
            // steps_per_epoch, which every step-driven scheduler takes, closes the table rather than interrupting it.
            foreach (var key in schedulers.SelectMany(scheduler => scheduler.Parameters).Select(parameter => parameter.Key).Distinct(StringComparer.Ordinal)
                .OrderBy(key => key == ScheduleKeys.StepsPerEpoch))
            {
                text.Append($"| `{key}` | ").Append(string.Join(" | ", schedulers.Select(scheduler => Cell(scheduler.Find(key))))).Append(" |\n");
            }

            text.Append('\n');
        }

        text.Append("Legend: **R** required, **1** one of the alternatives required, **o** optional, blank: refused (except that a warmup of 0 is accepted by every scheduler).\n\n");

        foreach (var scheduler in SchedulerCatalog.All)
        {
            text.Append($"## `{scheduler.Name}`\n\n");
            text.Append($"{scheduler.Summary}\n\n");
            text.Append($"- Family: {FamilyName(scheduler.Family)}\n");
            text.Append(scheduler.Family == SchedulerFamily.Keras ? "- Learning rate" : "- Factor after warmup").Append($": `{scheduler.Formula}`\n");
            text.Append($"- Warmup: {WarmupText(scheduler)}\n\n");
            text.Append("| key | valid values | required | default | meaning |\n| --- | --- | --- | --- | --- |\n");
            foreach (var parameter in scheduler.Parameters)
            {
                var required = parameter.Presence switch
                {
                    ParameterPresence.Required => "yes",
                    ParameterPresence.OneOfRequired => "one of " + string.Join(", ", new[] { parameter.Key }.Concat(parameter.Alternatives).Select(key => $"`{key}`")),
                    _ => "no",
                };
                var alternatives = parameter.Alternatives.IsEmpty ? string.Empty
                    : parameter.EqualAlternativesAccepted ? string.Empty // Two names for one value: the description says so.
                    : " Exclusive with " + string.Join(", ", parameter.Alternatives.Select(key => $"`{key}`")) + ".";
                text.Append($"| `{parameter.Key}` | {Escape(parameter.ValidValues)} | {required} | {Escape(parameter.DefaultDescription ?? "-")} | {Escape(parameter.Description)}{alternatives} |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Cell(ParameterDescriptor? parameter) => parameter?.Presence switch
    {
        ParameterPresence.Required => "R",
        ParameterPresence.OneOfRequired => "1",
        ParameterPresence.Optional => "o",
        _ => " ",
    };

    private static string WarmupText(SchedulerDescriptor scheduler) => scheduler.Warmup switch
    {
        WarmupSupport.Linear => "linear, `lr = s0 + (learning_rate - s0) * step / max(1, W)` for `step < W`",
        WarmupSupport.Shaped => "its own shape (`warmup_type`), scaled into [min_lr_ratio, 1]",
        WarmupSupport.Timm => "timm's, `warmup_lr_init + step * (target - warmup_lr_init) / warmup_t` for `step < warmup_t`; with `warmup_prefix` the curve's clock starts at `warmup_t`, without it the curve runs on the step itself",
        _ when scheduler.Takes(ScheduleKeys.WarmupSteps) => $"its own, set by its parameters (`warmup_steps` among them); other warmup keys are refused (\"{scheduler.WarmupRefusal}\")",
        _ => $"none; a warmup of 0 is accepted, a positive one is refused (\"{scheduler.WarmupRefusal}\")",
    };

    private static string FamilyName(SchedulerFamily family) => family switch
    {
        SchedulerFamily.HuggingFace => "Hugging Face / diffusers / Kohya",
        SchedulerFamily.PyTorch => "PyTorch",
        SchedulerFamily.Timm => "timm",
        SchedulerFamily.Keras => "Keras",
        _ => "custom curves",
    };

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
