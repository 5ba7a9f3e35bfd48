// payload_template.cpp — placeholder expansion for traffic payloads.
#include "traffic/payload_template.h"

#include "schedule/utc_time.h"

#include <cstdio>
#include <cstdlib>

namespace sim {

std::string iso8601_utc(std::uint64_t unix_s) {
    // Callers stamp many events in the same second (every SNS envelope): remember the last one.
    thread_local std::uint64_t last_s = UINT64_MAX;
    thread_local std::string last_text;
    if (unix_s != last_s) {
        last_text = schedule::format_utc(static_cast<std::int64_t>(unix_s));
        last_s = unix_s;
    }
    return last_text;
}

std::string random_uuid(Rng& rng) {
    const std::uint64_t a = rng.next_u64(), b = rng.next_u64();
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                  static_cast<unsigned>((a >> 16) & 0xffff), static_cast<unsigned>(a & 0xfff),
                  static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3fff)),
                  static_cast<unsigned long long>(b & 0xffffffffffffULL));
    return buf;
}

namespace {

struct Expander {
    Rng& rng;
    std::uint64_t seq;
    std::uint64_t unix_s;
    Diagnostics* diags = nullptr;  // set while compiling: report instead of expanding
    std::string path;
    bool found = false;

    // Expands one placeholder body ("int:1:100"); returns false when unknown.
    bool expand(const std::string& body, std::string& out, Json* as_number) {
        found = true;
        if (body == "uuid") {
            out += diags ? "" : random_uuid(rng);
            return true;
        }
        if (body == "seq") {
            if (as_number) *as_number = seq;
            out += std::to_string(seq);
            return true;
        }
        if (body == "time") {
            out += iso8601_utc(unix_s);
            return true;
        }
        if (body.rfind("int:", 0) == 0) {
            char* end = nullptr;
            const long long lo = std::strtoll(body.c_str() + 4, &end, 10);
            if (!end || *end != ':') return false;
            char* end2 = nullptr;
            const long long hi = std::strtoll(end + 1, &end2, 10);
            if (!end2 || *end2 != '\0' || hi < lo) return false;
            const long long v =
                lo + static_cast<long long>(diags ? 0 : rng.below(static_cast<std::uint64_t>(hi - lo) + 1));
            if (as_number) *as_number = v;
            out += std::to_string(v);
            return true;
        }
        if (body.rfind("pick:", 0) == 0) {
            std::vector<std::string> options;
            std::size_t start = 5;
            while (true) {
                std::size_t bar = body.find('|', start);
                options.push_back(body.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
                if (bar == std::string::npos) break;
                start = bar + 1;
            }
            out += diags ? options[0] : options[rng.below(options.size())];
            return true;
        }
        return false;
    }

    Json string(const std::string& s, const std::string& where) {
        std::string out;
        Json number;
        std::size_t i = 0;
        int placeholders = 0;
        while (i < s.size()) {
            std::size_t open = s.find("{{", i);
            if (open == std::string::npos) break;
            std::size_t close = s.find("}}", open + 2);
            if (close == std::string::npos) break;
            out.append(s, i, open - i);
            const std::string body = s.substr(open + 2, close - open - 2);
            ++placeholders;
            if (!expand(body, out, open == 0 && close + 2 == s.size() ? &number : nullptr)) {
                if (diags)
                    diags->error(
                        where, "unknown placeholder {{" + body + "}}: expected uuid, seq, time, int:LO:HI or pick:a|b");
                out += "{{" + body + "}}";
            }
            i = close + 2;
        }
        out.append(s, i, std::string::npos);
        if (placeholders == 1 && !number.is_null()) return number;
        return out;
    }

    Json walk(const Json& j, const std::string& where) {
        if (j.is_string()) return string(j.get<std::string>(), where);
        if (j.is_object()) {
            Json o = Json::object();
            for (auto it = j.begin(); it != j.end(); ++it) o[it.key()] = walk(it.value(), where + "/" + it.key());
            return o;
        }
        if (j.is_array()) {
            Json a = Json::array();
            for (std::size_t i = 0; i < j.size(); ++i) a.push_back(walk(j[i], where + "/" + std::to_string(i)));
            return a;
        }
        return j;
    }
};

}  // namespace

PayloadTemplate PayloadTemplate::compile(const Json& tmpl, const std::string& path, Diagnostics& d) {
    PayloadTemplate t;
    t.template_ = tmpl;
    Rng scratch(0);
    Expander e{scratch, 0, 0, &d, path, false};
    e.walk(tmpl, path);
    if (!e.found) t.constant_ = std::make_shared<const Json>(tmpl);
    return t;
}

JsonPtr PayloadTemplate::instantiate(Rng& rng, std::uint64_t seq, std::uint64_t unix_s) const {
    if (constant_) return constant_;
    Expander e{rng, seq, unix_s, nullptr, {}, false};
    return std::make_shared<const Json>(e.walk(template_, ""));
}

}  // namespace sim
