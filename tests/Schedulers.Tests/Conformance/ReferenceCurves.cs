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

    /// <summary>The Hugging Face / diffusers / Kohya family of the contract.</summary>
    public static readonly string[] HuggingFaceSchedulers =
    [
        "constant", "constant_with_warmup", "linear", "cosine", "cosine_with_min_lr", "cosine_with_restarts",
        "polynomial", "inverse_sqrt", "warmup_stable_decay", "piecewise_constant",
    ];

    /// <summary>The PyTorch family of the contract, composites included.</summary>
    public static readonly string[] PyTorchSchedulers =
    [
        "StepLR", "MultiStepLR", "ExponentialLR", "ConstantLR", "LinearLR", "PolynomialLR", "CosineAnnealingLR", "CosineAnnealingWarmRestarts",
        "OneCycleLR", "CyclicLR", "SequentialLR", "ChainedScheduler",
    ];

    public static IEnumerable<JsonElement> Cases => Document.Value.RootElement.GetProperty("cases").EnumerateArray();

    public static IEnumerable<JsonElement> Invalid => Document.Value.RootElement.GetProperty("invalid").EnumerateArray();

    public static IEnumerable<JsonElement> Plateau => Document.Value.RootElement.GetProperty("plateau").EnumerateArray();

    public static JsonElement PlateauRun(string id) => Plateau.Single(element => element.GetProperty("id").GetString() == id);

    public static TheoryData<string> PlateauIds()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Plateau)
        {
            data.Add(entry.GetProperty("id").GetString()!);
        }

        return data;
    }

    public static JsonElement Case(string id) => Cases.Single(element => element.GetProperty("id").GetString() == id);

    public static JsonElement InvalidEntry(string id) => Invalid.Single(element => element.GetProperty("id").GetString() == id);

    public static string SchedulerOf(JsonElement entry) => entry.GetProperty("config").GetProperty("scheduler").GetString()!;

    public static TheoryData<string> HuggingFaceCaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Cases.Where(entry => HuggingFaceSchedulers.Contains(SchedulerOf(entry))))
        {
            data.Add(entry.GetProperty("id").GetString()!);
        }

        return data;
    }

    public static TheoryData<string> PyTorchCaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Cases.Where(entry => PyTorchSchedulers.Contains(SchedulerOf(entry))))
        {
            data.Add(entry.GetProperty("id").GetString()!);
        }

        return data;
    }

    public static TheoryData<string> InvalidIds()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Invalid)
        {
            data.Add(entry.GetProperty("id").GetString()!);
        }

        return data;
    }

    /// <summary>The contract's tolerance: |ours - reference| &lt;= 1e-12 |reference| + 1e-14 learning_rate.</summary>
    public static double Tolerance(double reference, double learningRate) => (1e-12 * Math.Abs(reference)) + (1e-14 * learningRate);
}
