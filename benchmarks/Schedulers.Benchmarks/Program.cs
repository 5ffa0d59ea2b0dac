using BenchmarkDotNet.Running;

// Full run (docs/benchmarks.md): dotnet run -c Release --project benchmarks/Schedulers.Benchmarks -- --filter '*' --job short
// CI's smoke run:               dotnet run -c Release --project benchmarks/Schedulers.Benchmarks -- --filter '*' --job Dry
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

// A benchmark that fails to build or run must fail the command, so that CI notices a suite that rotted.
return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
