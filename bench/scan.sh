#!/usr/bin/env bash
# Times `licenseguard scan` (median of N runs, warm NuGet cache) on the samples and on this repository's solution, with the
# analyzers phase and without it (--skip-code). Usage: bench/scan.sh [runs]   (default 3)
set -euo pipefail
source "$(dirname "$0")/common.sh"
runs="${1:-3}"
dotnet build "$root/src/LicenseGuard.Cli" -c Release -nologo -v quiet >/dev/null
tool="$root/src/LicenseGuard.Cli/bin/Release/net8.0/licenseguard.dll"
dotnet run "$root/samples/tools/make-weights.cs" -- "$root/samples/WeightsShipper" >/dev/null
measure() {
  local label="$1"; shift
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    dotnet "$tool" scan "$@" --json -o /dev/null -v quiet || true
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  done | median | xargs printf "%-40s %6d ms (median of $runs)\n" "$label"
}
echo "$(nproc) cores, $(dotnet --version) SDK"
measure "samples (5 projects)" "$root/samples"
measure "samples --skip-code" "$root/samples" --skip-code
measure "LicenseGuard.sln (13 projects)" "$root/LicenseGuard.sln"
measure "LicenseGuard.sln --skip-code" "$root/LicenseGuard.sln" --skip-code
