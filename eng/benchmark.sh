#!/usr/bin/env bash
# Measures, in one run on this machine (see eng/Benchmark/Program.cs for what and how):
#   1. no-op `dotnet build --no-restore` with the package ÷ without it (median, alternated, node reuse off), the
#      package targets' own time and whether any task of the package ran (-clp:PerformanceSummary)
#   2. cold provisioning wall time and sequential round trips at injected latency
#   3. an 8-project solution built with -m ÷ a single project (cold provisioning)
# Needs only the .NET SDK. Options: --runs N (no-op runs each, >= 10), --latency-ms N, --repeat N, --keep, --no-parallel.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
build_log=$(mktemp)
if ! dotnet build eng/Benchmark -c Release -nr:false -v:q -nologo >"$build_log" 2>&1; then cat "$build_log" >&2; rm -f "$build_log"; exit 1; fi
rm -f "$build_log"
exec dotnet eng/Benchmark/bin/Release/net10.0/Convex.AuthKit.Benchmark.dll "$@"
