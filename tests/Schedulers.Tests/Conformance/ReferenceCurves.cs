using System.Text.Json;

namespace Schedulers.Tests.Conformance;

/// <summary>
/// The reference curves produced by the real PyTorch / diffusers / transformers code, read at test time from the copy
/// kept beside the tests (never copied into code).
/// </summary>
internal static class ReferenceCurves
{
    public const string FileName = "reference-curves.json";

    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", FileName))));

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

    public static IEnumerable<JsonElement> Cases => Document.Value.RootElement.GetProperty("cases").EnumerateArray();

    public static IEnumerable<JsonElement> Invalid => Document.Value.RootElement.GetProperty("invalid").EnumerateArray();

    public static IEnumerable<JsonElement> Plateau => Document.Value.RootElement.GetProperty("plateau").EnumerateArray();

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

    /// <summary>The contract's tolerance: |ours - reference| &lt;= 1e-12 |reference| + 1e-14 learning_rate.</summary>
    public static double Tolerance(double reference, double learningRate) => (1e-12 * Math.Abs(reference)) + (1e-14 * learningRate);
}
