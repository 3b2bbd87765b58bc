#!/usr/bin/env bash
# Builds the solution once, runs every test project in turn (each into its own results folder, so
# TRX files never overwrite each other), and ends with the plain count "N passed, N failed" summed
# from the TRX results, so CI can see that tests really ran. Extra arguments go to every `dotnet test`.
set -uo pipefail
cd "$(dirname "$0")"
results="TestResults"
rm -rf "$results"

if ! dotnet build Toolkit.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results/$name" "$@" || status=1
done

passed=0; failed=0
shopt -s nullglob
for trx in "$results"/*/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a run aborted before writing its TRX
echo "$passed passed, $failed failed"
exit "$status"
