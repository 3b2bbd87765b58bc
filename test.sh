#!/usr/bin/env bash
# Runs every test project in the solution and ends with the plain count "N passed, N failed",
# summed from the TRX results, so CI can see that tests really ran.
set -uo pipefail
cd "$(dirname "$0")"
results="TestResults"
rm -rf "$results"
dotnet test Toolkit.sln -c Release --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # build broke or a run aborted before its TRX
echo "$passed passed, $failed failed"
exit "$status"
