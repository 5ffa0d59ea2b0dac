using BenchmarkDotNet.Running;

// Full run (docs/benchmarks.md): dotnet run -c Release --project benchmarks/Schedulers.Benchmarks -- --filter '*'
// CI's smoke run:               dotnet run -c Release --project benchmarks/Schedulers.Benchmarks -- --filter '*' --job Dry
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
