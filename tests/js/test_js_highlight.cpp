// test_js_highlight.cpp — the code editor's colours: which spans of a handler are keywords,
// strings, comments, numbers and regular expressions, as a JavaScript engine would read them.
#include "js/js_highlight.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace sim::js;

namespace {

// "kind:text" for every coloured span, in order.
std::vector<std::string> spans(std::string_view src) {
    std::vector<std::string> out;
    for (const TokenSpan& s : highlight_js(src)) {
        const char* kind = s.kind == TokenKind::Keyword   ? "kw"
                           : s.kind == TokenKind::String  ? "str"
                           : s.kind == TokenKind::Comment ? "com"
                           : s.kind == TokenKind::Number  ? "num"
                                                          : "re";
        out.push_back(std::string(kind) + ":" + std::string(src.substr(s.begin, s.end - s.begin)));
    }
    return out;
}

}  // namespace

TEST_SUITE("js highlight") {
    TEST_CASE("keywords, strings and numbers of a handler; identifiers and properties stay plain") {
        CHECK(spans("export const handler = async (event) => { return { statusCode: 201, id: event.default }; };") ==
              std::vector<std::string>{"kw:export", "kw:const", "kw:async", "kw:return", "num:201"});
        CHECK(spans("import { PutCommand } from '@aws-sdk/lib-dynamodb';") ==
              std::vector<std::string>{"kw:import", "kw:from", "str:'@aws-sdk/lib-dynamodb'"});
    }

    TEST_CASE("escapes do not end a string; template literals run to their closing backtick") {
        CHECK(spans(R"(x = "a \" b"; y = 'it\'s';)") == std::vector<std::string>{R"(str:"a \" b")", R"(str:'it\'s')"});
        CHECK(spans("m = `order ${o.id}\nexists`;") == std::vector<std::string>{"str:`order ${o.id}\nexists`"});
    }

    TEST_CASE("line and block comments, including one over several lines and one never closed") {
        CHECK(spans("a = 1; // note 'quoted'\nb") == std::vector<std::string>{"num:1", "com:// note 'quoted'"});
        CHECK(spans("/* one\ntwo */ if") == std::vector<std::string>{"com:/* one\ntwo */", "kw:if"});
        CHECK(spans("x /* open") == std::vector<std::string>{"com:/* open"});
    }

    TEST_CASE("a slash is a regular expression where an expression may start, else division") {
        CHECK(spans("if (/^o-\\d+$/.test(id)) n = a / 2 / b;") ==
              std::vector<std::string>{"kw:if", "re:/^o-\\d+$/", "num:2"});
        CHECK(spans("return /[/]'/g;") == std::vector<std::string>{"kw:return", "re:/[/]'/g"});
    }

    TEST_CASE("numbers in their JavaScript forms; digits inside names are not numbers") {
        CHECK(spans("a = 0x1F + 1e-3 + 2.5 + 10n + .5 + item2;") ==
              std::vector<std::string>{"num:0x1F", "num:1e-3", "num:2.5", "num:10n", "num:.5"});
    }

    TEST_CASE("an unterminated string ends at its line") {
        CHECK(spans("s = 'open\nnext") == std::vector<std::string>{"str:'open"});
    }
}
