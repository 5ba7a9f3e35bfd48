#!/usr/bin/env bash
# golden.sh — golden runs: every shipped pattern and design is run with a fixed seed and duration
# and its `slsim ... --json` output compared with the copy stored here (tests/golden/README.md).
#   golden.sh [--update] [--slsim PATH] [--only TEXT]
# --slsim: the CLI to run (default build/native/slsim); a .js file is run under Node (the wasm
# build). --update rewrites the stored files that differ (and deletes those no design produces).
# --only runs the cases whose golden file name contains TEXT. Exit 0 when every case matches.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
here=tests/golden
seed=1 duration=10m  # the runs' fixed seed and simulated time (the whole set runs in seconds)

update=0 slsim=build/native/slsim only=""
while [ $# -gt 0 ]; do
    case $1 in
        --update) update=1 ;;
        --slsim) slsim=${2:?--slsim needs a path}; shift ;;
        --only) only=${2:?--only needs text}; shift ;;
        *) echo "usage: golden.sh [--update] [--slsim PATH] [--only TEXT]" >&2; exit 2 ;;
    esac
    shift
done
if [ ! -f "$slsim" ]; then
    echo "golden: no $slsim; build it first: cmake --preset native && cmake --build --preset native --target slsim" >&2
    exit 2
fi
cli=("$slsim")
[[ $slsim == *.js ]] && cli=(node --no-experimental-fetch "$slsim")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
same=0 differ=0 updated=0 failed=0
declare -A produced=()

# case GOLDEN_NAME OK_STATUSES COMMAND_ARGS...: runs the CLI and compares (or stores) its stdout.
# OK_STATUSES: exit statuses that are results, not errors ("0", or "0 1" for check/quiz, whose 1
# means a check failed or the stated answer did not win, which the JSON records).
case_() {
    local name=$1 ok=$2; shift 2
    produced[$here/$name]=1
    [ -n "$only" ] && [[ $name != *"$only"* ]] && return
    local golden=$here/$name out=$tmp/out.json status
    "${cli[@]}" "$@" >"$out" 2>"$tmp/err"
    status=$?
    if [[ " $ok " != *" $status "* ]]; then
        echo "ERROR  $golden: slsim $* exited $status"; head -5 "$tmp/err"; failed=$((failed + 1)); return
    fi
    if [ -f "$golden" ] && cmp -s "$golden" "$out"; then
        same=$((same + 1))
    elif [ "$update" = 1 ]; then
        mkdir -p "$(dirname "$golden")"; cp "$out" "$golden"; updated=$((updated + 1)); echo "updated $golden"
    elif [ ! -f "$golden" ]; then
        echo "MISSING $golden (slsim $*): run scripts/golden --update"; differ=$((differ + 1))
    else
        echo "DIFFER $golden (slsim $*); first lines of the diff (- stored, + now):"
        diff -u "$golden" "$out" | sed -n '3,40p'; differ=$((differ + 1))
    fi
}

# 1. `run` of every runnable pattern file: tests/golden/run/<path under patterns/>.
for f in patterns/*.json patterns/code/*.json patterns/challenges/solutions/*.json patterns/code/challenges/solutions/*.json \
         patterns/quizzes/designs/*.json; do
    case_ "run/${f#patterns/}" 0 run "$f" --json --seed "$seed" --duration "$duration"
done

# 2. A challenge's starting canvas (`start`), completed as engine/challenge/challenge_load.cpp does
# (format, and the title as name, when missing): tests/golden/run/challenges/<id>.json (code
# patterns' challenges: run/code/challenges/<id>.json). Node (which scripts/setup installs for the
# web build) extracts it: plain bash has no JSON parser.
for c in patterns/challenges/*.json patterns/code/challenges/*.json; do
    start=$tmp/start-$(basename "$c")
    node -e 'const fs = require("fs"), c = JSON.parse(fs.readFileSync(process.argv[1], "utf8")), s = c.start;
             if (!("format" in s)) s.format = "serverless-playground/1";
             if (!("name" in s)) s.name = c.title;
             fs.writeFileSync(process.argv[2], JSON.stringify(s));' "$c" "$start" ||
        { echo "ERROR  cannot read the start of $c"; failed=$((failed + 1)); continue; }
    case_ "run/${c#patterns/}" 0 run "$start" --json --seed "$seed" --duration "$duration"
done

# 3. The challenges' own runs on every shipped solution (their traffic, durations and seeds):
# `slsim check CHALLENGE SOLUTION --json --no-compare` → tests/golden/check/<solution>.json. A
# solution is in its challenge's solutions/ folder.
for s in patterns/challenges/solutions/*.json patterns/code/challenges/solutions/*.json; do
    id=$(basename "$s"); id=${id%%.*}
    case_ "check/$(basename "$s")" "0 1" check "$(dirname "$(dirname "$s")")/$id.json" "$s" --json --no-compare
done

# 4. Every quiz question, each option through the quiz's traffic: tests/golden/quiz/<id>.json.
for q in patterns/quizzes/*.json; do
    case_ "quiz/$(basename "$q")" "0 1" quiz "$q" --json
done

# Stored files no design produces any more (a pattern renamed or removed).
if [ -z "$only" ]; then
    while IFS= read -r g; do
        [ -n "${produced[$g]:-}" ] && continue
        if [ "$update" = 1 ]; then rm "$g"; updated=$((updated + 1)); echo "removed $g (no such design)"
        else echo "STALE  $g: no design produces it; run scripts/golden --update"; differ=$((differ + 1)); fi
    done < <(find "$here/run" "$here/check" "$here/quiz" -name '*.json' 2>/dev/null | sort)
fi

echo "golden ($slsim): $same same, $differ differ, $updated updated, $failed errors"
[ "$differ" -eq 0 ] && [ "$failed" -eq 0 ]
