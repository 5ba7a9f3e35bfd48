// bounded_regex.cpp — a Pike VM for JSONPath `=~` (see bounded_regex.h). The parser recurses only
// per group level (at most 32); matching is a loop over the input with an explicit stack.
#include "stepfunctions/bounded_regex.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace sim::sfn {

namespace {

constexpr int kMaxGroupDepth = 32;
constexpr std::size_t kMaxProgram = 10'000;
constexpr int kMaxCount = 1000;  // {n,m} bounds

enum SetBits : unsigned { kDigit = 1, kWord = 2, kSpace = 4, kNotDigit = 8, kNotWord = 16, kNotSpace = 32 };

struct CharClass {
    std::vector<std::pair<char32_t, char32_t>> ranges;
    unsigned sets = 0;
    bool negated = false;
};

bool is_digit(char32_t c) {
    return c >= '0' && c <= '9';
}
bool is_word(char32_t c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_space(char32_t c) {
    return c == ' ' || (c >= 9 && c <= 13);
}  // Java \s: [ \t\n\x0B\f\r]
char32_t lower(char32_t c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}
char32_t upper(char32_t c) {
    return c >= 'a' && c <= 'z' ? c - 32 : c;
}

bool in_sets(unsigned sets, char32_t c) {
    return ((sets & kDigit) && is_digit(c)) || ((sets & kWord) && is_word(c)) || ((sets & kSpace) && is_space(c)) ||
           ((sets & kNotDigit) && !is_digit(c)) || ((sets & kNotWord) && !is_word(c)) ||
           ((sets & kNotSpace) && !is_space(c));
}

bool in_class(const CharClass& k, char32_t c, bool icase) {
    auto has = [&](char32_t x) {
        if (in_sets(k.sets, x)) return true;
        for (const auto& [lo, hi] : k.ranges)
            if (x >= lo && x <= hi) return true;
        return false;
    };
    const bool in = has(c) || (icase && (has(lower(c)) || has(upper(c))));
    return in != k.negated;
}

// UTF-8 to code points; a byte that starts no valid sequence stands for itself.
std::vector<char32_t> decode(std::string_view s) {
    std::vector<char32_t> out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        bool ok = len > 0 && i + len <= s.size();
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (std::size_t k = 1; ok && k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            ok = (cc & 0xC0u) == 0x80u;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        out.push_back(ok ? cp : c);
        i += ok ? len : 1;
    }
    return out;
}

enum class Op : std::uint8_t { Char, Any, Class, Split, Jmp, Match, Begin, End };

struct Inst {
    Op op = Op::Match;
    char32_t ch = 0;
    int x = 0, y = 0;  // Split/Jmp targets; Class: x is the class index
};

struct Node {
    enum class Kind { Char, Any, Class, Begin, End, Cat, Alt, Repeat } kind = Kind::Cat;
    char32_t ch = 0;
    int cls = 0;
    std::vector<int> kids;
    int min = 0, max = 0;  // Repeat; max -1 = unbounded
};

struct Parser {
    std::vector<char32_t> p;
    std::size_t i = 0;
    int depth = 0;
    std::string error;
    std::vector<Node> nodes;
    std::vector<CharClass> classes;

    bool at(char32_t c) const { return i < p.size() && p[i] == c; }
    int fail(std::string why) {
        if (error.empty()) error = std::move(why);
        return -1;
    }
    int add(Node n) {
        nodes.push_back(std::move(n));
        return static_cast<int>(nodes.size() - 1);
    }

    int alternation() {
        Node alt;
        alt.kind = Node::Kind::Alt;
        alt.kids.push_back(sequence());
        while (error.empty() && at('|')) {
            ++i;
            alt.kids.push_back(sequence());
        }
        if (!error.empty()) return -1;
        return alt.kids.size() == 1 ? alt.kids[0] : add(std::move(alt));
    }

    int sequence() {
        Node cat;
        cat.kind = Node::Kind::Cat;
        while (error.empty() && i < p.size() && p[i] != '|' && p[i] != ')') cat.kids.push_back(repeat());
        return error.empty() ? add(std::move(cat)) : -1;
    }

    bool number(int& out) {
        const std::size_t start = i;
        out = 0;
        while (i < p.size() && is_digit(p[i])) {
            out = out * 10 + static_cast<int>(p[i++] - '0');
            if (out > kMaxCount) return false;
        }
        return i > start;
    }

    int repeat() {
        const int atom_node = atom();
        if (atom_node < 0 || i >= p.size()) return atom_node;
        Node r;
        r.kind = Node::Kind::Repeat;
        r.kids.push_back(atom_node);
        const char32_t q = p[i];
        if (q == '*')
            r.min = 0, r.max = -1;
        else if (q == '+')
            r.min = 1, r.max = -1;
        else if (q == '?')
            r.min = 0, r.max = 1;
        else if (q != '{')
            return atom_node;
        ++i;
        if (q == '{') {
            if (!number(r.min)) return fail("bad or too large {n,m} count (at most " + std::to_string(kMaxCount) + ")");
            r.max = r.min;
            if (at(',')) {
                ++i;
                r.max = -1;
                if (!at('}') && !number(r.max)) return fail("bad or too large {n,m} count");
            }
            if (!at('}')) return fail("unterminated {n,m}");
            ++i;
            if (r.max >= 0 && r.max < r.min) return fail("{n,m} with m < n");
        }
        if (at('?'))
            ++i;  // lazy: the same answer for a whole-string match
        else if (at('+'))
            return fail("possessive quantifiers are not supported");
        if (i < p.size() && (p[i] == '*' || p[i] == '+' || p[i] == '?' || p[i] == '{'))
            return fail("dangling quantifier");
        return add(std::move(r));
    }

    // After a backslash: a character (returns true, sets ch) or a set (sets `set`).
    bool escape(char32_t& ch, unsigned& set) {
        if (i >= p.size()) return fail("trailing backslash"), false;
        const char32_t e = p[i++];
        set = 0;
        switch (e) {
            case 'd':
                set = kDigit;
                return true;
            case 'w':
                set = kWord;
                return true;
            case 's':
                set = kSpace;
                return true;
            case 'D':
                set = kNotDigit;
                return true;
            case 'W':
                set = kNotWord;
                return true;
            case 'S':
                set = kNotSpace;
                return true;
            case 't':
                ch = '\t';
                return true;
            case 'n':
                ch = '\n';
                return true;
            case 'r':
                ch = '\r';
                return true;
            case 'f':
                ch = '\f';
                return true;
            case 'a':
                ch = 7;
                return true;
            case 'e':
                ch = 27;
                return true;
            case 'x':
            case 'u': {
                const std::size_t n = e == 'x' ? 2 : 4;
                ch = 0;
                for (std::size_t k = 0; k < n; ++k, ++i) {
                    if (i >= p.size())
                        return fail("short \\" + std::string(1, static_cast<char>(e)) + " escape"), false;
                    const char32_t h = p[i];
                    const int v = is_digit(h)                            ? int(h - '0')
                                  : (lower(h) >= 'a' && lower(h) <= 'f') ? int(lower(h) - 'a' + 10)
                                                                         : -1;
                    if (v < 0)
                        return fail("bad hex digit in \\" + std::string(1, static_cast<char>(e)) + " escape"), false;
                    ch = ch * 16 + static_cast<char32_t>(v);
                }
                return true;
            }
            default:
                break;
        }
        if (e < 0x80 && is_word(e)) return fail(std::string("\\") + static_cast<char>(e) + " is not supported"), false;
        ch = e;  // escaped punctuation (or any non-ASCII character) stands for itself
        return true;
    }

    int char_class() {
        CharClass k;
        if (at('^')) ++i, k.negated = true;
        bool first = true;
        while (true) {
            if (i >= p.size()) return fail("unterminated [ character class");
            if (p[i] == ']' && !first) break;
            first = false;
            if (p[i] == '[' || (p[i] == '&' && i + 1 < p.size() && p[i + 1] == '&'))
                return fail("nested character classes and && are not supported");
            char32_t lo = p[i++];
            unsigned set = 0;
            if (lo == '\\' && !escape(lo, set)) return -1;
            if (set) {
                k.sets |= set;
                continue;
            }
            char32_t hi = lo;
            if (at('-') && i + 1 < p.size() && p[i + 1] != ']') {
                ++i;
                hi = p[i++];
                if (hi == '[') return fail("nested character classes are not supported");
                if (hi == '\\' && !escape(hi, set)) return -1;
                if (set) return fail("a range cannot end in a \\d, \\w or \\s set");
                if (hi < lo) return fail("character range out of order");
            }
            k.ranges.emplace_back(lo, hi);
        }
        ++i;  // ']'
        classes.push_back(std::move(k));
        Node n;
        n.kind = Node::Kind::Class;
        n.cls = static_cast<int>(classes.size() - 1);
        return add(std::move(n));
    }

    int atom() {
        const char32_t c = p[i++];
        Node n;
        switch (c) {
            case '(': {
                if (++depth > kMaxGroupDepth)
                    return fail("groups nested deeper than " + std::to_string(kMaxGroupDepth));
                if (at('?')) {
                    if (i + 1 < p.size() && p[i + 1] == ':')
                        i += 2;
                    else
                        return fail("lookaround and other (?...) groups are not supported");
                }
                const int inner = alternation();
                if (inner < 0) return -1;
                if (!at(')')) return fail("missing )");
                ++i;
                --depth;
                return inner;
            }
            case '[':
                return char_class();
            case '.':
                n.kind = Node::Kind::Any;
                return add(std::move(n));
            case '^':
                n.kind = Node::Kind::Begin;
                return add(std::move(n));
            case '$':
                n.kind = Node::Kind::End;
                return add(std::move(n));
            case '*':
            case '+':
            case '?':
            case '{':
                return fail("nothing to repeat");
            case '\\': {
                unsigned set = 0;
                char32_t ch = 0;
                if (!escape(ch, set)) return -1;
                if (set) {
                    CharClass k;
                    k.sets = set;
                    classes.push_back(std::move(k));
                    n.kind = Node::Kind::Class;
                    n.cls = static_cast<int>(classes.size() - 1);
                    return add(std::move(n));
                }
                n.kind = Node::Kind::Char;
                n.ch = ch;
                return add(std::move(n));
            }
            default:
                n.kind = Node::Kind::Char;
                n.ch = c;
                return add(std::move(n));
        }
    }
};

}  // namespace

struct BoundedRegex::Program {
    std::vector<Inst> code;
    std::vector<CharClass> classes;
    bool icase = false;
};

namespace {

struct Compiler {
    const std::vector<Node>& nodes;
    std::vector<Inst>& code;
    bool icase;
    bool too_big = false;

