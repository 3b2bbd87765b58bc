#!/usr/bin/env bash
# Installs the `toolkit` command from this clone: packs cli/ as a .NET tool into artifacts/ and installs
# (or updates) it from that local package, never from a feed.
#   scripts/install.sh                    global tool in ~/.dotnet/tools (add that folder to PATH once)
#   scripts/install.sh --tool-path DIR    into DIR instead (CI, or a throwaway install)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
where=(--global)
if [ "${1:-}" = "--tool-path" ]; then
  [ -n "${2:-}" ] || { echo "usage: scripts/install.sh [--tool-path DIR]" >&2; exit 2; }
  where=(--tool-path "$2")
elif [ -n "${1:-}" ]; then
  echo "usage: scripts/install.sh [--tool-path DIR]" >&2; exit 2
fi

feed="$root/artifacts/packages"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/cli/Toolkit.Cli.csproj" | head -n 1)"
echo "packing Toolkit.Cli $version into $feed"
dotnet pack "$root/cli/Toolkit.Cli.csproj" -c Release -nologo -clp:ErrorsOnly -o "$feed" >/dev/null
# `tool update` installs when missing and replaces an older copy; the local folder is the only source,
# so the same version rebuilt here replaces what was installed.
# NuGet keeps a package per version in its global folder; drop ours so the install takes the one just packed.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/toolkit.cli/$version"
dotnet tool uninstall "${where[@]}" Toolkit.Cli >/dev/null 2>&1 || true
dotnet tool install "${where[@]}" Toolkit.Cli --version "$version" --add-source "$feed" --ignore-failed-sources >/dev/null

if [ "${where[0]}" = "--global" ]; then
  bin="${DOTNET_CLI_HOME:-$HOME}/.dotnet/tools"
else
  bin="$(cd "$2" && pwd)"
fi
echo "installed: $bin/toolkit"
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "add it to PATH:  export PATH=\"\$PATH:$bin\"   (put that line in ~/.bashrc or ~/.profile)";;
esac
