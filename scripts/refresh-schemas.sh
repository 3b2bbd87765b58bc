#!/usr/bin/env bash
# Refreshes the provider schemas embedded in Toolkit.Stacks (stacks/Schemas/Embedded/PACKAGE.schema.json.gz)
# from whole schema files: ../shared/pulumi-schemas by default, or a directory of `pulumi package get-schema`
# output (aws.schema.json, cloudflare.schema.json, kubernetes.schema.json, random.schema.json).
# The files are embedded whole, so synth can validate any resource type; gzip -n keeps the bytes stable.
#   scripts/refresh-schemas.sh [SCHEMA_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
from="${1:-$root/../shared/pulumi-schemas}"
into="$root/stacks/Schemas/Embedded"
for package in aws cloudflare kubernetes random; do
  file="$from/$package.schema.json"
  [ -f "$file" ] || { echo "error TK-SCHEMA-DIR: '$file' is missing; the stacks use package '$package'." >&2; exit 1; }
  python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$file" 2>/dev/null \
    || { echo "error TK-SCHEMA-READ: '$file' is not JSON." >&2; exit 1; }
done
for package in aws cloudflare kubernetes random; do
  gzip -9 -n -c "$from/$package.schema.json" > "$into/$package.schema.json.gz.tmp"
  mv "$into/$package.schema.json.gz.tmp" "$into/$package.schema.json.gz"
  echo "$package.schema.json.gz: $(wc -c < "$into/$package.schema.json.gz") bytes"
done
