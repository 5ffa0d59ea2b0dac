using System.Diagnostics;
using System.Globalization;
using Schedulers;

// An independent check of the benchmark suite's ratios, through the public API only. For each configuration (one
// "name=json" per line of configurations.txt, or of the file given), it alternates Span.Fill and Evaluate on the same
// 1,000,000-element buffers, double and float, and keeps each one's fastest run: on a noisy VM the minimum is the
// stablest estimate of what the code costs. It then checks Evaluate against GetLearningRate (1e-14 of learning_rate
// in double) and float against double (1e-6).
//   dotnet run -c Release --project benchmarks/Schedulers.Harness [-- FILE [ROUNDS]]
var file = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "configurations.txt");
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
const int Steps = 1_000_000;
var doubles = new double[Steps];
var singles = new float[Steps];
Console.WriteLine("| scheduler | double: Evaluate / Fill | ratio | float: Evaluate / Fill | ratio | worst double error / lr | worst float error / lr |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var line in File.ReadLines(file).Where(line => line.Contains('=', StringComparison.Ordinal)))
{
    var name = line[..line.IndexOf('=', StringComparison.Ordinal)];
    var schedule = LearningRateSchedule.FromJson(line[(name.Length + 1)..]);
    double fillDouble = double.MaxValue, evaluateDouble = double.MaxValue, fillSingle = double.MaxValue, evaluateSingle = double.MaxValue;
    for (var round = 0; round < rounds; round++)
    {
        fillDouble = Math.Min(fillDouble, Time(() => doubles.AsSpan().Fill(3e-4)));
        evaluateDouble = Math.Min(evaluateDouble, Time(() => schedule.Evaluate(0, doubles)));
        fillSingle = Math.Min(fillSingle, Time(() => singles.AsSpan().Fill(3e-4f)));
        evaluateSingle = Math.Min(evaluateSingle, Time(() => schedule.Evaluate(0, singles)));
    }

    schedule.Evaluate(0, doubles);
    schedule.Evaluate(0, singles);
    double worstDouble = 0, worstSingle = 0;
    for (var step = 0; step < Steps; step++)
    {
        worstDouble = Math.Max(worstDouble, Math.Abs(doubles[step] - schedule.GetLearningRate(step)) / schedule.LearningRate);
        worstSingle = Math.Max(worstSingle, Math.Abs(singles[step] - doubles[step]) / schedule.LearningRate);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| `{name}` | {evaluateDouble:F0} / {fillDouble:F0} µs | {evaluateDouble / fillDouble:F2} | {evaluateSingle:F0} / {fillSingle:F0} µs | {evaluateSingle / fillSingle:F2} | {worstDouble:E1} | {worstSingle:E1} |"));
}

return 0;

static double Time(Action action)
{
    var watch = Stopwatch.StartNew();
    action();
    return watch.Elapsed.TotalMicroseconds;
}
