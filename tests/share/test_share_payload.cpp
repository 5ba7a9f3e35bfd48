// test_share_payload.cpp — the share-link envelope: round trips, migration, and hostile input
// (too big, too deep, bad UTF-8, unknown versions, exploding patterns) ending in clear errors.
#include "pattern/json_guard.h"
#include "pattern/pattern.h"
#include "share/share_payload.h"
#include "support/test_support.h"

#include <doctest/doctest.h>

using namespace sim;
using sim::test::has_error;

namespace {

Json tiny_pattern() {
    return Json::parse(R"({"format": "serverless-playground/1", "name": "tiny", "seed": 3,
        "nodes": [{"id": "users", "type": "client", "config": {}},
                  {"id": "fn", "type": "lambda", "config": {"MemorySize": 256}}],
        "edges": [{"from": "users", "to": "fn"}],
        "traffic": [{"id": "t", "source": "users", "profile": {"type": "constant", "rps": 1}}]})");
}

bool has_warning(const Diagnostics& d, const std::string& path) {
    for (const auto& item : d.items())
        if (item.severity == Severity::Warning && item.path == path) return true;
    return false;
}

std::string nodes_json(std::size_t n) {
    std::string s = R"({"v":1,"pattern":{"format":"serverless-playground/1","nodes":[)";
    for (std::size_t i = 0; i < n; ++i) {
        if (i) s += ',';
        s += R"({"id":"n)" + std::to_string(i) + R"(","type":"lambda"})";
    }
    return s + "]}}";
}

}  // namespace

