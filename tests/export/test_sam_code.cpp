// test_sam_code.cpp — a function's code in SAM export and import: InlineCode stays in the template
// with Handler and Runtime; CodeFiles (several files) becomes CodeUri: src/<id>/ and files that
// `slsim export sam --out DIR` writes there (never a CodeFiles key); unsafe paths are refused; and
// every patterns/code pattern, with its code inline or as files, comes back from DIR through
// `slsim import` with the same code and runs to the same report. Templates written to disk are
// also checked with cfn-lint when it is installed.
#include "cli/sam_project.h"
#include "export/sam_export.h"
#include "export/sam_import.h"
#include "export/template_check.h"
#include "pattern/pattern.h"
#include "runtime/simulation.h"
#include "support/test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

using namespace sim;
using OJson = nlohmann::ordered_json;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system's temporary folder, removed with everything in it at the end.
struct TempDir {
    fs::path path;
    TempDir() {
        static std::atomic<int> n{0};
        path = fs::temp_directory_path() /
               ("slsim-sam-code-" + std::to_string(std::random_device{}()) + "-" + std::to_string(n++));
        fs::remove_all(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string all(const Diagnostics& d) {
    std::string s;
    for (const auto& item : d.items()) s += format_diagnostic(item) + "\n";
    return s;
}

Pattern parse_ok(const std::string& text) {
    ParseResult p = parse_pattern(text);
    INFO(all(p.diagnostics));
    REQUIRE(p.ok());
    return p.pattern;
}

// `slsim import DIR/template.*`: the template, with the code under each CodeUri read from DIR.
Pattern import_project(const fs::path& tmpl) {
    const fs::path dir = tmpl.parent_path();
    ImportOptions options;
    cli::read_project_files(options, dir);
    ImportResult r = import_template(read_text(tmpl), options);
    INFO(all(r.diagnostics));
    REQUIRE(r.ok());
    for (const auto& d : r.diagnostics.items())
        CHECK_MESSAGE(d.path.find("CodeUri") == std::string::npos, format_diagnostic(d));
    return r.pattern;
}

// cfn-lint's errors on a written template, when cfn-lint is installed; its warnings and
// informational findings are not failures. E2533 (a runtime past its deprecation date) depends on
// the day the test runs, not on the template's shape; `ignore` lists further rules to skip.
void lint(const fs::path& tmpl, const std::string& ignore = "") {
    if (std::system(nullptr) == 0 || std::system("command -v cfn-lint >/dev/null 2>&1") != 0) return;
    const fs::path report = tmpl.parent_path() / "cfn-lint.txt";
    const std::string cmd = "cfn-lint --format parseable --ignore-checks E2533 " + ignore + " -- '" + tmpl.string() +
                            "' >'" + report.string() + "' 2>&1";
    const int rc = std::system(cmd.c_str());
    const int code = rc >= 0 && (rc & 0x7f) == 0 ? (rc >> 8) & 0xff : -1;
    INFO("cfn-lint on " << tmpl.filename().string() << ":\n" << read_text(report));
    CHECK(code >= 0);
    CHECK((code & 2) == 0);  // cfn-lint's exit code: 2 errors, 4 warnings, 8 informational
    fs::remove(report);
}

// The pattern with each function's InlineCode moved into CodeFiles as the file the handler names
// (Handler "index.handler" → "index.js"), as read_lambda_code() loads InlineCode.
Pattern as_code_files(Pattern p) {
    for (NodeSpec& n : p.nodes) {
        auto code = n.config.find("InlineCode");
        if (n.type != "lambda" || code == n.config.end()) continue;
        const std::string handler = n.config.value("Handler", "index.handler");
        n.config["CodeFiles"] = Json{{handler.substr(0, handler.rfind('.')) + ".js", *code}};
        n.config.erase("InlineCode");
    }
    return p;
}

// The run report of a pattern over `duration` of virtual time.
Json run_report(const Pattern& p, SimTime duration) {
    auto s = test::build_ok(write_pattern(p));
    s->run_until(duration);
    return s->report();
}

bool mentions(const OJson& t, const std::string& text) {
    return t.dump().find(text) != std::string::npos;
}

const char* const kTwoFiles = R"({"format": "serverless-playground/1", "name": "greeter", "nodes": [
    {"id": "greet-fn", "type": "lambda", "config": {"Runtime": "nodejs22.x", "Handler": "index.handler",
      "CodeFiles": {"index.mjs": "import { greet } from './lib/greet.mjs';\nexport const handler = async (e) => greet(e.name);\n",
                    "lib/greet.mjs": "export const greet = (n) => `hello ${n}`;\n"}}}]})";

}  // namespace

