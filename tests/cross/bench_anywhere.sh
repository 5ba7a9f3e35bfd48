#!/usr/bin/env bash
# bench_anywhere.sh SLSIM [BENCH OPTIONS...] — `slsim bench --json` must run its workloads from a
# directory outside the repository (they are compiled in) and exit non-zero when one cannot run.
# SLSIM ending in .js is the wasm build, run under Node. Options (e.g. --quick) go to every bench run.
set -uo pipefail
slsim=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); shift
cli=("$slsim")
[[ $slsim == *.js ]] && cli=(node --no-experimental-fetch "$slsim")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"  # no patterns/ here
status=0
fail() { echo "FAIL: $*"; status=1; }

# 1. From the temporary directory: exit 0 and a result with served requests for each workload.
"${cli[@]}" bench --json "$@" >out.json 2>err.txt
rc=$?
[ "$rc" -eq 0 ] || fail "bench --json $* exited $rc outside the repository: $(head -3 err.txt)"
for w in async-queue fan-out async-queue-code rest-api rest-api-x200; do
    # `"requests": N` inside the workload's object (out.dump(2): one key per line, 4-space indent)
    n=$(sed -n "/^  \"$w\": {/,/^  }/s/^    \"requests\": \([0-9]*\).*/\1/p" out.json)
    [ "${n:-0}" -gt 0 ] || fail "no served requests for workload $w in: $(head -c 300 out.json)"
    # Its speed as a share of the bare event loop measured in the same run.
    r=$(sed -n "/^  \"$w\": {/,/^  }/s/^    \"vs_bare_loop\": \([0-9.e+-]*\).*/\1/p" out.json)
    [ -n "$r" ] || fail "no vs_bare_loop for workload $w in: $(head -c 300 out.json)"
done
# The copies workload: its build time, and its speed as a share of one copy's in the same run.
for key in build_ms vs_one_copy peak_pending_events; do
    v=$(sed -n "/^  \"rest-api-x200\": {/,/^  }/s/^    \"$key\": \([0-9.e+-]*\).*/\1/p" out.json)
    [ -n "$v" ] || fail "no $key for workload rest-api-x200 in: $(head -c 300 out.json)"
done
bare=$(sed -n '/^  "bare-loop": {/,/^  }/s/^    "events_per_s": \([0-9.e+-]*\).*/\1/p' out.json)
[ -n "$bare" ] || fail "no bare-loop events_per_s in: $(head -c 300 out.json)"

# 2. A workload that cannot run makes the command fail: patterns read from a directory without them,
# then from one holding an invalid pattern.
mkdir empty broken
"${cli[@]}" bench --json "$@" --patterns empty >/dev/null 2>err.txt
rc=$?
[ "$rc" -eq 1 ] || fail "bench with missing workload patterns exited $rc, expected 1"
grep -q "workload async-queue cannot run" err.txt || fail "no reason given for the missing workload: $(head -3 err.txt)"
echo '{"format": "serverless-playground/1", "nodes": [' >broken/async-queue.json
"${cli[@]}" bench --json "$@" --patterns broken --workload async-queue >/dev/null 2>err.txt
rc=$?
[ "$rc" -eq 1 ] || fail "bench with an invalid workload pattern exited $rc, expected 1"

# 3. An unknown workload name is a usage error, not an empty success.
"${cli[@]}" bench --json --workload no-such-workload >/dev/null 2>err.txt
rc=$?
[ "$rc" -eq 2 ] || fail "bench --workload no-such-workload exited $rc, expected 2"

[ "$status" -eq 0 ] && echo "bench runs from $tmp; missing, invalid and unknown workloads fail"
exit $status
