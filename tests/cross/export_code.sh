#!/usr/bin/env bash
# export_code.sh SLSIM — `slsim export sam P --out DIR` writes the template and each function's
# CodeFiles under DIR/src/<id>/, `slsim import DIR/template.yaml` reads them back, and the imported
# pattern runs to the same `slsim run --json` report as the original, for every patterns/code
# pattern with its code moved into CodeFiles. Also: stdout notes the code it cannot carry, and an
# unsafe path is refused with nothing written. SLSIM ending in .js is the wasm build, run under Node.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
slsim=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cli=("$slsim")
[[ $slsim == *.js ]] && cli=(node --no-experimental-fetch "$slsim")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
status=0
fail() { echo "FAIL: $*"; status=1; }

for f in "$root"/patterns/code/*.json; do
    name=$(basename "$f" .json)
    # InlineCode → CodeFiles {"<handler file>.js": code}, as the engine loads InlineCode.
    node -e '
const fs = require("fs");
const p = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
for (const n of p.nodes) {
  const c = n.config || {};
  if (n.type !== "lambda" || c.InlineCode === undefined) continue;
  const h = c.Handler || "index.handler";
  c.CodeFiles = { [h.slice(0, h.lastIndexOf(".")) + ".js"]: c.InlineCode };
  delete c.InlineCode;
}
fs.writeFileSync(process.argv[2], JSON.stringify(p));' "$f" "$name.json" || { fail "$name: could not move code"; continue; }
    "${cli[@]}" export sam "$name.json" --out "$name" >wrote.txt 2>err.txt || { fail "$name: export --out: $(head -3 err.txt)"; continue; }
    grep -q "^wrote $name/template.yaml$" wrote.txt || fail "$name: no 'wrote $name/template.yaml'"
    grep -q "^wrote $name/src/.*/index.js$" wrote.txt || fail "$name: no code file written"
    grep -q CodeFiles "$name/template.yaml" && fail "$name: CodeFiles in the template"
    grep -q "CodeUri: src/" "$name/template.yaml" || fail "$name: no CodeUri in the template"
    "${cli[@]}" export sam "$name.json" >stdout.yaml 2>err.txt || fail "$name: export to stdout failed"
    grep -q "use --out DIR to write the template and the code" err.txt || fail "$name: no note about --out"
    "${cli[@]}" import "$name/template.yaml" >back.json 2>err.txt || { fail "$name: import: $(head -3 err.txt)"; continue; }
    "${cli[@]}" run "$f" --duration 1m --json >want.json 2>/dev/null || fail "$name: run of the original failed"
    "${cli[@]}" run back.json --duration 1m --json >got.json 2>/dev/null || fail "$name: run of the import failed"
    cmp -s want.json got.json || fail "$name: the imported pattern runs differently: $(diff want.json got.json | head -5)"
done

# An unsafe path: exit 1, an error naming node and path, nothing written.
node -e '
const fs = require("fs");
fs.writeFileSync("bad.json", JSON.stringify({format: "serverless-playground/1", name: "bad", nodes: [
  {id: "fn", type: "lambda", config: {Runtime: "nodejs22.x", CodeFiles: {"index.js": "exports.handler = async () => 1;",
   "../escape.js": "x"}}}]}));'
"${cli[@]}" export sam bad.json --out bad >/dev/null 2>err.txt
[ $? -eq 1 ] || fail "an unsafe path did not exit 1"
grep -q "node 'fn': CodeFiles path '../escape.js' is unsafe" err.txt || fail "no error for ../escape.js: $(cat err.txt)"
[ -e bad ] && fail "a folder was written for a refused export"
[ -e escape.js ] && fail "a file escaped its folder"
[ "$status" -eq 0 ] && echo "exported code comes back through --out DIR and import, and runs the same"
exit $status
