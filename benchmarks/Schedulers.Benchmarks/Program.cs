using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

// Full run (docs/benchmarks.md): dotnet run -c Release --project benchmarks/Schedulers.Benchmarks -- --filter '*' --job short --exporters github
// CI's smoke run:               dotnet run -c Release --project benchmarks/Schedulers.Benchmarks -- --filter '*' --job Dry
// Scheduler names such as CosineAnnealingWarmRestarts must stay whole in the tables that docs/benchmarks.md quotes.
var config = DefaultConfig.Instance.WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);

// A benchmark that fails to build or run must fail the command, so that CI notices a suite that rotted.
return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
