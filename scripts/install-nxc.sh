#!/usr/bin/env bash
# Installs nxc, the exchange's command-line client, from this clone as a dotnet tool: packs
# clients/NotificationExchange.Cli into artifacts/packages and installs that package into artifacts/bin (or
# $NXC_TOOL_PATH). Put the folder on PATH to run `nxc`. Run it again after pulling changes: NuGet keeps a package it
# has seen by id and version, so this version's cached copy is removed first, or the tool would stay as it was.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
packages="$root/artifacts/packages"
tools="${NXC_TOOL_PATH:-$root/artifacts/bin}"
project="$root/clients/NotificationExchange.Cli/NotificationExchange.Cli.csproj"

dotnet pack "$project" -c Release -o "$packages" --nologo -v quiet
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$project")
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/notificationexchange.cli/$version"
dotnet tool uninstall NotificationExchange.Cli --tool-path "$tools" >/dev/null 2>&1 || true
dotnet tool install NotificationExchange.Cli --version "$version" --tool-path "$tools" --add-source "$packages" >/dev/null
echo "nxc $version installed in $tools; to run it as nxc: export PATH=\"$tools:\$PATH\""
