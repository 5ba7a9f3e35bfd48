// jsonpath.cpp — JSONPath parsing, lookup (with Jayway's error texts) and ResultPath assignment.
#include "stepfunctions/jsonpath.h"

#include <cctype>

namespace sim::sfn {

namespace {

using nlohmann::json;

struct Parser {
    std::string_view s;
    std::size_t i = 0;
    bool in_filter = false;
    std::string error;

    bool fail(const std::string& what) {
        if (error.empty()) error = what + " at position " + std::to_string(i);
        return false;
    }
    bool at_end() const { return i >= s.size(); }
    char peek() const { return i < s.size() ? s[i] : '\0'; }

    void skip_spaces() {
        while (!at_end() && (s[i] == ' ' || s[i] == '\t')) ++i;
    }

    // Dot-notation name: stops at '.', '[' and, inside filters and intrinsics, at operators.
    bool read_dot_name(std::string& name) {
        std::size_t start = i;
        while (!at_end()) {
            char c = s[i];
            if (c == '.' || c == '[') break;
            if (in_filter && (c == ' ' || c == ')' || c == '=' || c == '!' || c == '<' || c == '>' || c == '&' ||
                              c == '|' || c == ','))
                break;
            if (!in_filter &&
                (c == ' ' || c == '\t' || c == '\n' || c == ']' || c == '\'' || c == '"' || c == '(' || c == ')'))
                return fail(std::string("unexpected character '") + c + "'");
            ++i;
        }
        name = std::string(s.substr(start, i - start));
        if (name.empty()) return fail("expected a property name");
        return true;
    }

    bool read_quoted(std::string& out) {
        char quote = s[i++];
        out.clear();
        while (!at_end() && s[i] != quote) {
            if (s[i] == '\\' && i + 1 < s.size()) ++i;
            out.push_back(s[i++]);
        }
        if (at_end()) return fail("unterminated quoted name");
        ++i;
        return true;
    }

