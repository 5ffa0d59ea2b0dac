using System.Globalization;
using System.Text.Json;
using Schedulers.Samples;
using ScottPlot;

// dotnet run --project src/Schedulers.Samples -- [--epochs N] [--output DIR]
// Trains softmax regression on Iris three ways (constant, warmup + cosine, warmup + ReduceLROnPlateau), interrupts the
// last two halfway, resumes them from a checkpoint file and checks that they end exactly as the uninterrupted runs, and
// draws the validation-loss and learning-rate curves.
var epochs = 60;
var output = "training-output";
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--epochs" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 2:
            epochs = parsed;
            break;
        case "--output":
            output = args[i + 1];
            break;
        default:
            Console.Error.WriteLine($"Unknown or invalid argument {args[i]} {args[i + 1]}; usage: [--epochs N >= 2] [--output DIR]");
            return 2;
    }
}

Directory.CreateDirectory(output);
var data = IrisData.Load();
var runs = new Dictionary<Strategy, IReadOnlyList<EpochResult>>();
foreach (var strategy in Enum.GetValues<Strategy>())
{
    var options = new TrainingOptions(strategy, epochs);
    var results = Trainer.Run(data, options);
    runs[strategy] = results;
    var last = results[^1];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{strategy,-13} epochs {epochs}: train loss {last.TrainLoss:F4}, validation loss {last.ValidationLoss:F4}, validation accuracy {last.ValidationAccuracy:P1}, final lr {last.LearningRate:G4}"));

    if (strategy == Strategy.Constant)
    {
        continue;
    }

    // Interrupt halfway: the checkpoint goes through a file, as it would between two processes.
    var checkpointFile = Path.Combine(output, $"checkpoint-{strategy}.json");
    var half = epochs / 2;
    var firstHalf = Trainer.Run(data, options, stopAfterEpoch: half, checkpoint: saved => File.WriteAllText(checkpointFile, JsonSerializer.Serialize(saved)));
    var resumed = Trainer.Run(data, options, resumeFrom: JsonSerializer.Deserialize<Checkpoint>(File.ReadAllText(checkpointFile)));
    var identical = firstHalf.Concat(resumed).SequenceEqual(results);
    Console.WriteLine($"{strategy,-13} stopped after epoch {half}, resumed from {checkpointFile}: {(identical ? "identical to the uninterrupted run" : "DIFFERENT from the uninterrupted run")}");
    if (!identical)
    {
        return 1;
    }
}

Draw(runs, result => result.ValidationLoss, "validation loss", Path.Combine(output, "loss-curves.png"), logY: true);
Draw(runs, result => result.LearningRate, "learning rate", Path.Combine(output, "learning-rates.png"), logY: false);
Console.WriteLine($"plots: {Path.Combine(output, "loss-curves.png")}, {Path.Combine(output, "learning-rates.png")}");
return 0;

static void Draw(Dictionary<Strategy, IReadOnlyList<EpochResult>> runs, Func<EpochResult, double> value, string label, string file, bool logY)
{
    var plot = new Plot();
    foreach (var (strategy, results) in runs)
    {
        var ys = results.Select(result => logY ? Math.Log10(value(result)) : value(result)).ToArray();
        var line = plot.Add.Scatter(results.Select(result => (double)result.Epoch).ToArray(), ys);
        line.LegendText = strategy.ToString();
        line.MarkerSize = 0;
    }

    if (logY)
    {
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = y => Math.Pow(10, y).ToString("G3", CultureInfo.InvariantCulture) };
    }

    plot.XLabel("epoch");
    plot.YLabel(label);
    plot.Title($"Iris softmax regression: {label} per epoch");
    plot.ShowLegend(Alignment.UpperRight);
    plot.SavePng(file, 900, 500);
}
