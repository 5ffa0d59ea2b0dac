using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Schedulers.Designer;

/// <summary>
/// C# that builds the same schedule with <see cref="ScheduleBuilder"/>: each key by its <see cref="ScheduleKeys"/>
/// constant (the typed <c>With…</c> method where the builder has one), each value as the literal it was written as.
/// </summary>
internal sealed class CSharpExport : IExportFormat
{
    /// <summary>The builder's typed methods, for the keys that have one and a value they take.</summary>
    private static readonly FrozenDictionary<string, (string Method, bool Integer)> Typed = new Dictionary<string, (string, bool)>
    {
        [ScheduleKeys.LearningRate] = ("WithLearningRate", false),
        [ScheduleKeys.TotalSteps] = ("WithTotalSteps", true),
        [ScheduleKeys.WarmupSteps] = ("WithWarmupSteps", true),
        [ScheduleKeys.WarmupRatio] = ("WithWarmupRatio", false),
        [ScheduleKeys.NumCycles] = ("WithNumCycles", false),
        [ScheduleKeys.MinLr] = ("WithMinLearningRate", false),
        [ScheduleKeys.MinLrRatio] = ("WithMinLearningRateRatio", false),
        [ScheduleKeys.WarmupStartLr] = ("WithWarmupStartLearningRate", false),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The name of each <see cref="ScheduleKeys"/> constant, by its value.</summary>
    private static readonly FrozenDictionary<string, string> Constants = typeof(ScheduleKeys)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .ToFrozenDictionary(field => (string)field.GetRawConstantValue()!, field => field.Name, StringComparer.Ordinal);

    public string Name => "csharp";

    public string Label => "C# (ScheduleBuilder)";

    public string FileName => "DesignedSchedule.cs";

    public string Export(ScheduleOptions options)
    {
        var code = new StringBuilder();
        code.Append("""
            // Made by the schedule designer (schedulers serve). Reference the Schedulers package.
            using Schedulers;

            /// <summary>The learning-rate schedule designed in the browser.</summary>
            public static class DesignedSchedule
            {
                /// <summary>Builds the schedule.</summary>
                public static LearningRateSchedule Create() =>
                    LearningRateSchedule.CreateBuilder()

            """);
        foreach (var (key, value) in options.Entries)
        {
            code.Append("            ").Append(Call(key, value)).Append('\n');
        }

        code.Append("            .Build();\n}\n");
        return code.ToString();
    }

    private static string Call(string key, ParameterValue value)
    {
        if (key == ScheduleKeys.Scheduler && value.Kind == ParameterValueKind.Text)
        {
            return $".WithScheduler({Text(value.TextValue!)})";
        }

        if (Typed.TryGetValue(key, out var typed) && value.Kind == ParameterValueKind.Number
            && (!typed.Integer || (value.NumberValue == Math.Floor(value.NumberValue) && Math.Abs(value.NumberValue) < 9e15)))
        {
            return $".{typed.Method}({Number(value.NumberValue)})";
        }

        var name = Constants.TryGetValue(key, out var constant) ? $"ScheduleKeys.{constant}" : Text(key);
        return $".With({name}, {Literal(value)})";
    }

    private static string Literal(ParameterValue value) => value.Kind switch
    {
        ParameterValueKind.Number => $"ParameterValue.FromNumber({Number(value.NumberValue)})",
        ParameterValueKind.Text => $"ParameterValue.FromText({Text(value.TextValue!)})",
        ParameterValueKind.Boolean => value.BooleanValue ? "ParameterValue.FromBoolean(true)" : "ParameterValue.FromBoolean(false)",
        ParameterValueKind.List => $"ParameterValue.FromList([{string.Join(", ", value.Items.Select(Literal))}])",
        ParameterValueKind.Object => $"ParameterValue.FromObjectJson({Text(value.ToJson())})",
        _ => "ParameterValue.Null",
    };

    /// <summary>The shortest text that reads back as the same double; an integer literal converts to double or long implicitly.</summary>
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A verbatim string literal: only the quote needs escaping, and any text (newlines included) stays as it is.</summary>
    private static string Text(string value) => "@\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
