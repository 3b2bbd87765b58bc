#!/usr/bin/env bash
# The newcomer's first hour, as a test: clone this repository into an empty temp directory (no ../shared
# beside it), install `toolkit` with the README's command, and run the README's main job with it:
# init a starter, validate it, preview and synthesize a stack of it and of examples/toolkit.yaml.
# Exit 0 when every step passes; the failing step's output otherwise. Leaves nothing behind.
#   scripts/fresh-clone.sh [--with-tests]   (--with-tests: also run the stacks tests inside the clone)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/toolkit-fresh.XXXXXX")"
trap 'rm -rf "$work"' EXIT
step() { echo "fresh-clone: $*"; }

step "clone $(git -C "$root" rev-parse --short HEAD) into $work/repo (no $work/shared)"
git clone --quiet --no-local "$root" "$work/repo"
cd "$work/repo"
[ ! -e ../shared ] || { echo "fresh-clone: ../shared exists beside the clone" >&2; exit 1; }

# The README's install command, into a throwaway tool path instead of ~/.dotnet/tools.
step "scripts/install.sh --tool-path $work/tools"
scripts/install.sh --tool-path "$work/tools"
export PATH="$work/tools:$PATH"
command -v toolkit >/dev/null || { echo "fresh-clone: toolkit is not on PATH after install" >&2; exit 1; }

# The README's main job.
run() { step "toolkit $*"; toolkit "$@"; }
mkdir -p "$work/app" && cd "$work/app"
run init --pattern blue-green --isolation schema-per-tenant --compute aws-ecs --edge cloudflare --compliance soc2,gdpr --out toolkit.yaml
run validate
run preview --stack dev
run synth --stack dev --out out/dev
run synth --stack prod --out out/prod --json > synth.json
grep -q '"resources": [1-9]' synth.json || { echo "fresh-clone: synth --json printed no resources" >&2; cat synth.json >&2; exit 1; }
cd "$work/repo"
run validate --config examples/toolkit.yaml
run preview --config examples/toolkit.yaml --stack dev
run synth --config examples/toolkit.yaml --stack dev --out out/dev
[ -s out/dev/Main.yaml ] || { echo "fresh-clone: synth wrote no Main.yaml" >&2; exit 1; }

if [ "${1:-}" = "--with-tests" ]; then
  step "dotnet test tests/Toolkit.Stacks.Tests (no ../shared)"
  dotnet test tests/Toolkit.Stacks.Tests -c Release --nologo
fi
step "ok"
