// test_hints.cpp — a learner who follows a challenge's hints passes it: for every shipped challenge,
// the design edits its hints carry, applied in order to the starting canvas and nothing else, build
// a solution that passes every check; each hint's text names the values its edits set; and a quiz
// on the same scenario as a challenge agrees with it (its answer passes the challenge, every other
// option fails it), so the two never teach opposite things. Challenges are read from
// patterns/challenges/ and patterns/code/challenges/ (code patterns: a hint may set a function's
// code, and then quotes every line of code it adds).
#include "challenge/challenge.h"
#include "challenge/design_actions.h"
#include "challenge/evaluate.h"
#include "challenge/quiz.h"
#include "support/test_support.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

using namespace sim;
using namespace sim::challenge;
using sim::test::has_error;
using sim::test::repo_file;
using sim::test::repo_json_files;

namespace {

std::vector<std::string> shipped(const std::string& dir) {
    std::vector<std::string> ids;
    for (const auto& e : std::filesystem::directory_iterator(std::string(SLSIM_SOURCE_DIR) + "/" + dir))
        if (e.path().extension() == ".json") ids.push_back(e.path().stem().string());
    std::sort(ids.begin(), ids.end());
    return ids;
}

// Every challenge file, gallery patterns' and code patterns'.
std::vector<std::string> challenge_files() {
    std::vector<std::string> files = repo_json_files("patterns/challenges");
    for (const auto& f : repo_json_files("patterns/code/challenges")) files.push_back(f);
    return files;
}

Challenge load_file(const std::string& file) {
    LoadResult r = load_challenge(repo_file(file));
    for (const auto& d : r.diagnostics.items()) MESSAGE(format_diagnostic(d));
    REQUIRE(r.ok());
    return r.challenge;
}

Challenge load(const std::string& id) {
    LoadResult r = load_challenge(repo_file("patterns/challenges/" + id + ".json"));
    for (const auto& d : r.diagnostics.items()) MESSAGE(format_diagnostic(d));
    REQUIRE(r.ok());
    return r.challenge;
}

QuizLoad load_quiz_file(const std::string& id) {
    FileReader read = [](const std::string& path) -> std::optional<std::string> {
        if (!std::filesystem::exists(std::string(SLSIM_SOURCE_DIR) + "/" + path)) return std::nullopt;
        return repo_file(path);
    };
    return load_quiz(repo_file("patterns/quizzes/" + id + ".json"), "patterns/quizzes", read);
}

void print(const Result& r) {
    for (const auto& c : r.checks) MESSAGE((c.passed ? "PASS " : "FAIL ") << c.id << ": " << c.measured);
    for (const auto& d : r.diagnostics.items()) MESSAGE(format_diagnostic(d));
}

// "1900" is mentioned as "1900" or "1,900"; a string as itself.
bool mentions(const std::string& text, const Json& value) {
    if (value.is_string()) return text.find(value.get<std::string>()) != std::string::npos;
    std::string plain = value.dump();
    if (value.is_number_float() &&
        value.get<double>() == static_cast<double>(static_cast<long long>(value.get<double>())))
        plain = std::to_string(static_cast<long long>(value.get<double>()));
    std::string grouped;
    const bool digits =
        std::all_of(plain.begin(), plain.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    for (std::size_t i = 0; digits && i < plain.size(); ++i) {
        if (i > 0 && (plain.size() - i) % 3 == 0) grouped += ',';
        grouped += plain[i];
    }
    return text.find(plain) != std::string::npos || (!grouped.empty() && text.find(grouped) != std::string::npos);
}

// Every number and string an edit sets (JSON selectors such as "$.body.orderId" are wiring, not
// values a learner must be told).
void values_set(const Json& j, std::vector<Json>& out) {
    if (j.is_object() || j.is_array())
        for (const auto& v : j) values_set(v, out);
    else if (j.is_number() || (j.is_string() && j.get<std::string>().rfind("$", 0) != 0))
        out.push_back(j);
}

// A function's code in a node config, by where it sits: "InlineCode", "Code/ZipFile",
// "CodeFiles/<path>". Code is not a value to name but lines to quote (new_code_lines).
constexpr const char* kCodeKeys[] = {"InlineCode", "Code", "CodeFiles"};

std::map<std::string, std::string> code_of(const Json& config) {
    std::map<std::string, std::string> out;
    if (!config.is_object()) return out;
    if (config.contains("InlineCode") && config["InlineCode"].is_string())
        out["InlineCode"] = config["InlineCode"].get<std::string>();
    if (config.contains("Code") && config["Code"].is_object() && config["Code"].contains("ZipFile") &&
        config["Code"]["ZipFile"].is_string())
        out["Code/ZipFile"] = config["Code"]["ZipFile"].get<std::string>();
    if (config.contains("CodeFiles") && config["CodeFiles"].is_object())
        for (const auto& f : config["CodeFiles"].items())
            if (f.value().is_string()) out["CodeFiles/" + f.key()] = f.value().get<std::string>();
    return out;
}

std::string trimmed(const std::string& line) {
    const auto b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    return line.substr(b, line.find_last_not_of(" \t\r") - b + 1);
}

// The lines of code `after` has that `before` does not, trimmed: what a hint that makes this change
// must quote. Blank lines and // comments are not code a learner must be told; a line that only
// moved or changed its indentation is not new.
std::vector<std::string> new_code_lines(const std::string& before, const std::string& after) {
    std::set<std::string> old;
    std::istringstream b(before), a(after);
    for (std::string line; std::getline(b, line);) old.insert(trimmed(line));
    std::vector<std::string> out;
    for (std::string line; std::getline(a, line);) {
        const std::string t = trimmed(line);
        if (!t.empty() && t.rfind("//", 0) != 0 && !old.count(t)) out.push_back(t);
    }
    return out;
}

std::vector<Json> values_of_edit(const Json& edit) {
    const auto without_code = [](Json config) {
        if (config.is_object())
            for (const char* key : kCodeKeys) config.erase(key);
        return config;
    };
    std::vector<Json> out;
    if (edit.contains("add") && edit["add"].contains("config")) values_set(without_code(edit["add"]["config"]), out);
    if (edit.contains("config")) values_set(without_code(edit["config"]), out);
    if (edit.contains("port")) out.push_back(edit["port"]);
    return out;
}

// The code lines an edit adds to the design it applies to.
std::vector<std::string> code_lines_of_edit(const Pattern& design, const Json& edit) {
    const bool add = edit.contains("add") && edit["add"].is_object();
    const Json config = add ? edit["add"].value("config", Json::object()) : edit.value("config", Json::object());
    const std::string id = add ? edit["add"].value("id", "") : edit.value("node", "");
    const NodeSpec* node = add ? nullptr : design.find_node(id);
    const auto before = node ? code_of(node->config) : std::map<std::string, std::string>{};
    std::vector<std::string> out;
    for (const auto& [where, text] : code_of(config)) {
        const auto old = before.find(where);
        for (auto& line : new_code_lines(old == before.end() ? "" : old->second, text)) out.push_back(line);
    }
    return out;
}

// A quiz and a challenge share a scenario when every option keeps the challenge's starting nodes
// and some traffic has the same source and arrivals.
bool same_scenario(const Quiz& quiz, const Challenge& ch) {
    for (const auto& o : quiz.options)
        for (const auto& n : ch.start.nodes) {
            const NodeSpec* kept = o.pattern.find_node(n.id);
            if (!kept || kept->type != n.type) return false;
        }
    for (const auto& q : quiz.run.traffic)
        for (const auto& run : ch.runs)
            for (const auto& t : run.traffic)
                if (q.value("source", "") == t.value("source", "") && q.contains("profile") &&
                    q["profile"] == t["profile"])
                    return true;
    return false;
}

}  // namespace

TEST_SUITE("challenge hints") {
    TEST_CASE("every shipped challenge is passed by a design built from its hints' edits alone") {
        const auto files = challenge_files();
        CHECK(files.size() >= 7);
        for (const auto& file : files) {
            CAPTURE(file);
            const Challenge ch = load_file(file);
            std::size_t with_edits = 0;
            for (const auto& h : ch.hints) with_edits += !h.edits.empty();
            CHECK(with_edits > 0);
            const ParseResult built = solution_from_hints(ch);
            for (const auto& d : built.diagnostics.items()) MESSAGE(format_diagnostic(d));
            REQUIRE(built.ok());
            const Result r = evaluate(ch, built.pattern);
            print(r);
            CHECK(r.passed());
        }
    }

    TEST_CASE("each hint's text names every value its edits set and quotes every line of code they add") {
        std::size_t code_lines = 0;
        for (const auto& file : challenge_files()) {
            CAPTURE(file);
            const Challenge ch = load_file(file);
            Pattern design = ch.start;  // what the learner has when they read the hint
            for (const auto& h : ch.hints) {
                CAPTURE(h.path);
                for (const auto& edit : h.edits) {
                    for (const Json& v : values_of_edit(edit)) {
                        CAPTURE(v.dump());
                        CHECK(mentions(h.text, v));
                    }
                    for (const std::string& line : code_lines_of_edit(design, edit)) {
                        CAPTURE(line);
                        CHECK(h.text.find(line) != std::string::npos);
                        ++code_lines;
                    }
                }
                ParseResult next = apply_actions(design, h.edits, h.path + "/edits");
                REQUIRE(next.ok());
                design = next.pattern;
            }
        }
        CHECK(code_lines > 0);  // some hint changes code (patterns/code/challenges)
    }

    TEST_CASE("a code hint's lines: new or changed lines count, comments, blank and re-indented lines do not") {
        CHECK(new_code_lines("a();\n  b();\n", "// why\na();\n\n    b();\n  c(); \n") ==
              std::vector<std::string>{"c();"});
        const Pattern none;
        const Json edit = {{"node", "f"}, {"config", {{"InlineCode", "x = 1;\n"}, {"Timeout", 9}}}};
        CHECK(code_lines_of_edit(none, edit) == std::vector<std::string>{"x = 1;"});
        CHECK(values_of_edit(edit) == std::vector<Json>{9});
    }

    TEST_CASE("the protect-database hints say how fast the writer may go, not only how many run at once") {
        // The issue's reproduction: the hints named MaximumConcurrency only, and a cap of 2 functions that
        // each write 10 items in milliseconds still throttles a 10-WCU table. Without the pacing hint the
        // hint-built design must fail, so the pacing hint is what makes the challenge passable.
        Challenge ch = load("protect-database");
        REQUIRE(ch.hints.size() == 4);
        ch.hints.pop_back();
        const ParseResult built = solution_from_hints(ch);
        REQUIRE(built.ok());
        const Result r = evaluate(ch, built.pattern);
        print(r);
        CHECK(!r.passed());
        CHECK(mentions(load("protect-database").hints.back().text, Json(1900)));
    }

    TEST_CASE("a quiz on a challenge's scenario agrees with it: its answer passes, every other option fails") {
        std::map<std::string, Challenge> challenges;
        for (const auto& file : challenge_files()) {
            Challenge ch = load_file(file);
            challenges.emplace(ch.id, std::move(ch));
        }
        std::size_t linked = 0;
        for (const auto& qid : shipped("patterns/quizzes")) {
            CAPTURE(qid);
            QuizLoad q = load_quiz_file(qid);
            for (const auto& d : q.diagnostics.items()) MESSAGE(format_diagnostic(d));
            REQUIRE(q.ok());
            for (const auto& entry : challenges) {  // not a structured binding: clang 14 cannot capture one
                const std::string& cid = entry.first;
                if (same_scenario(q.quiz, entry.second))
                    CHECK_MESSAGE(q.quiz.challenge == cid, "same scenario as challenge " << cid);
            }
            if (q.quiz.challenge.empty()) continue;
            ++linked;
            REQUIRE(challenges.count(q.quiz.challenge));
            const Challenge& ch = challenges.at(q.quiz.challenge);
            for (const auto& o : q.quiz.options) {
                CAPTURE(o.id);
                const Result r = evaluate(ch, o.pattern);
                print(r);
                if (o.id == q.quiz.answer)
                    CHECK(r.passed());
                else
                    CHECK(!r.passed());
            }
        }
        CHECK(linked >= 3);
    }

    TEST_CASE("hint edits: add and connect build on earlier edits; bad edits are diagnostics at their path") {
        const char* text = R"({
          "format": "serverless-playground-challenge/1", "id": "c", "title": "t", "scenario": "s",
          "hints": [ "words only",
                     { "text": "add f", "edits": [ { "add": { "id": "f", "type": "lambda" } }, { "connect": "u->f" },
                                                   { "node": "f", "config": { "Timeout": 9 } } ] } ],
          "start": { "nodes": [ { "id": "u", "type": "client" } ], "edges": [] },
          "runs": [ { "id": "r", "duration": "1m", "traffic": [] } ],
          "checks": [ { "kind": "no_always_on" } ] })";
        LoadResult ok = load_challenge(text);
        for (const auto& d : ok.diagnostics.items()) MESSAGE(format_diagnostic(d));
        REQUIRE(ok.ok());
        REQUIRE(ok.challenge.hints.size() == 2);
        CHECK(ok.challenge.hints[0].edits.empty());
        const ParseResult built = solution_from_hints(ok.challenge);
        REQUIRE(built.ok());
        REQUIRE(built.pattern.find_node("f"));
        CHECK(built.pattern.find_node("f")->config.at("Timeout") == 9);
        REQUIRE(built.pattern.edges.size() == 1);
        CHECK(built.pattern.edges[0].from == "u");
        CHECK(built.pattern.layout.contains("nodes"));

        std::string bad = text;
        bad.replace(bad.find("\"connect\": \"u->f\""), 17, "\"connect\": \"u->g\"");
        LoadResult b = load_challenge(bad);
        CHECK(has_error(b.diagnostics, "/hints/1/edits/1/connect", "the pattern has no node 'g'"));
        std::string dup = text;
        dup.replace(dup.find("\"id\": \"f\""), 9, "\"id\": \"u\"");
        CHECK(has_error(load_challenge(dup).diagnostics, "/hints/1/edits/0/add", "the pattern already has a node 'u'"));
    }
}
