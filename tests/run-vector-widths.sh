#!/usr/bin/env bash
# The evaluation tests (accuracy in double and float, allocations, the width in force) once per vector width, each in
# its own test process with the runtime's switch set, so that a machine with AVX-512 also checks the 256-bit, 128-bit
# (what ARM64 runs) and scalar paths. On .NET 10 AVX-512 is turned off by DOTNET_EnableAVX512 (DOTNET_EnableAVX512F is
# ignored), AVX2 (leaving SSE's 128-bit vectors) by DOTNET_EnableAVX2, every intrinsic by DOTNET_EnableHWIntrinsic.
# VectorWidthTests are left out: they start their own child processes with each switch, once, in the ordinary run.
# Build first (dotnet build); extra arguments go to dotnet test (e.g. --logger "console;verbosity=normal").
set -euo pipefail
cd "$(dirname "$0")/.."
filter="FullyQualifiedName~Schedulers.Tests.Evaluation&FullyQualifiedName!~Schedulers.Tests.Evaluation.VectorWidthTests"
for variable in DOTNET_EnableAVX512 DOTNET_EnableAVX2 DOTNET_EnableHWIntrinsic; do
    echo "== ${variable}=0"
    env "${variable}=0" dotnet test tests/Schedulers.Tests --no-build --filter "${filter}" "$@"
done
