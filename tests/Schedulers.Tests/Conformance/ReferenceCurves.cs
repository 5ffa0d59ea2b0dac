using System.Text.Json;

namespace Schedulers.Tests.Conformance;

/// <summary>
/// The reference curves produced by the real PyTorch / diffusers / transformers / timm / Keras code, read at test time
/// from the copies kept beside the tests (never copied into code). Cases and invalid entries of both files are one list:
/// their ids are distinct.
/// </summary>
internal static class ReferenceCurves
{
    /// <summary>PyTorch, diffusers and transformers (contract v1.0).</summary>
    public const string FileName = "reference-curves.json";

    /// <summary>timm, Keras and PyTorch stepped once per epoch (contract v1.1); no plateau runs.</summary>
    public const string TimmKerasFileName = "timm-keras-curves.json";

    private static readonly Lazy<JsonDocument[]> Documents = new(() =>
        [.. new[] { FileName, TimmKerasFileName }.Select(name =>
            JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", name))))]);

    /// <summary>
    /// The schedulers of the catalog with no case in the reference file, each with the reason there is none. Every other
    /// scheduler must have a case (ReferenceCurveConformanceTests checks both).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> WithoutReferenceCurve = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        { "ReduceLROnPlateau", "it follows reported metrics and has no curve: the plateau runs of the reference file cover it (PlateauConformanceTests)" },
        { "LambdaLR", "it takes a C# function, which the Python original cannot be given" },
        { "interpolated", "it is ours: there is no Python original to run" },
    };

    public static IEnumerable<JsonElement> Cases => Entries("cases");

    public static IEnumerable<JsonElement> Invalid => Entries("invalid");

    public static IEnumerable<JsonElement> Plateau => Entries("plateau");

    public static JsonElement PlateauRun(string id) => Plateau.Single(element => element.GetProperty("id").GetString() == id);

    public static TheoryData<string> PlateauIds() => IdsOf(Plateau);

    public static JsonElement Case(string id) => Cases.Single(element => element.GetProperty("id").GetString() == id);

    public static JsonElement InvalidEntry(string id) => Invalid.Single(element => element.GetProperty("id").GetString() == id);

    public static string SchedulerOf(JsonElement entry) => entry.GetProperty("config").GetProperty(ScheduleKeys.Scheduler).GetString()!;

    /// <summary>Every case of the reference file.</summary>
    public static TheoryData<string> CaseIds() => IdsOf(Cases);

    /// <summary>The cases of the schedulers of <paramref name="family"/> (by the catalog; a case it lacks is in no family).</summary>
    public static IEnumerable<JsonElement> CasesOf(SchedulerFamily family) =>
        Cases.Where(entry => SchedulerCatalog.Find(SchedulerOf(entry))?.Family == family);

    public static TheoryData<string> InvalidIds() => IdsOf(Invalid);

    public static TheoryData<string> IdsOf(IEnumerable<JsonElement> entries) => [.. entries.Select(entry => entry.GetProperty("id").GetString()!)];

    /// <summary>
    /// The learning rate the tolerance is relative to: the configuration's <c>learning_rate</c>, else its
    /// <c>initial_learning_rate</c> (Keras), else the curve's largest value (the conformance README's rule).
    /// </summary>
    public static double LearningRateOf(JsonElement entry)
    {
        var config = entry.GetProperty("config");
        if (config.TryGetProperty(ScheduleKeys.LearningRate, out var learningRate))
        {
            return learningRate.GetDouble();
        }

        return config.TryGetProperty("initial_learning_rate", out var initial) && initial.GetDouble() > 0
            ? initial.GetDouble()
            : entry.GetProperty("lr").EnumerateArray().Max(value => value.GetDouble());
    }

    /// <summary>The contract's tolerance: |ours - reference| &lt;= 1e-12 |reference| + 1e-14 learning_rate.</summary>
    public static double Tolerance(double reference, double learningRate) => (1e-12 * Math.Abs(reference)) + (1e-14 * learningRate);

    private static IEnumerable<JsonElement> Entries(string list) => Documents.Value.SelectMany(document =>
        document.RootElement.TryGetProperty(list, out var entries) ? entries.EnumerateArray() : Enumerable.Empty<JsonElement>());
}
