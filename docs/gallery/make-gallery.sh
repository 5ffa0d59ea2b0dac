#!/usr/bin/env bash
# Regenerates the images of docs/gallery.md from the configurations in this folder.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build ../../src/Schedulers.Cli -c Release --nologo -v quiet
cli=(dotnet run --no-build -c Release --project ../../src/Schedulers.Cli --)
for config in *.json; do
  "${cli[@]}" curve --config "$config" --plot "${config%.json}.png"
done
"${cli[@]}" compare --config cosine.json --config warmup_stable_decay.json --config OneCycleLR.json --plot compare.png
"${cli[@]}" compare --config cosine.json --config inverse_sqrt.json --config polynomial.json --plot compare-log.png --log-y
