// test_pattern_depth.cpp — hostile nesting in a pattern file is refused before parsing: deep
// JSON would otherwise recurse once per level when the value is copied or written.
#include "pattern/pattern.h"
#include "support/test_support.h"

#include <doctest/doctest.h>

using namespace sim;
using sim::test::has_error;

TEST_SUITE("pattern") {
    TEST_CASE("a pattern nested deeper than 256 levels is refused with the byte offset") {
        const std::string deep = R"({"nodes": [{"id": "a", "type": "lambda", "config": {"x": )" +
                                 std::string(200'000, '[') + std::string(200'000, ']') + "}}]}";
        ParseResult r = parse_pattern(deep);
        CHECK(has_error(r.diagnostics, "", "pattern rejected: JSON nested deeper than 256 levels at byte 309"));
    }

    TEST_CASE("nesting up to the limit still loads") {
        const std::string ok = R"({"nodes": [{"id": "a", "type": "lambda", "config": {"x": )" + std::string(250, '[') +
                               std::string(250, ']') + "}}]}";
        CHECK(parse_pattern(ok).ok());
    }
}
