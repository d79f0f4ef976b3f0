#!/usr/bin/env bash
# Scale: `licenseguard scan` of the generated solution (50 small projects and one large one, as solution.sh writes it)
# against `dotnet build` of the same solution, both after the same restore; the goal is a scan within 2x one build.
#
#   bench/scale.sh [small-projects] [large-files] [runs]      (default 50 300 3)
#
# The projects do not reference the LicenseGuard package: the build is what a team pays today, the scan what LicenseGuard
# adds when it is run over every project from the outside (restore check, gather, compile, all analyzers, report). The build
# is measured after one uncounted build that warms the compiler server, as a developer's second build is.
set -euo pipefail
source "$(dirname "$0")/common.sh"
small="${1:-50}"; large_files="${2:-300}"; runs="${3:-3}"
bench_work scale
bench_props ""
bench_generate_solution "$small" "$large_files"
dotnet restore "$work/Bench.sln" -v quiet >/dev/null
dotnet build "$root/src/LicenseGuard.Cli" -c Release -nologo -v quiet >/dev/null
tool="$root/src/LicenseGuard.Cli/bin/Release/net8.0/licenseguard.dll"

elapsed_ms() { local start end; start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }

echo "$(nproc) cores, $(dotnet --version) SDK; $small small projects + 1 large ($large_files files); $runs runs"
dotnet build "$work/Bench.sln" --no-restore -nologo -v quiet >/dev/null
builds=(); scans=()
for (( r = 1; r <= runs; r++ )); do
  builds+=("$(elapsed_ms dotnet build "$work/Bench.sln" --no-restore --no-incremental -nologo -v quiet)")
  scans+=("$(elapsed_ms dotnet "$tool" scan "$work/Bench.sln" --format json -o "$work/scan.json" -v quiet)")
done
build=$(printf '%s\n' "${builds[@]}" | median)
scan=$(printf '%s\n' "${scans[@]}" | median)
findings=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["findings"])' "$work/scan.json")
printf '| dotnet build (rebuild, warm server) | %s ms |\n| licenseguard scan | %s ms (%s findings) |\n| scan / build | %s |\n' \
  "$build" "$scan" "$findings" "$(awk -v a="$scan" -v b="$build" 'BEGIN { printf "%.2f×", a / b }')"
