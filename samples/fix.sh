#!/usr/bin/env bash
# Applies LicenseGuard's LG1001 code fix with a real client (dotnet format) to a copy of samples/ChatMigration, shows the
# change, and builds the result: the OpenAI-backed IChatClient becomes an OllamaSharp one and the app still compiles.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="0.1.0-local.$(date +%s)"
copy="$root/samples/.fixed/ChatMigration"
dotnet pack "$root/src/LicenseGuard.Package" -c Release -p:Version="$version" -o "$root/artifacts/packages" -v quiet -nologo
rm -rf "$copy" && mkdir -p "$(dirname "$copy")" && cp -r "$root/samples/ChatMigration" "$copy" && rm -rf "$copy/bin" "$copy/obj"
echo "== dotnet format analyzers samples/.fixed/ChatMigration --diagnostics LG1001 --severity warn"
# dotnet format takes no -p: MSBuild reads the package version from the environment instead. It also says it cannot
# "Fix All" with the add-an-exception fix (that one edits licenseguard.json, one finding at a time) and applies the next fix.
LicenseGuardVersion="$version" dotnet format analyzers "$copy" --diagnostics LG1001 --severity warn
git --no-pager diff --no-index "$root/samples/ChatMigration/Clients.cs" "$copy/Clients.cs" | sed "s|$root/||g" || true
echo "== dotnet build samples/.fixed/ChatMigration"
if ! output="$(dotnet build "$copy" -p:LicenseGuardVersion="$version" -nologo -v quiet -clp:NoSummary)"; then
  echo "$output" | sed "s|$root/||g"; echo "The fixed copy did not build."; exit 1
fi
echo "$output" | grep -E "LG[0-9]{4}" | sed "s|$root/||g" | sort -u || true
echo "Build succeeded. No LG1001/LG1003 left in code; what is left is the package (LG3003): remove Microsoft.Extensions.AI.OpenAI."
