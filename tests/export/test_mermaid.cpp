// test_mermaid.cpp — Mermaid flowchart export: labels, edge styles, and escaping.
#include "export/mermaid.h"
#include "pattern/pattern.h"
#include "support/test_support.h"

#include <doctest/doctest.h>

using namespace sim;

TEST_SUITE("export") {
    TEST_CASE("a pattern becomes a left-to-right flowchart with labelled nodes and edges") {
        ParseResult p = parse_pattern(R"({"name": "tiny", "nodes": [
            {"id": "api", "type": "apigateway"}, {"id": "q", "type": "sqs"}, {"id": "fn", "type": "lambda"},
            {"id": "dlq", "type": "sqs"}, {"id": "t", "type": "dynamodb"}],
            "edges": [{"from": "api", "to": "q", "config": {"Route": "POST /orders"}},
                      {"from": "q", "to": "fn", "config": {"BatchSize": 10}},
                      {"from": "q", "port": "dlq", "to": "dlq"}, {"from": "fn", "to": "t"}]})");
        REQUIRE(p.ok());
        CHECK(export_mermaid(p.pattern) ==
              "---\ntitle: \"tiny\"\n---\n"
              "flowchart LR\n"
              "  n0[\"api<br/>apigateway\"]\n"
              "  n1[[\"q<br/>sqs\"]]\n"
              "  n2(\"fn<br/>lambda\")\n"
              "  n3[[\"dlq<br/>sqs\"]]\n"
              "  n4[(\"t<br/>dynamodb\")]\n"
              "  n0 -->|\"POST /orders\"| n1\n"
              "  n1 -->|\"batch 10\"| n2\n"
              "  n1 -.->|\"dlq\"| n3\n"
              "  n2 --> n4\n");
    }

    TEST_CASE("labels cannot break out of their quotes") {
        CHECK(mermaid_escape("a\"b#c<d>&e`f\ng|h") == "a#quot;b#35;c#lt;d#gt;#amp;e#96;f g#124;h");
        ParseResult p = parse_pattern(R"J({"name": "x\"]; click n0 call evil()", "nodes": [
            {"id": "a", "type": "lambda\"]-->evil[\"x"}, {"id": "b", "type": "sqs"}],
            "edges": [{"from": "a", "to": "b", "config": {"Route": "GET /|\"<script>"}}]})J");
        const std::string m = export_mermaid(p.pattern);
        CHECK(m.find("<script>") == std::string::npos);
        CHECK(m.find("n0[\"a<br/>lambda#quot;]--#gt;evil[#quot;x\"]") != std::string::npos);
        CHECK(m.find("title: \"x#quot;]; click n0 call evil()\"") != std::string::npos);
        CHECK(m.find("|\"GET /#124;#quot;#lt;script#gt;\"|") != std::string::npos);
    }

    TEST_CASE("every shipped pattern exports to Mermaid with one line per node and edge") {
        for (const char* name : {"rest-api", "streaming", "edge-site", "order-workflow"}) {
            ParseResult p = parse_pattern(test::repo_file(std::string("patterns/") + name + ".json"));
            REQUIRE(p.ok());
            const std::string m = export_mermaid(p.pattern);
            const auto lines = static_cast<std::size_t>(std::count(m.begin(), m.end(), '\n'));
            CHECK(lines == 4 + p.pattern.nodes.size() + p.pattern.edges.size());
        }
    }
}
