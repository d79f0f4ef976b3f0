#!/usr/bin/env bash
# No-op build benchmark: a second `dotnet build` with nothing changed, for new projects of each template, without any
# analyzer package, with LicenseGuard, and with BannedApiAnalyzers, in the same run (interleaved, so a slower minute of the
# machine hits all three alike).
#
#   bench/noop.sh [runs] [templates...]        (default 5; console web worker classlib xunit, and console with a shipped GGUF)
#
# Prints, per template and variant, the median wall time of the no-op builds, the ratio to the build without analyzers, and
# how many of them recompiled the assembly (must be 0: a no-op build is one that compiles nothing).
set -euo pipefail
source "$(dirname "$0")/common.sh"
runs="${1:-5}"; shift || true
templates=("${@:-console web worker classlib xunit console+weights}")
bench_work noop

echo "$(nproc) cores, $(dotnet --version) SDK; $runs no-op builds per variant; work folder $work"
bench_pack

now_ms() { date +%s%3N; }

new_project() { # template variant
  local template="${1%+weights}" dir="$work/$1-$2" name="App"
  dotnet new "$template" -o "$dir" -n "$name" --no-restore >/dev/null
  case "$2" in
    licenseguard) reference="<PackageReference Include=\"LicenseGuard\" Version=\"$version\" PrivateAssets=\"all\" />" ;;
    bannedapi) reference='<PackageReference Include="Microsoft.CodeAnalysis.BannedApiAnalyzers" Version="4.14.0" PrivateAssets="all" />' ;;
    *) reference='' ;;
  esac
  local weights=''
  if [[ "$1" == *+weights ]]; then
    dotnet run "$root/samples/tools/make-weights.cs" -- "$dir" >/dev/null
    weights='<None Update="models/llama/**" CopyToOutputDirectory="PreserveNewest" />'  # a restricted-licence GGUF: a warning, the build goes on
  fi
  sed -i "s|</Project>|  <ItemGroup>$reference$weights</ItemGroup>\n</Project>|" "$dir/$name.csproj"
  dotnet build "$dir" -nologo -v quiet -clp:NoSummary >/dev/null || { echo "the first build of $dir failed" >&2; exit 1; }
  echo "$dir"
}

printf '%-18s %12s %12s %12s %10s %10s  %s\n' template none licenseguard bannedapi lg/none ban/none "recompiled (none/lg/ban)"
for template in ${templates[@]}; do
  declare -A dirs=() times=() recompiled=()
  for variant in none licenseguard bannedapi; do
    dirs[$variant]=$(new_project "$template" "$variant")
    recompiled[$variant]=0
  done
  for ((run = 0; run < runs; run++)); do
    for variant in none licenseguard bannedapi; do
      dll=$(find "${dirs[$variant]}/obj" -name App.dll -not -path '*/ref/*' -not -path '*/refint/*' | head -1)
      before=$(stat -c %.9Y "$dll")
      start=$(now_ms)
      dotnet build "${dirs[$variant]}" -nologo -v quiet -clp:NoSummary >/dev/null
      times[$variant]+="$(( $(now_ms) - start )) "
      [ "$(stat -c %.9Y "$dll")" = "$before" ] || recompiled[$variant]=$(( ${recompiled[$variant]} + 1 ))
    done
  done
  none=$(tr ' ' '\n' <<<"${times[none]}" | grep . | median)
  lg=$(tr ' ' '\n' <<<"${times[licenseguard]}" | grep . | median)
  ban=$(tr ' ' '\n' <<<"${times[bannedapi]}" | grep . | median)
  printf '%-18s %10s ms %10s ms %10s ms %9.2fx %9.2fx  %s/%s/%s of %s\n' "$template" "$none" "$lg" "$ban" \
    "$(awk "BEGIN { print $lg / $none }")" "$(awk "BEGIN { print $ban / $none }")" "${recompiled[none]}" "${recompiled[licenseguard]}" "${recompiled[bannedapi]}" "$runs"
  unset dirs times recompiled
done
