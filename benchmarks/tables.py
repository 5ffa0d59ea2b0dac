#!/usr/bin/env python3
"""Turns BenchmarkDotNet's CSV reports into the tables of docs/benchmarks.md.

Run after the full suite: python3 benchmarks/tables.py [BenchmarkDotNet.Artifacts/results]
Prints Markdown: the summary table (ratios to Span.Fill against issue 3's targets), the small-range table and the
loop/Evaluate speed-ups. Every figure comes from one run; nothing is typed by hand.
"""
import csv
import re
import sys
from pathlib import Path

RESULTS = Path(sys.argv[1] if len(sys.argv) > 1 else "BenchmarkDotNet.Artifacts/results")
SCHEDULES = Path(__file__).parent / "Schedulers.Benchmarks" / "BenchmarkSchedules.cs"
TARGETS = {"cosine": 1.5, "linear": 1.5, "cosine_with_restarts": 2.0, "polynomial_fractional": 12.0}
UNITS = {"ns": 1e-3, "μs": 1.0, "us": 1.0, "ms": 1e3, "s": 1e6}


def microseconds(text):
    number, unit = text.replace(",", "").split()
    return float(number) * UNITS[unit]


def report(name):
    path = next(RESULTS.glob(f"*{name}-report.csv"))
    rows = {}
    with path.open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            rows[(row["Scheduler"], row["Method"])] = row
    return rows


def fmt(us):
    return f"{us:,.1f} μs" if us >= 1 else f"{us * 1000:.2f} ns"


def main():
    names = re.findall(r'\["([^"]+)"\] = """', SCHEDULES.read_text(encoding="utf-8"))
    double, single = report("EvaluateDoubleBenchmarks"), report("EvaluateFloatBenchmarks")
    print("| scheduler | double: Evaluate | ratio to Span.Fill | target | float: Evaluate | ratio to float fill | target |"
          " GetLearningRate loop / Evaluate (double) | allocated |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    held = True
    for name in names:
        d_fill = microseconds(double[(name, "SpanFill")]["Mean"])
        d_eval = microseconds(double[(name, "Evaluate")]["Mean"])
        d_loop = microseconds(double[(name, "GetLearningRateLoop")]["Mean"])
        f_fill = microseconds(single[(name, "SpanFill")]["Mean"])
        f_eval = microseconds(single[(name, "Evaluate")]["Mean"])
        target = TARGETS.get(name, 3.0)
        d_ratio, f_ratio = d_eval / d_fill, f_eval / f_fill
        held &= d_ratio <= target and f_ratio <= 1.5 * target
        allocated = {double[(name, "Evaluate")]["Allocated"], single[(name, "Evaluate")]["Allocated"]}
        allocated = "0 B" if allocated <= {"-", "0 B"} else "/".join(sorted(allocated))
        print(f"| `{name}` | {fmt(d_eval)} | {d_ratio:.2f} | ≤ {target:g} | {fmt(f_eval)} | {f_ratio:.2f} | "
              f"≤ {1.5 * target:g} | {d_loop / d_eval:.0f}× | {allocated} |")
    print()
    print("Every target held in this run." if held else "**Not every target held in this run.**")
    print()
    small = report("SmallRangeBenchmarks")
    print("| scheduler | 16 × `GetLearningRate` | `Evaluate` of 16 steps | ratio |")
    print("| --- | ---: | ---: | ---: |")
    for name in sorted({scheduler for scheduler, _ in small}):
        methods = {method: microseconds(row["Mean"]) for (scheduler, method), row in small.items() if scheduler == name}
        baseline = next(method for method in methods if "GetLearningRate" in method)
        evaluate = next(method for method in methods if method != baseline)
        print(f"| `{name}` | {fmt(methods[baseline])} | {fmt(methods[evaluate])} | {methods[evaluate] / methods[baseline]:.2f} |")


if __name__ == "__main__":
    main()