TEST_SUITE("export") {
    TEST_CASE("a function with InlineCode exports InlineCode, Handler and Runtime, and no CodeUri") {
        const Pattern p = parse_ok(R"({"format": "serverless-playground/1", "name": "inline", "nodes": [
            {"id": "fn", "type": "lambda", "config": {"Runtime": "nodejs22.x", "Handler": "main.handler",
              "InlineCode": "export const handler = async () => 1;\n"}},
            {"id": "bare", "type": "lambda", "config": {"InlineCode": "exports.handler = async () => 2;\n"}}]})");
        const SamExport out = export_sam(p);
        CHECK(out.files.empty());
        CHECK(out.errors.empty());
        const OJson& fn = out.tmpl["Resources"]["Fn"]["Properties"];
        CHECK(fn["InlineCode"] == "export const handler = async () => 1;\n");
        CHECK(fn["Handler"] == "main.handler");
        CHECK(fn["Runtime"] == "nodejs22.x");
        CHECK_FALSE(fn.contains("CodeUri"));
        // Handler and Runtime CloudFormation needs are generated when the design leaves them out.
        const OJson& bare = out.tmpl["Resources"]["Bare"]["Properties"];
        CHECK(bare["InlineCode"] == "exports.handler = async () => 2;\n");
        CHECK(bare["Handler"] == "index.handler");
        // nodejs20.x: deprecated 2026-04-30, creation disabled 2026-06-01 (Lambda runtimes page), so
        // a generated runtime must be one CloudFormation still creates.
        CHECK(bare["Runtime"] == "nodejs22.x");
        CHECK_FALSE(bare.contains("CodeUri"));
        CHECK(test::check_template(out.tmpl).empty());
        ImportResult back = import_template(export_sam_json(p));
        REQUIRE(back.ok());
        CHECK(write_pattern(back.pattern) == write_pattern(p));
        TempDir dir;
        const cli::WrittenProject w = cli::write_sam_project(out, dir.path, true);
        REQUIRE(w.error.empty());
        CHECK(w.written == std::vector<fs::path>{dir.path / "template.yaml"});
        lint(dir.path / "template.yaml");
    }

    TEST_CASE("CloudFormation's Code.ZipFile exports as InlineCode and imports back as Code") {
        const Pattern p = parse_ok(R"({"format": "serverless-playground/1", "name": "zip", "nodes": [
            {"id": "fn", "type": "lambda", "config": {"Runtime": "nodejs22.x", "Handler": "index.handler",
              "Code": {"ZipFile": "exports.handler = async () => 3;\n"}}}]})");
        const OJson t = export_sam(p).tmpl;
        const OJson& props = t["Resources"]["Fn"]["Properties"];
        CHECK(props["InlineCode"] == "exports.handler = async () => 3;\n");
        CHECK_FALSE(props.contains("CodeUri"));
        CHECK_FALSE(props.contains("Code"));  // not a SAM function property
        CHECK(test::check_template(t).empty());
        ImportResult back = import_template(t.dump());
        REQUIRE(back.ok());
        CHECK(write_pattern(back.pattern) == write_pattern(p));
    }

    TEST_CASE("CodeFiles export as CodeUri src/<id>/ and files written there by --out, never as CodeFiles") {
        const Pattern p = parse_ok(kTwoFiles);
        const SamExport out = export_sam(p);
        REQUIRE(out.errors.empty());
        const OJson& fn = out.tmpl["Resources"]["GreetFn"];
        CHECK(fn["Properties"]["CodeUri"] == "src/greet-fn/");
        CHECK(fn["Properties"]["Handler"] == "index.handler");
        CHECK(fn["Properties"]["Runtime"] == "nodejs22.x");
        CHECK_FALSE(fn["Properties"].contains("InlineCode"));
        CHECK_FALSE(fn["Metadata"]["ServerlessPlayground"].contains("config"));  // CodeFiles was its only sim key
        CHECK_FALSE(mentions(out.tmpl, "CodeFiles"));
        CHECK_FALSE(mentions(out.tmpl, "lib/greet.mjs"));
        CHECK(test::check_template(out.tmpl).empty());
        const Json& code = p.nodes[0].config["CodeFiles"];
        REQUIRE(out.files.size() == 2);
        CHECK(out.files[0].node == "greet-fn");
        CHECK(out.files[0].folder == "src/greet-fn/");
        CHECK(out.files[0].path == "index.mjs");
        CHECK(out.files[0].text == code["index.mjs"]);
        CHECK(out.files[1].path == "lib/greet.mjs");
        CHECK(out.files[1].text == code["lib/greet.mjs"]);

        for (const bool yaml : {true, false}) {
            CAPTURE(yaml);
            TempDir dir;
            const fs::path project = dir.path / "nested" / "app";  // --out creates the folders
            const cli::WrittenProject w = cli::write_sam_project(out, project, yaml);
            REQUIRE(w.error.empty());
            CHECK(w.warnings.empty());
            const fs::path tmpl = project / (yaml ? "template.yaml" : "template.json");
            CHECK(w.written == std::vector<fs::path>{tmpl, project / "src/greet-fn/index.mjs",
                                                     project / "src/greet-fn/lib/greet.mjs"});
            CHECK(read_text(project / "src/greet-fn/index.mjs") == code["index.mjs"].get<std::string>());
            CHECK(read_text(project / "src/greet-fn/lib/greet.mjs") == code["lib/greet.mjs"].get<std::string>());
            CHECK(read_text(tmpl) == cli::sam_template_text(out, yaml));
            CHECK(read_text(tmpl).find("CodeFiles") == std::string::npos);
            lint(tmpl);
            // Import reads the files back: the same code, with the CodeUri that names them.
            const Pattern back = import_project(tmpl);
            Pattern want = p;
            want.nodes[0].config["CodeUri"] = "src/greet-fn/";
            CHECK(write_pattern(back) == write_pattern(want));
            // And a second export of the imported pattern writes the same template.
            CHECK(cli::sam_template_text(export_sam(back), yaml) == read_text(tmpl));
        }
    }

    TEST_CASE("without --out a CodeFiles function still gets its CodeUri; the CLI notes the missing code") {
        const SamExport out = export_sam(parse_ok(kTwoFiles));
        const std::string yaml = cli::sam_template_text(out, true);
        CHECK(yaml.find("CodeUri: src/greet-fn/") != std::string::npos);
        CHECK(yaml.find("CodeFiles") == std::string::npos);
        CHECK(out.files.size() == 2);  // export_command prints a note per function with files
    }

    TEST_CASE("--out overwrites the files it writes, deletes none, and names stray code an import would read") {
        const SamExport out = export_sam(parse_ok(kTwoFiles));
        TempDir dir;
        fs::create_directories(dir.path / "src/greet-fn/lib");
        {
            std::ofstream(dir.path / "src/greet-fn/index.mjs") << "stale";
            std::ofstream(dir.path / "src/greet-fn/old.js") << "export const gone = 1;";
            std::ofstream(dir.path / "src/greet-fn/notes.txt") << "not code";
        }
        const cli::WrittenProject w = cli::write_sam_project(out, dir.path, true);
        REQUIRE(w.error.empty());
        CHECK(w.written.size() == 3);
        CHECK(read_text(dir.path / "src/greet-fn/index.mjs") == out.files[0].text);
        CHECK(fs::exists(dir.path / "src/greet-fn/old.js"));
        REQUIRE(w.warnings.size() == 1);
        CHECK(w.warnings[0] == (dir.path / "src/greet-fn/old.js").generic_string() +
                                   " is not part of the code of node 'greet-fn', but `slsim import` reads every code "
                                   "file under its CodeUri: delete it");
        // A folder name taken by a file: a clear error, not a crash.
        TempDir other;
        { std::ofstream(other.path.string()) << "a file"; }
        const cli::WrittenProject bad = cli::write_sam_project(out, other.path, true);
        CHECK(bad.error == other.path.string() + " exists and is not a folder");
        CHECK(bad.written.empty());
    }

    TEST_CASE("unsafe CodeFiles paths are refused with an error naming node, path and fix; nothing is written") {
        for (const char* path : {"/etc/cron.d/evil.js", "../outside.js", "lib/../../outside.js", "./index.js",
                                 "lib//index.js", "lib/", "..\\outside.js", "C:/evil.js", ""}) {
            CAPTURE(path);
            Pattern p = parse_ok(kTwoFiles);
            p.nodes[0].config["CodeFiles"][path] = "export const x = 1;";
            const SamExport out = export_sam(p);
            REQUIRE(out.errors.size() == 1);
            CHECK(out.errors[0] == "node 'greet-fn': CodeFiles path '" + std::string(path) +
                                       "' is unsafe: a code file's path must be relative and stay inside the "
                                       "function's folder (no leading '/', no '.' or '..' segments, no '\\' or "
                                       "':'); rename it, e.g. to 'lib/util.js'");
            for (const SamFile& f : out.files) CHECK(f.path != path);
            CHECK_FALSE(mentions(out.tmpl, "CodeFiles"));
            TempDir dir;
            const cli::WrittenProject w = cli::write_sam_project(out, dir.path, true);
            CHECK(w.error == out.errors[0]);
            CHECK(w.written.empty());
            CHECK_FALSE(fs::exists(dir.path));
        }
    }

    TEST_CASE("CodeFiles beside InlineCode, or not an object of strings, is an error, never a CodeFiles key") {
        Pattern both = parse_ok(kTwoFiles);
        both.nodes[0].config["InlineCode"] = "exports.handler = async () => 0;";
        SamExport out = export_sam(both);
        REQUIRE(out.errors.size() == 1);
        CHECK(out.errors[0] ==
              "node 'greet-fn': has both CodeFiles and InlineCode; a SAM function's code is one of them: move the "
              "code into CodeFiles, or remove CodeFiles");
        CHECK_FALSE(mentions(out.tmpl, "CodeFiles"));

        Pattern wrong = parse_ok(kTwoFiles);
        wrong.nodes[0].config["CodeFiles"] = "index.js";
        out = export_sam(wrong);
        REQUIRE(out.errors.size() == 1);
        CHECK(out.errors[0] ==
              "node 'greet-fn': CodeFiles must be an object of file path → JavaScript text, got string");
        CHECK_FALSE(mentions(out.tmpl, "CodeFiles"));

        Pattern number = parse_ok(kTwoFiles);
        number.nodes[0].config["CodeFiles"]["data.js"] = 7;
        out = export_sam(number);
        REQUIRE(out.errors.size() == 1);
        CHECK(out.errors[0] == "node 'greet-fn': CodeFiles file 'data.js' must be text (a string), got number");
    }

    TEST_CASE("CodeUri is read from the files given with the template; code that cannot run is listed") {
        // As the page gives an opened folder: a map of relative paths. SAM's Handler "app.handler" is the
        // export "handler" of app.js/app.mjs in CodeUri; only Node.js runtimes run code here.
        const std::map<std::string, std::string> files = {
            {"src/app.mjs", "import { greet } from './lib/greet.mjs';\nexport const handler = async () => greet();"},
            {"src/lib/greet.mjs", "export const greet = () => ({ statusCode: 200, body: 'hi' });"},
            {"src/README.md", "not code"},
            {"py/app.py", "def handler(e, c): return 1"}};
        ImportOptions options;
        options.read_file = [&](const std::string& p) -> std::optional<std::string> {
            auto it = files.find(p);
            return it == files.end() ? std::nullopt : std::optional<std::string>(it->second);
        };
        options.list_files = [&](const std::string& folder) {
            std::vector<std::string> out;
            for (const auto& [p, text] : files)
                if (p.rfind(folder + "/", 0) == 0) out.push_back(p);
            return out;
        };
        ImportResult r = import_template(R"({"Transform": "AWS::Serverless-2016-10-31", "Resources": {
            "Js": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "nodejs22.x", "Handler": "app.handler", "CodeUri": "./src/"}},
            "Py": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.12", "Handler": "app.handler", "CodeUri": "py/"}},
            "Gone": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "nodejs22.x", "Handler": "app.handler", "CodeUri": "missing/"}}}})",
                                         options);
        INFO(all(r.diagnostics));
        REQUIRE(r.ok());
        const Json code = r.pattern.find_node("Js")->config["CodeFiles"];
        CHECK(code.size() == 2);  // the README is not code
        CHECK(code.contains("app.mjs"));
        CHECK(code.contains("lib/greet.mjs"));
        CHECK_FALSE(r.pattern.find_node("Py")->config.contains("CodeFiles"));
        REQUIRE(r.summary.code.size() == 2);
        CHECK(r.summary.code[0] == "Gone: no JavaScript at CodeUri 'missing'; its latency model runs instead");
        CHECK(r.summary.code[1] ==
              "Py (python3.12): only Node.js code runs in the playground; its latency model runs instead");
        // The entry client invokes Js, whose handler runs and answers from its own module.
        auto s = test::build_ok(write_pattern(r.pattern));
        s->run_until(minutes(1));
        const Json rep = s->report();
        CHECK(rep["nodes"]["Js"]["invocations"].get<std::uint64_t>() > 30);
        CHECK(rep["nodes"]["Js"]["errors"] == 0);
    }

    TEST_CASE("a function's environment names resources by logical id in the template, by node id in the pattern") {
        const Pattern p = parse_ok(R"({"format": "serverless-playground/1", "name": "env", "nodes": [
            {"id": "orders-table", "type": "dynamodb", "config": {}}, {"id": "jobs", "type": "sqs", "config": {}},
            {"id": "fn", "type": "lambda", "config": {"Runtime": "nodejs22.x",
              "InlineCode": "exports.handler = async () => process.env.TABLE;",
              "Environment": {"Variables": {"TABLE": {"Ref": "orders-table"}, "QUEUE_ARN": {"Fn::GetAtt": ["jobs", "Arn"]},
                                            "STAGE": "dev", "OTHER": {"Ref": "AWS::Region"}}}}}],
            "edges": [{"from": "fn", "to": "orders-table"}, {"from": "fn", "to": "jobs"}]})");
        const OJson t = export_sam(p).tmpl;
        const OJson& fn = t["Resources"]["Fn"];
        CHECK(Json::parse(fn["Properties"]["Environment"].dump()) == Json::parse(R"({"Variables": {
            "TABLE": {"Ref": "OrdersTable"}, "QUEUE_ARN": {"Fn::GetAtt": ["Jobs", "Arn"]},
            "STAGE": "dev", "OTHER": {"Ref": "AWS::Region"}}})"));
        CHECK_FALSE(mentions(fn["Metadata"], "orders-table\"}"));  // no Ref to a node id anywhere
        CHECK(test::check_template(t).empty());
        ImportResult back = import_template(t.dump());
        INFO(all(back.diagnostics));
        REQUIRE(back.ok());
        CHECK(write_pattern(back.pattern) == write_pattern(p));
        CHECK(run_report(back.pattern, sec(1)).dump() == run_report(p, sec(1)).dump());
        TempDir dir;
        REQUIRE(cli::write_sam_project(export_sam(p), dir.path, true).error.empty());
        lint(dir.path / "template.yaml");
    }

    TEST_CASE("every patterns/code pattern comes back from --out DIR and runs the same, inline or as files") {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(fs::path(SLSIM_SOURCE_DIR) / "patterns/code"))
            if (e.path().extension() == ".json") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        REQUIRE(files.size() >= 3);
        for (const fs::path& file : files) {
            CAPTURE(file.filename().string());
            const Pattern original = parse_ok(test::repo_file("patterns/code/" + file.filename().string()));
            const Json want = run_report(original, sec(30));
            CHECK(want["events_processed"].get<std::uint64_t>() > 0);
            for (const bool as_files : {false, true}) {
                CAPTURE(as_files);
                const Pattern p = as_files ? as_code_files(original) : original;
                const SamExport out = export_sam(p);
                REQUIRE(out.errors.empty());
                CHECK_FALSE(mentions(out.tmpl, "CodeFiles"));
                CHECK(out.files.empty() != as_files);
                TempDir dir;
                const cli::WrittenProject w = cli::write_sam_project(out, dir.path, true);
                REQUIRE(w.error.empty());
                CHECK(w.warnings.empty());
                // s3-describer's function reads the bucket that notifies it: its S3 event and its
                // S3ReadPolicy Ref each other (E3004), as in any SAM template that does so without
                // a fixed BucketName.
                lint(dir.path / "template.yaml", file.filename() == "s3-describer.json" ? "E3004" : "");
                const Pattern back = import_project(dir.path / "template.yaml");
                // The same code: equal patterns, but for the CodeUri naming the files.
                Pattern want_pattern = p;
                for (NodeSpec& n : want_pattern.nodes)
                    if (n.config.contains("CodeFiles")) n.config["CodeUri"] = "src/" + n.id + "/";
                CHECK(write_pattern(back) == write_pattern(want_pattern));
                // The same run: report, trace fingerprint and all.
                CHECK(run_report(back, sec(30)).dump() == want.dump());
            }
        }
    }
}