    int emit(Inst in) {
        if (code.size() >= kMaxProgram) too_big = true;
        if (too_big) return 0;
        code.push_back(in);
        return static_cast<int>(code.size() - 1);
    }
    int here() const { return static_cast<int>(code.size()); }

    void node(int id) {  // recursion depth: the group nesting (bounded by the parser)
        if (too_big) return;
        const Node& n = nodes[static_cast<std::size_t>(id)];
        switch (n.kind) {
            case Node::Kind::Char:
                emit({Op::Char, icase ? lower(n.ch) : n.ch, 0, 0});
                return;
            case Node::Kind::Any:
                emit({Op::Any, 0, 0, 0});
                return;
            case Node::Kind::Class:
                emit({Op::Class, 0, n.cls, 0});
                return;
            case Node::Kind::Begin:
                emit({Op::Begin, 0, 0, 0});
                return;
            case Node::Kind::End:
                emit({Op::End, 0, 0, 0});
                return;
            case Node::Kind::Cat:
                for (int k : n.kids) node(k);
                return;
            case Node::Kind::Alt: {
                std::vector<int> jumps;
                for (std::size_t k = 0; k + 1 < n.kids.size() && !too_big; ++k) {
                    const int split = emit({Op::Split, 0, 0, 0});
                    code[static_cast<std::size_t>(split)].x = here();
                    node(n.kids[k]);
                    jumps.push_back(emit({Op::Jmp, 0, 0, 0}));
                    if (!too_big) code[static_cast<std::size_t>(split)].y = here();
                }
                node(n.kids.back());
                if (!too_big)
                    for (int j : jumps) code[static_cast<std::size_t>(j)].x = here();
                return;
            }
            case Node::Kind::Repeat: {
                const int kid = n.kids[0];
                for (int k = 0; k < n.min && !too_big; ++k) node(kid);
                if (n.max < 0) {
                    const int split = emit({Op::Split, 0, 0, 0});
                    if (too_big) return;
                    code[static_cast<std::size_t>(split)].x = here();
                    node(kid);
                    emit({Op::Jmp, 0, split, 0});
                    if (!too_big) code[static_cast<std::size_t>(split)].y = here();
                    return;
                }
                std::vector<int> splits;
                for (int k = n.min; k < n.max && !too_big; ++k) {
                    const int split = emit({Op::Split, 0, 0, 0});
                    if (too_big) return;
                    code[static_cast<std::size_t>(split)].x = here();
                    splits.push_back(split);
                    node(kid);
                }
                if (!too_big)
                    for (int s : splits) code[static_cast<std::size_t>(s)].y = here();
                return;
            }
        }
    }
};

}  // namespace

std::variant<BoundedRegex, std::string> BoundedRegex::compile(std::string_view pattern, bool ignore_case) {
    Parser parser;
    parser.p = decode(pattern);
    const int root = parser.alternation();
    if (root >= 0 && parser.i < parser.p.size()) parser.fail("unmatched )");
    if (!parser.error.empty()) return parser.error;
    auto program = std::make_shared<Program>();
    program->icase = ignore_case;
    program->classes = std::move(parser.classes);
    Compiler compiler{parser.nodes, program->code, ignore_case};
    compiler.node(root);
    compiler.emit({Op::Match, 0, 0, 0});
    if (compiler.too_big) return "the pattern expands to more than " + std::to_string(kMaxProgram) + " steps";
    BoundedRegex out;
    out.program_ = std::move(program);
    return out;
}

bool BoundedRegex::full_match(std::string_view text) const {
    const Program& prog = *program_;
    const std::vector<char32_t> s = decode(text);
    const std::size_t n = s.size();
    std::vector<std::size_t> mark(prog.code.size(), SIZE_MAX);  // the step a pc was last added in
    std::vector<int> current, next, stack;
    // Follows jumps, splits and assertions from `pc` at input position `pos` (iteratively).
    auto add = [&](std::vector<int>& list, int pc0, std::size_t pos) {
        stack.push_back(pc0);
        while (!stack.empty()) {
            const int pc = stack.back();
            stack.pop_back();
            auto& m = mark[static_cast<std::size_t>(pc)];
            if (m == pos) continue;
            m = pos;
            const Inst& in = prog.code[static_cast<std::size_t>(pc)];
            switch (in.op) {
                case Op::Jmp:
                    stack.push_back(in.x);
                    break;
                case Op::Split:
                    stack.push_back(in.y);
                    stack.push_back(in.x);
                    break;
                case Op::Begin:
                    if (pos == 0) stack.push_back(pc + 1);
                    break;
                case Op::End:
                    if (pos == n) stack.push_back(pc + 1);
                    break;
                default:
                    list.push_back(pc);
            }
        }
    };
    add(current, 0, 0);
    for (std::size_t pos = 0; pos < n && !current.empty(); ++pos) {
        const char32_t c = s[pos];
        next.clear();
        for (int pc : current) {
            const Inst& in = prog.code[static_cast<std::size_t>(pc)];
            bool ok = false;
            if (in.op == Op::Char)
                ok = (prog.icase ? lower(c) : c) == in.ch;
            else if (in.op == Op::Any)
                ok = c != '\n' && c != '\r' && c != 0x85 && c != 0x2028 && c != 0x2029;
            else if (in.op == Op::Class)
                ok = in_class(prog.classes[static_cast<std::size_t>(in.x)], c, prog.icase);
            if (ok) add(next, pc + 1, pos + 1);
        }
        std::swap(current, next);
    }
    for (int pc : current)
        if (prog.code[static_cast<std::size_t>(pc)].op == Op::Match) return true;
    return false;
}

}  // namespace sim::sfn
