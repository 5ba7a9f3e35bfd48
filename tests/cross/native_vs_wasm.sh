#!/usr/bin/env bash
# native_vs_wasm.sh — the same pattern and seed must give a byte-identical `slsim run --json`
# report natively and in WebAssembly (same trace fingerprint, same metrics, same costs).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
native=build/native/slsim
wasm=build/web/slsim.js
status=0
for f in patterns/*.json patterns/code/*.json; do  # code/: functions that run JavaScript
    a=$("$native" run "$f" --duration 2m --json)
    b=$(node --no-experimental-fetch "$wasm" run "$f" --duration 2m --json)
    fp=$(printf '%s' "$a" | grep -m1 trace_fingerprint | tr -d ' ",' | cut -d: -f2)
    if [ "$a" = "$b" ]; then
        echo "same   $f (fingerprint $fp)"
    else
        echo "DIFFER $f"; diff <(printf '%s\n' "$a") <(printf '%s\n' "$b") | head -20; status=1
    fi
done
exit $status
