// test_bounded_regex.cpp — JSONPath `=~` regular expressions. Step Functions evaluates JSONPath
// with Jayway JsonPath, whose `=~` compiles the /…/ literal as a java.util.regex.Pattern (flag i:
// CASE_INSENSITIVE, which by default folds US-ASCII only) and tests Matcher.matches(): the WHOLE
// string must match. Expected values below follow those Java semantics.
#include "stepfunctions/bounded_regex.h"
#include "stepfunctions/jsonpath.h"

#include <doctest/doctest.h>

#include <string>

using namespace sim::sfn;
using nlohmann::json;

namespace {

bool full(const char* pattern, const std::string& text, bool icase = false) {
    auto r = BoundedRegex::compile(pattern, icase);
    REQUIRE(std::holds_alternative<BoundedRegex>(r));
    return std::get<BoundedRegex>(r).full_match(text);
}

std::string refused(const char* pattern) {
    auto r = BoundedRegex::compile(pattern, false);
    return std::holds_alternative<std::string>(r) ? std::get<std::string>(r) : "accepted";
}

}  // namespace

TEST_SUITE("stepfunctions") {
    TEST_CASE("=~ matches the whole string, as Java's Matcher.matches does") {
        CHECK(full("hello.*", "hello world"));
        CHECK_FALSE(full("hello.*", "yes hello world"));  // matches() is anchored at both ends
        CHECK_FALSE(full("hello", "hello world"));
        CHECK(full("^a$", "a"));
        CHECK(full("", ""));
        CHECK_FALSE(full("", "a"));
    }

    TEST_CASE("classes, escapes, groups, alternation and counted repetition") {
        CHECK(full("[a-c]{2,3}", "abc"));
        CHECK_FALSE(full("[a-c]{2,3}", "abca"));
        CHECK(full("[^0-9]+", "abc"));
        CHECK_FALSE(full("[^0-9]+", "ab1"));
        CHECK(full("\\d{3}-\\d{4}", "555-1234"));
        CHECK(full("\\w+@\\w+\\.com", "a_1@b2.com"));
        CHECK(full("(ab)+|x", "ababab"));
        CHECK_FALSE(full("(ab)+", "aba"));
        CHECK(full("(?:x|y)z?", "y"));
        CHECK(full("a{2,}", "aaaa"));
        CHECK_FALSE(full("a{2,}", "a"));
        CHECK(full("colou?r", "color"));
        CHECK(full("\\x41\\u00e9", "A\xC3\xA9"));  // é is one code point, as in Java's UTF-16 string
        CHECK(full("caf.", "caf\xC3\xA9"));
        CHECK_FALSE(full("a.c", "a\nc"));  // '.' excludes line terminators without DOTALL
        CHECK(full("a.*?c", "abbc"));      // a lazy quantifier: same answer for a whole-string match
    }

    TEST_CASE("the i flag folds ASCII letters only (CASE_INSENSITIVE without UNICODE_CASE)") {
        CHECK(full("X", "x", true));
        CHECK_FALSE(full("X", "x", false));
        CHECK(full("[A-Z]+", "abc", true));
        CHECK_FALSE(full("\xC3\x89", "\xC3\xA9", true));  // É vs é: not folded
    }

    TEST_CASE("patterns the bounded matcher refuses say why") {
        CHECK(refused("[") == "unterminated [ character class");
        CHECK(refused("(a") == "missing )");
        CHECK(refused("a)") == "unmatched )");
        CHECK(refused("*a") == "nothing to repeat");
        CHECK(refused("a**") == "dangling quantifier");
        CHECK(refused("a++") == "possessive quantifiers are not supported");
        CHECK(refused("(?=a)") == "lookaround and other (?...) groups are not supported");
        CHECK(refused("(a)\\1") == "\\1 is not supported");
        CHECK(refused("a{1001}") == "bad or too large {n,m} count (at most 1000)");
        CHECK(refused("(a{1000}){1000}") == "the pattern expands to more than 10000 steps");
        CHECK(refused(std::string(33, '(').append("a").append(33, ')').c_str()) == "groups nested deeper than 32");
    }

    TEST_CASE("no backtracking blow-up and no recursion per input character") {
        // (a|aa)*b against a's and a 'c' is exponential for a backtracking matcher.
        CHECK_FALSE(full("(a|aa)*b", std::string(5000, 'a') + "c"));
        // std::regex recursed per character: a 1 MB string overflowed wasm's 1 MB stack.
        CHECK(full("(a|b)*", std::string(1'000'000, 'a')));
        const json doc = {{"users", json::array({{{"name", std::string(300'000, 'x')}}, {{"name", "y"}}})}};
        std::string why;
        auto p = JsonPath::parse("$.users[?(@.name =~ /x+/)].name", &why);
        REQUIRE(p.has_value());
        CHECK(p->find(doc).value.size() == 1);
    }

    TEST_CASE("filters are bounded: at most 256 tests and operators") {
        std::string why;
        std::string many = "$.a[?(";
        for (int i = 0; i < 300; ++i) many += (i ? " || " : "") + std::string("@.x == 1");
        CHECK_FALSE(JsonPath::parse(many + ")]", &why).has_value());
        CHECK(why.find("more than 256 tests and operators") != std::string::npos);
        CHECK_FALSE(JsonPath::parse("$.a[?(" + std::string(100'000, '!') + "@.x)]", &why).has_value());
        CHECK(JsonPath::parse("$.a[?(!!@.x && (@.y || @.z))]", &why).has_value());
    }
}
