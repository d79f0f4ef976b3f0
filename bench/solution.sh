#!/usr/bin/env bash
# Real-solution benchmark: LicenseGuard side by side with BannedApiAnalyzers in the same builds of a generated solution of
# many small projects and one large one, in fresh compiler processes (cold) and in the compiler server (warm).
#
#   bench/solution.sh [small-projects] [large-files] [runs]      (default 50 300 3)
#
# Both analyzer packages are referenced by every project, so each compilation reports both analyzers' times
# (-p:ReportAnalyzer=true); BannedSymbols.txt holds the same N:/T: symbols as the catalog. Prints, per mode, the analyzer time
# summed over the projects (median of the runs; warm modes at least 5, after one uncounted build that warms the server), per LicenseGuard analyzer, the ratio to BannedApi and to CoreCompile, and
# the LicenseGuardGather target's time (summed; ~0 when its inputs are unchanged, so the last line makes it run). One in five small projects calls the OpenAI SDK; the large one is string-heavy.
set -euo pipefail
source "$(dirname "$0")/common.sh"
small="${1:-50}"; large_files="${2:-300}"; runs="${3:-3}"
bench_work solution

echo "$(nproc) cores, $(dotnet --version) SDK; $small small projects + 1 large ($large_files files); $runs runs; work folder $work"
bench_pack
# The catalog's SDK symbols as BannedApiAnalyzers configuration (the same coverage LicenseGuard's LG1001 has).
python3 - "$root/rules/services.json" > "$work/BannedSymbols.txt" <<'EOF'
import json, sys
seen = []
for service in json.load(open(sys.argv[1]))["services"]:
    for symbol in service.get("symbols", []):
        if symbol not in seen:
            seen.append(symbol)
print("\n".join(f"{s};AI SDK" for s in seen))
EOF
bench_props "    <PackageReference Include=\"LicenseGuard\" Version=\"$version\" PrivateAssets=\"all\" />
    <PackageReference Include=\"Microsoft.CodeAnalysis.BannedApiAnalyzers\" Version=\"4.14.0\" PrivateAssets=\"all\" />
    <AdditionalFiles Include=\"$work/BannedSymbols.txt\" />"

bench_generate_solution "$small" "$large_files"
dotnet restore "$work/Bench.sln" -v quiet >/dev/null

# Sums the assembly-level lines of ReportAnalyzer over all compilations of a build log, per analyzer assembly and per
# LicenseGuard analyzer, and the CoreCompile and LicenseGuardGather targets of the performance summary (milliseconds).
summarise() {
  awk '
    /^ *[0-9.<]+ +[0-9<]+ +LicenseGuard\.Analyzers, Version/ { lg += $1 * 1000 }
    /^ *[0-9.<]+ +[0-9<]+ +Microsoft\.CodeAnalysis\.(CSharp\.)?BannedApiAnalyzers, Version/ { banned += $1 * 1000 }
    /^ *[0-9.<]+ +[0-9<]+ +LicenseGuard\.Analyzers\.Rules\./ { split($3, parts, "."); rule[parts[4]] += $1 * 1000 }
    /^ +[0-9]+ ms +CoreCompile +[0-9]+ calls/ { core += $1 }
    /^ +[0-9]+ ms +LicenseGuardGather +[0-9]+ calls/ { gather += $1; gatherCalls += $4 }
    END {
      printf "%.0f %.0f %.0f %.0f %d", lg, banned, core, gather, gatherCalls
      for (r in rule) printf " %s=%.0f", r, rule[r]
      printf "\n"
    }'
}


measure() {
  local label="$1"; shift
  local results=() count="${MEASURE_RUNS:-$runs}"
  for (( r = 1; r <= count; r++ )); do
    if [ "${FORCE_GATHER:-}" = 1 ]; then find "$work" -name project.assets.json -exec touch {} +; fi
    results+=("$(dotnet build "$work/Bench.sln" --no-restore --no-incremental -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary -nologo "$@" | summarise)")
  done
  local lg banned core gather
  lg=$(printf '%s\n' "${results[@]}" | awk '{ print $1 }' | median)
  banned=$(printf '%s\n' "${results[@]}" | awk '{ print $2 }' | median)
  core=$(printf '%s\n' "${results[@]}" | awk '{ print $3 }' | median)
  gather=$(printf '%s\n' "${results[@]}" | awk '{ print $4 }' | median)
  printf '| %s | %s ms | %s ms | %s | %s ms | %s %% | %s ms |\n' "$label" "$lg" "$banned" \
    "$(awk -v a="$lg" -v b="$banned" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else printf "-" }')" "$core" \
    "$(awk -v a="$lg" -v b="$core" 'BEGIN { if (b > 0) printf "%.1f", 100 * a / b; else printf "-" }')" "$gather"
  printf '%s\n' "${results[@]}" | tail -1 | cut -d' ' -f6- | tr ' ' '\n' | sed 's/^/    last run, LicenseGuard per analyzer (ms): /' >&2
}

echo
echo "| mode | LicenseGuard analyzers | BannedApiAnalyzers | ratio | CoreCompile | LicenseGuard / CoreCompile | LicenseGuardGather |"
echo "|---|---:|---:|---:|---:|---:|---:|"
dotnet build-server shutdown >/dev/null 2>&1 || true
measure "cold: fresh compiler process per project" -p:UseSharedCompilation=false
# Warm means a compiler server that has already compiled the solution once (and so loaded and JIT-compiled both analyzers):
# that build is not counted. Each warm build sums ~1 ms per project for either analyzer, so one pause in one callback (GC,
# tier-up, two builds' threads on two cores) moves the sum by tens of percent: warm modes take at least 5 runs.
dotnet build "$work/Bench.sln" --no-restore --no-incremental -p:UseSharedCompilation=true -nologo -v:q >/dev/null
warm_runs=$(( runs > 5 ? runs : 5 ))
MEASURE_RUNS=$warm_runs measure "warm: compiler server" -p:UseSharedCompilation=true
# The gather target is incremental: it runs when the restore output or a rules file changed. Make it run.
MEASURE_RUNS=$warm_runs FORCE_GATHER=1 measure "warm, restore output touched (gather runs)" -p:UseSharedCompilation=true
