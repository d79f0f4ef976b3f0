#!/usr/bin/env bash
# Migrates a copy of samples/ChatMigration to an open runtime with `licenseguard migrate`: first a dry run (the diff, nothing
# written), then the migration itself, which adds the runtime's package where needed, applies LG1001's code fix, removes the
# OpenAI SDK package nothing uses any more and builds the result before writing it. Then the copy is built with LicenseGuard.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="0.1.0-local.$(date +%s)"
copy="$root/samples/.fixed/ChatMigration"
dotnet pack "$root/src/LicenseGuard.Package" -c Release -p:Version="$version" -o "$root/artifacts/packages" -v quiet -nologo
dotnet build "$root/src/LicenseGuard.Cli" -c Release -v quiet -nologo -clp:NoSummary >/dev/null
rm -rf "$copy" && mkdir -p "$(dirname "$copy")" && cp -r "$root/samples/ChatMigration" "$copy" && rm -rf "$copy/bin" "$copy/obj"
licenseguard() { dotnet "$root/src/LicenseGuard.Cli/bin/Release/net8.0/licenseguard.dll" "$@"; }
# The sample takes LicenseGuard's version from the property LicenseGuardVersion; MSBuild reads it from the environment.
export LicenseGuardVersion="$version"
echo "== licenseguard migrate samples/.fixed/ChatMigration --dry-run"
licenseguard migrate "$copy" --dry-run | sed "s|$root/||g"
echo "== licenseguard migrate samples/.fixed/ChatMigration"
licenseguard migrate "$copy" | head -n 4 | sed "s|$root/||g"
echo "== dotnet build samples/.fixed/ChatMigration"
if ! output="$(dotnet build "$copy" -nologo -v quiet -clp:NoSummary)"; then
  echo "$output" | sed "s|$root/||g"; echo "The migrated copy did not build."; exit 1
fi
echo "$output" | grep -E "LG[0-9]{4}" | sed "s|$root/||g" | sort -u || true
echo "Build succeeded: no LicenseGuard finding left in code, and no OpenAI package left to report."
