// test_typescript.cpp — TypeScript handlers: type erasure as esbuild/tsc emit them (types gone,
// type-only imports dropped, positions kept), refusal of syntax that needs a compiler, and a
// TypeScript handler running in the execution environment.
#include "js/code_environment.h"
#include "js/typescript.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace sim::js;

namespace {

// The code without its whitespace: erasure leaves spaces where types were.
std::string squeezed(std::string s) {
    std::erase_if(s, [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; });
    return s;
}

std::string erased(const std::string& ts) {
    const ErasedTypeScript r = erase_typescript(ts);
    INFO(ts);
    INFO(r.error);
    REQUIRE(r.error.empty());
    // Every line and column stays where it was.
    REQUIRE(r.javascript.size() == ts.size());
    for (std::size_t i = 0; i < ts.size(); ++i)
        if (ts[i] == '\n') REQUIRE(r.javascript[i] == '\n');
    return squeezed(r.javascript);
}

}  // namespace

TEST_CASE("typescript: files that are TypeScript") {
    CHECK(is_typescript_path("app.ts"));
    CHECK(is_typescript_path("src/handlers/app.mts"));
    CHECK(is_typescript_path("lib.cts"));
    CHECK_FALSE(is_typescript_path("types/aws.d.ts"));
    CHECK_FALSE(is_typescript_path("app.js"));
    CHECK_FALSE(is_typescript_path("tsconfig.json"));
}

TEST_CASE("typescript: annotations on parameters, returns and variables are erased") {
    // What tsc emits for each (whitespace aside).
    CHECK(erased("export const lambdaHandler = async (event:any): Promise<any> => {\n"
                 "    console.log('Triggered');\n};") ==
          squeezed("export const lambdaHandler = async (event) => { console.log('Triggered'); };"));
    CHECK(erased("function add(a: number, b?: number, ...rest: number[]): number { return a + (b ?? 0); }") ==
          squeezed("function add(a, b, ...rest) { return a + (b ?? 0); }"));
    CHECK(erased("const t: Record<string, Array<Map<string, number>>> = {};") == squeezed("const t = {};"));
    CHECK(erased("let f: (x: number) => void = (x) => {};") == squeezed("let f = (x) => {};"));
    CHECK(erased("const { a, b }: { a: string; b: number } = o;") == squeezed("const { a, b } = o;"));
    CHECK(erased("const h = ({ id }: { id: string }, [x]: [number]): string | undefined => id;") ==
          squeezed("const h = ({ id }, [x]) => id;"));
    CHECK(erased("try { f(); } catch (e: unknown) { g(e); }") == squeezed("try { f(); } catch (e) { g(e); }"));
    CHECK(erased("function isX(v: unknown): v is X { return !!v; }") == squeezed("function isX(v) { return !!v; }"));
}

TEST_CASE("typescript: JavaScript that looks like types is left alone") {
    // Ternaries, object literals, labels, switch cases, comparisons, regular expressions.
    const std::string js =
        "const a = c ? (x) : y;\n"
        "const o = { k: f(1), m: c ? 1 : 2, [key]: 3, n(v) { return v; } };\n"
        "outer: for (let i = 0; i < n; i++) { if (i > 2) break outer; }\n"
        "switch (k) { case f(1): break; default: g(c ? 1 : 2); }\n"
        "const r = /a:b<c>/g.test(s) && a < b && c > (d);\n"
        "const t = `x: ${o.k ? 'a' : 'b'} ${ { a: 1 }.a }`;\n"
        "const u = !ok, v = a !== b, w = a?.b ?? c;\n"
        "const s = 'a: b \\' c', l = 'line \\\n continued: x';\n";
    CHECK(erased(js) == squeezed(js));
}

TEST_CASE("typescript: type declarations, assertions, generics and modifiers are erased") {
    CHECK(erased("interface Order { id: string; items: Item[] }\nexport interface A extends B { x?: number }\n"
                 "type Id = string | number;\nexport type Pair<T> = [T, T];\nconst x = 1;") ==
          squeezed("const x = 1;"));
    CHECK(erased("const body = JSON.parse(event.body as string) as Order;\nconst c = [1, 2] as const;") ==
          squeezed("const body = JSON.parse(event.body);\nconst c = [1, 2];"));
    CHECK(erased("const v = { a: 1 } satisfies Shape;") == squeezed("const v = { a: 1 };"));
    CHECK(erased("const name = process.env.TABLE_NAME!;\nconst n = item!.price!.amount;") ==
          squeezed("const name = process.env.TABLE_NAME;\nconst n = item.price.amount;"));
    CHECK(erased("function first<T>(xs: T[]): T { return xs[0]; }\nconst m = new Map<string, number>();\n"
                 "const y = first<number>([1]);\nconst id = <T,>(v: T): T => v;") ==
          squeezed("function first(xs) { return xs[0]; }\nconst m = new Map();\n"
                   "const y = first([1]);\nconst id = (v) => v;"));
    CHECK(erased("declare const VERSION: string;\ndeclare module 'm' { export const a: number; }\nrun();") ==
          squeezed("run();"));
    CHECK(erased("export abstract class Repo<T> extends Base<T> implements IRepo<T>, Other {\n"
                 "  private readonly table: string;\n  static count?: number = 0;\n  items!: T[];\n"
                 "  constructor(table: string) { super(); this.table = table; }\n"
                 "  public async get(id: string): Promise<T | undefined> { return undefined; }\n}") ==
          squeezed("export class Repo extends Base {\n  table;\n  static count = 0;\n  items;\n"
                   "  constructor(table) { super(); this.table = table; }\n"
                   "  async get(id) { return undefined; }\n}"));
}

