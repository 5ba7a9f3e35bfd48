#!/usr/bin/env bash
# import_code.sh SLSIM — `slsim import` reads a function's JavaScript from CodeUri (a folder beside
# the template, node_modules skipped), and the imported handler runs: it imports its own module,
# writes with the AWS SDK to the table its environment names by !Ref, and keeps module state while
# warm. SLSIM ending in .js is the wasm build, run under Node.
set -uo pipefail
slsim=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cli=("$slsim")
[[ $slsim == *.js ]] && cli=(node --no-experimental-fetch "$slsim")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
mkdir -p project/src/lib project/src/node_modules/junk
cat >project/template.yaml <<'YAML'
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  OrdersTable:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
  OrderFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: app.handler
      Runtime: nodejs22.x
      Environment:
        Variables:
          TABLE: !Ref OrdersTable
      Policies:  # without it AWS denies the write, and so does the playground (no link)
        - DynamoDBCrudPolicy: {TableName: !Ref OrdersTable}
      Events:
        Create:
          Type: Api
          Properties: {Path: /orders, Method: post}
YAML
cat >project/src/app.mjs <<'JS'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { newId } from './lib/ids.mjs';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async () => {
  const id = newId();
  await db.send(new PutCommand({ TableName: process.env.TABLE, Item: { id } }));
  return { statusCode: 201, body: JSON.stringify({ id }) };
};
JS
echo 'let n = 0; export const newId = () => `order-${++n}`;' >project/src/lib/ids.mjs
echo 'this is not JavaScript (' >project/src/node_modules/junk/index.js  # must be skipped

status=0
fail() { echo "FAIL: $*"; status=1; }
"${cli[@]}" import project/template.yaml >imported.json 2>err.txt || fail "import failed: $(head -3 err.txt)"
grep -q '"app.mjs"' imported.json || fail "CodeFiles has no app.mjs: $(head -c 400 imported.json)"
grep -q '"lib/ids.mjs"' imported.json || fail "CodeFiles has no lib/ids.mjs"
grep -q 'node_modules' imported.json && fail "node_modules was read"
# A client sending POST /orders once a second (the template declares no traffic).
node -e '
const fs = require("fs");
const p = JSON.parse(fs.readFileSync("imported.json", "utf8"));
const api = p.nodes.find((n) => n.type === "apigateway").id;
p.nodes.push({ id: "users", type: "client", config: {} });
p.edges.push({ from: "users", to: api });
p.traffic = [{ id: "t", source: "users", arrival: "uniform", request: { method: "POST", path: "/orders" },
               profile: { type: "constant", rps: 1 } }];
fs.writeFileSync("run.json", JSON.stringify(p));' || fail "could not add traffic"
"${cli[@]}" run run.json --duration 3s --json --state >report.json 2>err.txt || fail "run failed: $(head -3 err.txt)"
node -e '
const r = JSON.parse(require("fs").readFileSync("report.json", "utf8"));
const items = r.state.OrdersTable.items.map((i) => i.id).sort();
const want = ["order-1", "order-2", "order-3"];  // one warm environment: module state persists
if (JSON.stringify(items) !== JSON.stringify(want)) { console.error("items", items); process.exit(1); }
if (r.nodes.users.responses_by_status["201"] !== 3) { console.error(r.nodes.users.responses_by_status); process.exit(1); }' \
    || fail "the imported handler did not store order-1..3 with 201s"
[ "$status" -eq 0 ] && echo "imported CodeUri code runs: 3 orders stored by one warm environment"
exit $status
