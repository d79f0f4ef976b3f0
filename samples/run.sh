#!/usr/bin/env bash
# Packs LicenseGuard from this checkout and builds the samples against it, so you see what it reports.
# Each run stamps a fresh package version, so NuGet's cache never serves an older analyzer.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="0.1.0-local.$(date +%s)"
dotnet pack "$root/src/LicenseGuard.Package" -c Release -p:Version="$version" -o "$root/artifacts/packages" -v quiet -nologo
dotnet run "$root/samples/tools/make-weights.cs" -- "$root/samples/WeightsShipper" >/dev/null
for sample in "${@:-SupportBot LocalAssistant InvoiceExporter WeightsShipper ChatMigration}"; do
  for name in $sample; do
    echo "== samples/$name"
    dotnet build "$root/samples/$name" -p:LicenseGuardVersion="$version" -nologo -v quiet -clp:NoSummary \
      -p:ErrorLog="$root/artifacts/$name.sarif%2Cversion=2.1" | grep -E "LG[0-9]{4}|error" | sed "s|$root/||g" | sort -u || true
  done
done
echo "SARIF logs: artifacts/*.sarif"