TEST_CASE("typescript: imports used only as types are dropped, as esbuild and tsc drop them") {
    CHECK(erased("import { SQSEvent, SQSRecord } from \"aws-lambda/trigger/sqs\";\n"
                 "export const handler = async (event: SQSEvent) => event.Records.length;") ==
          squeezed("export const handler = async (event) => event.Records.length;"));
    CHECK(erased("import type { Handler } from 'aws-lambda';\nimport { DynamoDBClient, type PutItemInput } from "
                 "'@aws-sdk/client-dynamodb';\nimport * as types from './types';\nimport './polyfill';\n"
                 "const c = new DynamoDBClient({});\nexport const h: Handler = async (i: PutItemInput) => c;") ==
          squeezed("import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport './polyfill';\n"
                   "const c = new DynamoDBClient({});\nexport const h = async (i) => c;"));
    CHECK(erased("import Default, { used, unusedType } from 'm';\nused(Default);") ==
          squeezed("import Default, { used } from 'm';\nused(Default);"));
}

TEST_CASE("typescript: syntax that needs a compiler is refused with its position") {
    for (const char* ts :
         {"const a = 1;\nenum Color { Red, Green }", "const a = 1;\nnamespace NS { export const x = 1; }",
          "const a = 1;\nclass A { constructor(private x: number) {} }", "const a = 1;\nimport fs = require('fs');"}) {
        INFO(ts);
        const ErasedTypeScript r = erase_typescript(ts);
        CHECK(r.error.find("cannot be run without compiling") != std::string::npos);
        CHECK(r.line == 2);
    }
}

TEST_CASE("typescript: a SAM esbuild handler (app.ts) runs, with its own module and the SDK") {
    struct Host final : CodeHost {
        std::vector<Json> requests;
        std::vector<std::string> logs;
        void request(std::uint64_t, const Json& r, std::size_t) override { requests.push_back(r); }
        void log(std::string_view, std::string_view t) override { logs.emplace_back(t); }
        double now_unix_ms() override { return 1'700'000'000'000.0; }
        double random() override { return 0.5; }
    } host;
    CodeBundle code;
    code.handler = "app.lambdaHandler";
    code.files = {{"app.ts",
                   "import { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';\n"
                   "import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';\n"
                   "import { orderOf, Order } from './lib/order';\n"
                   "const db = new DynamoDBClient({});\n"
                   "export const lambdaHandler = async (event: APIGatewayProxyEvent): "
                   "Promise<APIGatewayProxyResult> => {\n"
                   "  const order: Order = orderOf(event.body!);\n"
                   "  await db.send(new PutItemCommand({ TableName: process.env.TABLE!, Item: { id: { S: "
                   "order.id } } }));\n"
                   "  return { statusCode: 201, body: JSON.stringify(order) };\n};\n"},
                  {"lib/order.ts",
                   "export interface Order { id: string }\n"
                   "export function orderOf(body: string): Order { return JSON.parse(body) as Order; }\n"},
                  {"types.d.ts", "declare const nothing: number;"}};
    CHECK(check_code(code).empty());
    auto env = create_code_environment(code, Json{{"TABLE", "orders"}}, {}, host);
    REQUIRE(env->init().state == RunState::Returned);
    RunResult r = env->invoke({{"body", "{\"id\":\"o-1\"}"}}, {{"awsRequestId", "r"}, {"functionName", "fn"}});
    REQUIRE(r.state == RunState::Waiting);
    REQUIRE(host.requests.size() == 1);
    CHECK(host.requests[0]["command"] == "PutItem");
    CHECK(host.requests[0]["input"]["TableName"] == "orders");
    CHECK(host.requests[0]["input"]["Item"]["id"] == "o-1");  // the engine's items are plain values
    r = env->resume(1, CallAnswer{true, Json::object(), "", "", 200});
    REQUIRE(r.state == RunState::Returned);
    CHECK(r.value["statusCode"] == 201);
}

TEST_CASE("typescript: errors point into the .ts file") {
    CodeBundle code;
    code.handler = "app.handler";
    code.files = {{"app.ts", "export const handler = async (e: any): Promise<void> => {\n  const x = ;\n};\n"}};
    const std::vector<CodeProblem> problems = check_code(code);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "app.ts");
    CHECK(problems[0].line == 2);
    code.files = {{"app.ts", "export const handler = 1;\nenum E { A }\n"}};
    const std::vector<CodeProblem> refused = check_code(code);
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].line == 2);
    CHECK(refused[0].message.find("enums") != std::string::npos);
}

TEST_CASE("typescript: hostile nesting ends in an error, never a crash") {
    std::string deep = "const f: ";
    for (int i = 0; i < 5000; ++i) deep += "() => ";
    deep += "void = null;";
    const ErasedTypeScript r = erase_typescript(deep);
    CHECK(r.error == "types nested more than 100 deep");
    CHECK(r.line == 1);
    // Unbalanced brackets and endless '<' read as code, and the rest still erases.
    std::string angles = "const a = ";
    for (int i = 0; i < 20000; ++i) angles += "f<";
    CHECK(erase_typescript(angles + "x;\nconst n: number = 1;").javascript.ends_with("const n         = 1;"));
}