TEST_SUITE("share") {
    TEST_CASE("an encoded envelope decodes to the same pattern, view, seed, profile and time") {
        ShareState s;
        s.pattern = tiny_pattern();
        s.view = Json::parse(R"({"selected": "fn", "zoom": 1.5})");
        s.seed = 99;
        s.profile = "legacy-burst";
        s.t = 120.5;
        const std::string text = encode_share_payload(s);
        CHECK(text.rfind(R"({"v":1,"pattern":{)", 0) == 0);
        ShareDecodeResult r = decode_share_payload(text);
        INFO(r.error_text());
        REQUIRE(r.ok);
        CHECK(r.version == 1);
        CHECK(r.diagnostics.empty());
        CHECK(r.state.pattern == s.pattern);
        CHECK(r.state.view == s.view);
        CHECK(r.state.seed == std::optional<std::uint64_t>(99));
        CHECK(r.state.profile == "legacy-burst");
        CHECK(r.state.t == std::optional<double>(120.5));
    }

    TEST_CASE("every shipped pattern survives encode and decode unchanged") {
        for (const char* name : {"rest-api", "async-queue", "fan-out", "order-workflow", "streaming"}) {
            CAPTURE(name);
            ParseResult p = parse_pattern(test::repo_file(std::string("patterns/") + name + ".json"));
            REQUIRE(p.ok());
            ShareDecodeResult r = decode_share_payload(encode_share_payload(pattern_to_json(p.pattern), {}));
            REQUIRE(r.ok);
            ParseResult back = parse_pattern_json(r.state.pattern);
            REQUIRE(back.ok());
            CHECK(write_pattern(back.pattern) == write_pattern(p.pattern));
        }
    }

    TEST_CASE("unknown envelope keys are kept and written back") {
        const std::string text = R"({"v":1,"pattern":{"nodes":[]},"future":{"x":[1,2]}})";
        ShareDecodeResult r = decode_share_payload(text);
        REQUIRE(r.ok);
        CHECK(r.state.extra == Json::parse(R"({"future":{"x":[1,2]}})"));
        CHECK(encode_share_payload(r.state).find(R"("future":{"x":[1,2]})") != std::string::npos);
    }

    TEST_CASE("a bare pattern (version 0) is migrated with a warning") {
        ShareDecodeResult r = decode_share_payload(tiny_pattern().dump());
        REQUIRE(r.ok);
        CHECK(r.version == 0);
        CHECK(has_warning(r.diagnostics, "/v"));
        CHECK(r.state.pattern == tiny_pattern());
        CHECK(encode_share_payload(r.state).rfind(R"({"v":1,)", 0) == 0);
    }

    TEST_CASE("a version newer than this build is refused with a clear message") {
        ShareDecodeResult r = decode_share_payload(R"({"v":7,"pattern":{}})");
        CHECK_FALSE(r.ok);
        CHECK(has_error(r.diagnostics, "/v", "share link version 7 is newer than this playground understands (1)"));
    }

    TEST_CASE("bad envelope fields name their path") {
        CHECK(has_error(decode_share_payload(R"({"v":"1","pattern":{}})").diagnostics, "/v",
                        R"(v must be a whole number >= 1, got "1")"));
        CHECK(has_error(decode_share_payload(R"({"v":1})").diagnostics, "",
                        R"(missing "pattern": expected the shared pattern object)"));
        CHECK(has_error(decode_share_payload(R"({"v":1,"pattern":[]})").diagnostics, "/pattern",
                        "pattern must be an object, got an array"));
        CHECK(has_error(decode_share_payload(R"({"v":1,"pattern":{},"seed":-4})").diagnostics, "/seed",
                        "seed must be a whole number >= 0, got -4"));
        CHECK(has_error(decode_share_payload(R"({"v":1,"pattern":{},"t":"soon"})").diagnostics, "/t",
                        R"(t must be a number of simulated seconds >= 0, got "soon")"));
        CHECK(has_error(decode_share_payload(R"({"v":1,"pattern":{},"view":3})").diagnostics, "/view",
                        "view must be an object, got a number"));
        CHECK(has_error(decode_share_payload(R"({"hello":1})").diagnostics, "",
                        R"(missing "v": not a Serverless Playground share link)"));
        CHECK(has_error(decode_share_payload("[1,2]").diagnostics, "",
                        "share link must hold a JSON object, got an array"));
    }

    TEST_CASE("truncated or corrupted JSON is an error, not a crash") {
        const std::string full = encode_share_payload(tiny_pattern(), {});
        for (std::size_t cut : {std::size_t{0}, std::size_t{1}, full.size() / 2, full.size() - 1}) {
            ShareDecodeResult r = decode_share_payload(full.substr(0, cut));
            CHECK_FALSE(r.ok);
            REQUIRE(r.diagnostics.items().size() == 1);
            CHECK(r.diagnostics.items()[0].message.rfind("share link is not valid JSON (truncated or corrupted?): ",
                                                         0) == 0);
        }
    }

    TEST_CASE("an enormous payload is refused before parsing") {
        ShareLimits limits;
        limits.max_bytes = 1000;
        ShareDecodeResult r = decode_share_payload(std::string(1001, ' '), limits);
        CHECK(has_error(r.diagnostics, "", "share link too large: 1001 bytes after decompression; the limit is 1000"));
        // The default limit is 2 MiB.
        CHECK(has_error(decode_share_payload(std::string(2 * 1024 * 1024 + 1, ' ')).diagnostics, "",
                        "share link too large: 2097153 bytes after decompression; the limit is 2097152"));
    }

    TEST_CASE("deep nesting is refused before the recursive parser sees it") {
        // 1,000,000 levels would overflow nlohmann's recursion; the guard stops at level 65.
        std::string deep = R"({"v":1,"pattern":{"x":)" + std::string(1'000'000, '[');
        ShareDecodeResult r = decode_share_payload(deep);
        CHECK(has_error(r.diagnostics, "", "share link rejected: JSON nested deeper than 64 levels at byte 84"));
        // Brackets inside strings do not count.
        std::string in_string = R"({"v":1,"pattern":{"name":")" + std::string(500, '[') + R"(\"{"}})";
        CHECK(decode_share_payload(in_string).ok);
        // Exactly 64 levels is allowed.
        std::string ok = R"({"v":1,"pattern":{"layout":)" + std::string(62, '[') + std::string(62, ']') + "}}";
        CHECK(check_json_depth(ok, 64).ok);
        CHECK_FALSE(check_json_depth(R"({"v":1,"pattern":{"layout":)" + std::string(63, '['), 64).ok);
    }

    TEST_CASE("invalid UTF-8 is rejected with its byte offset") {
        CHECK(has_error(decode_share_payload("{\"v\":1,\"pattern\":{\"name\":\"\xC0\xAF\"}}").diagnostics, "",
                        "share link is not valid text: invalid UTF-8 at byte 26 (overlong encoding)"));
        CHECK(check_utf8("\xED\xA0\x80").error == "invalid UTF-8 at byte 0 (UTF-16 surrogate)");
        CHECK(check_utf8("ab\xE2\x82").error == "invalid UTF-8 at byte 2 (truncated sequence)");
        CHECK(check_utf8("\x80").error == "invalid UTF-8 at byte 0 (unexpected continuation byte)");
        CHECK(check_utf8("\xF4\x90\x80\x80").error == "invalid UTF-8 at byte 0 (code point above U+10FFFF)");
        CHECK(check_utf8("\xF0\x82\x82\xAC").error == "invalid UTF-8 at byte 0 (overlong encoding)");
        CHECK(check_utf8("h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80").ok);
    }

    TEST_CASE("patterns designed to explode are refused by count") {
        ShareDecodeResult r = decode_share_payload(nodes_json(501));
        CHECK(
            has_error(r.diagnostics, "/pattern/nodes", "shared pattern has 501 nodes; share links allow at most 500"));
        CHECK(decode_share_payload(nodes_json(500)).ok);
        std::string edges = R"({"v":1,"pattern":{"edges":[)";
        for (int i = 0; i < 2001; ++i) edges += std::string(i ? "," : "") + R"({"from":"a","to":"b"})";
        CHECK(has_error(decode_share_payload(edges + "]}}").diagnostics, "/pattern/edges",
                        "shared pattern has 2001 edges; share links allow at most 2000"));
    }

    TEST_CASE("a pattern's own problems are warnings under /pattern, and the link still opens") {
        ShareDecodeResult r = decode_share_payload(R"({"v":1,"pattern":{"nodes":[{"id":"bad id!","type":"lambda"}]}})");
        CHECK(r.ok);
        CHECK(has_warning(r.diagnostics, "/pattern/nodes/0/id"));
    }

    TEST_CASE("base64url round trips every length and byte value") {
        std::string bytes;
        for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
        for (std::size_t n = 0; n <= bytes.size(); n += 1) {
            const std::string enc = base64url_encode(bytes.substr(0, n));
            CHECK(enc.find_first_of("+/=") == std::string::npos);
            Base64Result dec = base64url_decode(enc);
            REQUIRE(dec.ok);
            CHECK(dec.bytes == bytes.substr(0, n));
        }
        CHECK(base64url_encode("hello") == "aGVsbG8");
        CHECK(base64url_decode("aGVsbG8=").bytes == "hello");  // correct padding accepted
        CHECK(base64url_encode("\xfb\xff") == "-_8");
    }

    TEST_CASE("base64url decoding is strict and names the offset") {
        CHECK(base64url_decode("aGV+bG8").error == "invalid base64url character '+' at offset 3");
        CHECK(base64url_decode("aGV sbG8").error == "invalid base64url character ' ' at offset 3");
        CHECK(base64url_decode("aGVs\nbG8").error == "invalid base64url character byte 0x0a at offset 4");
        CHECK(base64url_decode("aGVsb").error ==
              "invalid base64url length 5 (truncated: a length of 4n+1 cannot be decoded)");
        CHECK(base64url_decode("aGVsbG8==").error == "invalid base64url padding at offset 7");
        CHECK(base64url_decode("aG=VsbG8").error == "invalid base64url character '=' at offset 2");
        CHECK(base64url_decode("aGVsbG9").error == "invalid base64url ending: non-zero trailing bits at offset 6");
        CHECK(base64url_decode("aGVsbG8", 4).error == "base64url payload too large: 5 bytes (limit 4)");
        CHECK(base64url_decode("").ok);
    }
}