    bool read_int(long long& v) {
        std::size_t start = i;
        if (peek() == '-') ++i;
        if (at_end() || !std::isdigit(static_cast<unsigned char>(s[i]))) return fail("expected an integer");
        while (!at_end() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
        if (i - start > 18) return fail("integer too large");
        v = std::stoll(std::string(s.substr(start, i - start)));
        return true;
    }

    bool parse_bracket(PathSegment& seg) {
        ++i;  // '['
        skip_spaces();
        char c = peek();
        if (c == '*') {
            ++i;
            seg.kind = PathSegment::Kind::Wildcard;
        } else if (c == '?') {
            ++i;
            skip_spaces();
            if (peek() != '(') return fail("expected '(' after '?'");
            ++i;
            std::string ferr;
            seg.filter = parse_filter(s, &i, &ferr);
            if (!seg.filter) return fail(ferr.empty() ? "bad filter" : ferr);
            skip_spaces();
            if (peek() != ')') return fail("expected ')' closing the filter");
            ++i;
            seg.kind = PathSegment::Kind::Filter;
        } else if (c == '\'' || c == '"') {
            seg.kind = PathSegment::Kind::Names;
            for (;;) {
                std::string name;
                if (!read_quoted(name)) return false;
                seg.names.push_back(name);
                skip_spaces();
                if (peek() != ',') break;
                ++i;
                skip_spaces();
                if (peek() != '\'' && peek() != '"') return fail("expected a quoted name");
            }
        } else if (c == ':' || c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
            long long first = 0;
            bool has_first = false;
            if (c != ':') {
                if (!read_int(first)) return false;
                has_first = true;
            }
            skip_spaces();
            if (peek() == ':') {
                seg.kind = PathSegment::Kind::Slice;
                if (has_first) seg.slice_start = first;
                ++i;
                skip_spaces();
                if (peek() == '-' || std::isdigit(static_cast<unsigned char>(peek()))) {
                    long long end = 0;
                    if (!read_int(end)) return false;
                    seg.slice_end = end;
                }
                skip_spaces();
                if (peek() == ':') {
                    ++i;
                    long long step = 1;
                    if (!read_int(step)) return false;
                    if (step == 0) return fail("slice step must not be 0");
                    seg.slice_step = step;
                }
            } else {
                seg.kind = PathSegment::Kind::Indexes;
                seg.indexes.push_back(first);
                while (peek() == ',') {
                    ++i;
                    skip_spaces();
                    long long v = 0;
                    if (!read_int(v)) return false;
                    seg.indexes.push_back(v);
                    skip_spaces();
                }
            }
        } else {
            return fail(at_end() ? std::string("unterminated '['") : std::string("unexpected character '") + c + "'");
        }
        skip_spaces();
        if (peek() != ']') return fail("expected ']'");
        ++i;
        return true;
    }

    bool parse_segments(std::vector<PathSegment>& segs) {
        while (!at_end()) {
            char c = s[i];
            if (c == '.') {
                PathSegment seg;
                ++i;
                if (peek() == '.') {
                    seg.deep = true;
                    ++i;
                    if (peek() == '[') {
                        if (!parse_bracket(seg)) return false;
                        segs.push_back(std::move(seg));
                        continue;
                    }
                }
                if (peek() == '*') {
                    ++i;
                    seg.kind = PathSegment::Kind::Wildcard;
                } else {
                    std::string name;
                    if (!read_dot_name(name)) return false;
                    seg.kind = PathSegment::Kind::Names;
                    seg.names.push_back(name);
                }
                segs.push_back(std::move(seg));
            } else if (c == '[') {
                PathSegment seg;
                if (!parse_bracket(seg)) return false;
                segs.push_back(std::move(seg));
            } else {
                return true;  // the caller decides whether trailing text is an error
            }
        }
        return true;
    }
};

std::string quote_name(const std::string& n) {
    return "'" + n + "'";
}

std::string segment_text(const PathSegment& seg) {
    std::string out = seg.deep ? ".." : "";
    switch (seg.kind) {
        case PathSegment::Kind::Names: {
            out += "[";
            for (std::size_t k = 0; k < seg.names.size(); ++k) out += (k ? "," : "") + quote_name(seg.names[k]);
            return out + "]";
        }
        case PathSegment::Kind::Indexes: {
            out += "[";
            for (std::size_t k = 0; k < seg.indexes.size(); ++k) out += (k ? "," : "") + std::to_string(seg.indexes[k]);
            return out + "]";
        }
        case PathSegment::Kind::Wildcard:
            return out + "[*]";
        case PathSegment::Kind::Slice:
            return out + "[" + (seg.slice_start ? std::to_string(*seg.slice_start) : "") + ":" +
                   (seg.slice_end ? std::to_string(*seg.slice_end) : "") + "]";
        case PathSegment::Kind::Filter:
            return out + "[?]";
    }
    return out;
}

// Applies one segment (without its `deep` flag) to `node`.
void apply_segment(const PathSegment& seg, const json& node, const json& root_doc, std::vector<const json*>& out) {
    switch (seg.kind) {
        case PathSegment::Kind::Names:
            if (!node.is_object()) return;
            for (const auto& n : seg.names) {
                auto it = node.find(n);
                if (it != node.end()) out.push_back(&*it);
            }
            return;
        case PathSegment::Kind::Indexes:
            if (!node.is_array()) return;
            for (long long idx : seg.indexes) {
                long long n = static_cast<long long>(node.size());
                long long eff = idx < 0 ? n + idx : idx;
                if (eff >= 0 && eff < n) out.push_back(&node[static_cast<std::size_t>(eff)]);
            }
            return;
        case PathSegment::Kind::Wildcard:
            if (node.is_array() || node.is_object())
                for (const auto& child : node) out.push_back(&child);
            return;
        case PathSegment::Kind::Slice: {
            if (!node.is_array()) return;
            long long n = static_cast<long long>(node.size());
            auto clamp = [n](long long v) { return v < 0 ? std::max(0LL, n + v) : std::min(v, n); };
            long long step = seg.slice_step;
            if (step > 0) {
                long long from = seg.slice_start ? clamp(*seg.slice_start) : 0;
                long long to = seg.slice_end ? clamp(*seg.slice_end) : n;
                for (long long k = from; k < to; k += step) out.push_back(&node[static_cast<std::size_t>(k)]);
            } else {
                long long from = seg.slice_start ? std::min(clamp(*seg.slice_start), n - 1) : n - 1;
                long long to = seg.slice_end ? clamp(*seg.slice_end) : -1;
                for (long long k = from; k > to; k += step) out.push_back(&node[static_cast<std::size_t>(k)]);
            }
            return;
        }
        case PathSegment::Kind::Filter:
            if (node.is_array()) {
                for (const auto& child : node)
                    if (filter_matches(*seg.filter, child, root_doc)) out.push_back(&child);
            } else if (node.is_object()) {
                // Jayway applies a filter on an object to the object itself.
                if (filter_matches(*seg.filter, node, root_doc)) out.push_back(&node);
            }
            return;
    }
}

void collect_descendants(const json& node, std::vector<const json*>& out) {
    out.push_back(&node);
    if (node.is_array() || node.is_object())
        for (const auto& child : node) collect_descendants(child, out);
}

}  // namespace

void select_nodes(const std::vector<PathSegment>& segments, const json& node, const json& root_doc,
                  std::vector<const json*>& out) {
    std::vector<const json*> current{&node};
    for (const auto& seg : segments) {
        std::vector<const json*> next;
        for (const json* n : current) {
            if (seg.deep) {
                std::vector<const json*> all;
                collect_descendants(*n, all);
                for (const json* d : all) apply_segment(seg, *d, root_doc, next);
            } else {
                apply_segment(seg, *n, root_doc, next);
            }
        }
        current = std::move(next);
    }
    out.insert(out.end(), current.begin(), current.end());
}

std::optional<JsonPath> JsonPath::parse_prefix(std::string_view text, std::size_t pos, std::size_t* end,
                                               std::string* error, bool allow_current) {
    Parser p{text, pos, allow_current, {}};
    JsonPath path;
    if (p.peek() == '@' && allow_current) {
        path.root_ = Root::Current;
        ++p.i;
    } else if (p.peek() == '$') {
        ++p.i;
        if (p.peek() == '$') {
            path.root_ = Root::Context;
            ++p.i;
        }
    } else {
        if (error) *error = "a path must start with '$'";
        return std::nullopt;
    }
    if (!p.parse_segments(path.segments_)) {
        if (error) *error = p.error;
        return std::nullopt;
    }
    path.text_ = std::string(text.substr(pos, p.i - pos));
    if (end) *end = p.i;
    return path;
}

std::optional<JsonPath> JsonPath::parse(std::string_view text, std::string* error) {
    std::size_t end = 0;
    auto path = parse_prefix(text, 0, &end, error, false);
    if (!path) return std::nullopt;
    if (end != text.size()) {
        if (error) *error = std::string("unexpected character '") + text[end] + "' at position " + std::to_string(end);
        return std::nullopt;
    }
    return path;
}

bool JsonPath::is_definite() const {
    for (const auto& seg : segments_) {
        if (seg.deep) return false;
        if (seg.kind == PathSegment::Kind::Names && seg.names.size() == 1) continue;
        if (seg.kind == PathSegment::Kind::Indexes && seg.indexes.size() == 1) continue;
        return false;
    }
    return true;
}

std::string JsonPath::normalized() const {
    std::string out = root_ == Root::Context ? "$$" : root_ == Root::Current ? "@" : "$";
    for (const auto& seg : segments_) out += segment_text(seg);
    return out;
}

PathLookup JsonPath::find(const json& doc) const {
    return find(doc, doc);
}

PathLookup JsonPath::find(const json& doc, const json& root_doc) const {
    PathLookup result;
    if (!is_definite()) {
        std::vector<const json*> nodes;
        select_nodes(segments_, doc, root_doc, nodes);
        result.found = true;
        result.value = json::array();
        for (const json* n : nodes) result.value.push_back(*n);
        return result;
    }
    // Definite: walk step by step to reproduce Jayway's messages.
    const json* node = &doc;
    std::string walked = root_ == Root::Context ? "$$" : "$";
    for (std::size_t k = 0; k < segments_.size(); ++k) {
        const auto& seg = segments_[k];
        bool leaf = k + 1 == segments_.size();
        walked += segment_text(seg);
        if (seg.kind == PathSegment::Kind::Names) {
            if (!node->is_object()) {
                result.error = "Expected to find an object with property " + segment_text(seg) + " in path " +
                               walked.substr(0, walked.size() - segment_text(seg).size()) + " but found '" +
                               std::string(node->type_name()) + "'";
                return result;
            }
            auto it = node->find(seg.names[0]);
            if (it == node->end()) {
                result.error = leaf ? "No results for path: " + normalized() : "Missing property in path " + walked;
                return result;
            }
            node = &*it;
        } else {
            if (!node->is_array()) {
                result.error = "No results for path: " + normalized();
                return result;
            }
            long long n = static_cast<long long>(node->size());
            long long eff = seg.indexes[0] < 0 ? n + seg.indexes[0] : seg.indexes[0];
            if (eff < 0 || eff >= n) {
                result.error = "No results for path: " + normalized();
                return result;
            }
            node = &(*node)[static_cast<std::size_t>(eff)];
        }
    }
    result.found = true;
    result.value = *node;
    return result;
}

std::optional<std::string> JsonPath::assign(json& doc, json value) const {
    if (!is_reference_path()) return "the path '" + text_ + "' is not a reference path";
    json* node = &doc;
    for (const auto& seg : segments_) {
        if (seg.kind == PathSegment::Kind::Names) {
            if (node->is_null()) *node = json::object();
            if (!node->is_object()) return "cannot set field '" + seg.names[0] + "' on a non-object";
            node = &(*node)[seg.names[0]];
        } else {
            if (!node->is_array()) return "cannot index a non-array";
            long long n = static_cast<long long>(node->size());
            long long eff = seg.indexes[0] < 0 ? n + seg.indexes[0] : seg.indexes[0];
            if (eff < 0 || eff >= n) return "array index out of range";
            node = &(*node)[static_cast<std::size_t>(eff)];
        }
    }
    *node = std::move(value);
    return std::nullopt;
}

}  // namespace sim::sfn
