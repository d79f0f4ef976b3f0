# Sourced by the bench scripts: a private work folder (kept with KEEP_WORK=1), LicenseGuard packed from this checkout into a
# feed there under a fresh version (NuGet's cache never serves an older analyzer), and the median of numbers on stdin.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bench_work() { # name: sets work and version; the folder goes when the script exits
  work="$(mktemp -d -t "licenseguard-$1-bench.XXXXXX")"
  trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; if [ -z "${KEEP_WORK:-}" ]; then rm -rf "$work"; else echo "kept $work" >&2; fi' EXIT
  version="0.0.0-$1.$(date +%s)"
}

bench_pack() { # packs into $work/feed and writes $work/NuGet.config naming only that feed (plus the user's sources)
  dotnet pack "$root/src/LicenseGuard.Package" -c Release -p:Version="$version" -o "$work/feed" -nologo -v quiet >/dev/null
  cat > "$work/NuGet.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="bench" value="$work/feed" />
  </packageSources>
</configuration>
CONFIG
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
