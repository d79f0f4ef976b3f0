#!/usr/bin/env bash
# Regenerates spdx-licenses.tsv.gz from the SPDX License List as published on npm (CC0-1.0). Usage: rules/spdx/update.sh
# [spdx-license-list version] [spdx-license-ids version] [spdx-exceptions version]. Review the diff of README.md's counts.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "spdx-license-list@${1:-6.12.0}" "spdx-license-ids@${2:-3.0.24}" "spdx-exceptions@${3:-2.5.0}" >/dev/null)
for package in "$work"/*.tgz; do mkdir -p "${package%.tgz}" && tar xzf "$package" -C "${package%.tgz}"; done
dotnet run "$here/make-spdx-data.cs" -- "$work"/spdx-license-list-*/package "$work"/spdx-license-ids-*/package "$work"/spdx-exceptions-*/package "$here/spdx-licenses.tsv.gz" "$here/spdx-index.bin.gz"
