#!/usr/bin/env bash
# Refreshes the provider schema subset embedded in Toolkit.Stacks (stacks/Schemas/Embedded/*.schema.json.gz)
# from whole schema files: ../shared/pulumi-schemas by default, or a directory of `pulumi package get-schema` output.
#   scripts/refresh-schemas.sh [SCHEMA_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
from="${1:-$root/../shared/pulumi-schemas}"
dotnet run --project "$root/cli" -- schemas extract --from "$from" --out "$root/stacks/Schemas/Embedded"
