// cron_parse.cpp — parsing and validation of the six cron fields (CronSpec::parse).
// AWS documents the syntax (eb-cron-expressions); where it is silent we follow Quartz, whose
// syntax EventBridge cron follows: wrap-around ranges (22-2 = 22,23,0,1,2), step limits (a step
// may not exceed the field's largest value), and L / W / # forms that must stand alone.
#include "schedule/cron_spec.h"

#include <array>
#include <vector>

namespace sim::schedule {

namespace {

enum class Names { None, Months, Weekdays };

struct FieldInfo {
    const char* name;  // as AWS names the field, lower-case
    int min;
    int max;
    bool wraps;            // a range a-b with b < a wraps around (Quartz); years cannot
    const char* expected;  // for messages
    Names names;
};

constexpr FieldInfo kMinutes{"minutes", 0, 59, true, "0-59", Names::None};
constexpr FieldInfo kHours{"hours", 0, 23, true, "0-23", Names::None};
constexpr FieldInfo kDayOfMonth{"day-of-month", 1, 31, true, "1-31", Names::None};
constexpr FieldInfo kMonth{"month", 1, 12, true, "1-12 or JAN-DEC", Names::Months};
constexpr FieldInfo kDayOfWeek{"day-of-week", 1, 7, true, "1-7 or SUN-SAT", Names::Weekdays};
constexpr FieldInfo kYear{"year", kCronMinYear, kCronMaxYear, false, "1970-2199", Names::None};

constexpr std::array<const char*, 12> kMonthNames = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                     "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr std::array<const char*, 7> kWeekdayNames = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

using ValueSet = std::bitset<256>;  // bit (value - field.min)

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// Numbers are at most 4 digits (years); longer digit strings are out of range anyway.
int to_int(std::string_view digits) {
    int v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// The first `count` bits of a value set as an integer (count <= 64).
std::uint64_t low_bits(const ValueSet& v, int count) {
    std::uint64_t bits = 0;
    for (int i = 0; i < count; ++i)
        if (v[static_cast<std::size_t>(i)]) bits |= std::uint64_t{1} << i;
    return bits;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t pos = s.find(sep, start);
        parts.push_back(s.substr(start, pos == std::string_view::npos ? pos : pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return parts;
}

}  // namespace

// Fills a CronSpec field by field; every method returns an error message or nullopt.
class CronParser {
public:
    explicit CronParser(CronSpec& spec) : spec_(spec) {}

    std::optional<std::string> parse(std::string_view text) {
        if (text.empty()) return "cron expression needs 6 fields " + shape() + ", got none";
        if (text.front() == ' ' || text.back() == ' ')
            return "cron expression must not start or end with a space inside the parentheses, "
                   "got 'cron(" +
                   std::string(text) + ")'";
        std::vector<std::string_view> fields;
        for (std::string_view part : split(text, ' '))
            if (!part.empty()) fields.push_back(part);  // runs of spaces separate fields
        if (fields.size() != 6)
            return "cron expression needs 6 fields " + shape() + ", got " + std::to_string(fields.size()) + " in '" +
                   std::string(text) + "'";

        ValueSet v;
        if (auto e = parse_list(kMinutes, std::string(fields[0]), v)) return e;
        spec_.minutes_ = low_bits(v, 60);
        if (auto e = parse_list(kHours, std::string(fields[1]), v)) return e;
        spec_.hours_ = static_cast<std::uint32_t>(low_bits(v, 24));
        if (auto e = parse_day_of_month(std::string(fields[2]))) return e;
        if (auto e = parse_list(kMonth, std::string(fields[3]), v)) return e;
        spec_.months_ = static_cast<std::uint32_t>(low_bits(v, 12) << 1);
        if (auto e = parse_day_of_week(std::string(fields[4]))) return e;
        if (auto e = parse_list(kYear, std::string(fields[5]), v)) return e;
        for (int y = 0; y <= kCronMaxYear - kCronMinYear; ++y)
            spec_.years_[static_cast<std::size_t>(y)] = v[static_cast<std::size_t>(y)];

        // AWS: "You can't specify the Day-of-month and Day-of-week fields in the same cron
        // expression. If you specify a value or a * in one of the fields, you must use a ? in
        // the other."
        const bool dom_any = spec_.dom_.kind == DayOfMonthRule::Kind::Any;
        const bool dow_any = spec_.dow_.kind == DayOfWeekRule::Kind::Any;
        if (!dom_any && !dow_any)
            return "cron day-of-month '" + std::string(fields[2]) + "' and day-of-week '" + std::string(fields[4]) +
                   "' are both set: one of them must be '?'";
        if (dom_any && dow_any)
            return "cron day-of-month and day-of-week are both '?': exactly one of them must be "
                   "'?', the other a value or '*'";
        return std::nullopt;
    }

private:
    CronSpec& spec_;

    static std::string shape() { return "(minutes hours day-of-month month day-of-week year)"; }

    static std::string fail(const FieldInfo& f, std::string_view field, const std::string& why) {
        return std::string("cron ") + f.name + " field '" + std::string(field) + "': " + why;
    }

    // One value: digits in range, or a JAN-DEC / SUN-SAT name (any case) where the field has
    // names.
    static std::optional<std::string> parse_value(const FieldInfo& f, std::string_view field, std::string_view tok,
                                                  int& out) {
        if (all_digits(tok)) {
            if (tok.size() > 4 || to_int(tok) < f.min || to_int(tok) > f.max)
                return fail(
                    f, field,
                    std::string(tok) + " is out of range " + std::to_string(f.min) + "-" + std::to_string(f.max));
            out = to_int(tok);
            return std::nullopt;
        }
        const std::string name = upper(tok);
        const auto find_name = [&](const auto& names) {
            for (std::size_t i = 0; i < names.size(); ++i)
                if (name == names[i]) out = static_cast<int>(i) + 1;
            return out != 0;
        };
        out = 0;
        if (f.names == Names::Months && find_name(kMonthNames)) return std::nullopt;
        if (f.names == Names::Weekdays && find_name(kWeekdayNames)) return std::nullopt;
        if (tok == "?") return fail(f, field, "'?' is only allowed in day-of-month or day-of-week");
        return fail(f, field,
                    "'" + std::string(tok) + "' is not a valid " + f.name + " value (expected " + f.expected + ")");
    }

    // A list of values, ranges a-b, '*', and steps (*/s, a/s, a-b/s); sets bit (v - f.min).
    static std::optional<std::string> parse_list(const FieldInfo& f, const std::string& field, ValueSet& out) {
        out.reset();
        const std::vector<std::string_view> items = split(field, ',');
        for (std::string_view item : items) {
            if (item.empty()) return fail(f, field, "empty item in the list (a ',' with no value beside it)");
            if (item == "*" && items.size() > 1)
                return fail(f, field, "'*' cannot be combined with other values in a list");
            if (auto e = parse_item(f, field, item, out)) return e;
        }
        return std::nullopt;
    }

    static std::optional<std::string> parse_item(const FieldInfo& f, std::string_view field, std::string_view item,
                                                 ValueSet& out) {
        std::string_view base = item;
        int step = 0;  // 0: no step
        if (const std::size_t slash = item.find('/'); slash != std::string_view::npos) {
            base = item.substr(0, slash);
            const std::string_view step_text = item.substr(slash + 1);
            if (base.empty())
                return fail(f, field, "step '" + std::string(item) + "' needs a start value or '*' before the '/'");
            if (!all_digits(step_text) || step_text.size() > 4 || to_int(step_text) == 0)
                return fail(f, field, "the step after '/' in '" + std::string(item) + "' must be a positive integer");
            step = to_int(step_text);
            // Quartz rejects increments larger than the field's largest value ("Increment > 60").
            const int max_step = f.wraps ? f.max : f.max - f.min;
            if (step > max_step)
                return fail(f, field,
                            "step " + std::to_string(step) + " in '" + std::string(item) + "' is larger than " +
                                std::to_string(max_step));
        }
        int start = f.min;
        int end = f.max;
        if (base != "*") {
            const std::size_t dash = base.find('-');
            if (dash != std::string_view::npos) {
                const std::string_view a = base.substr(0, dash);
                const std::string_view b = base.substr(dash + 1);
                if (a.empty() || b.empty())
                    return fail(f, field, "range '" + std::string(base) + "' needs a start and an end, as in 1-5");
                if (auto e = parse_value(f, field, a, start)) return e;
                if (auto e = parse_value(f, field, b, end)) return e;
                if (end < start && !f.wraps)
                    return fail(f, field,
                                "range '" + std::string(base) + "' runs backwards (the year field cannot wrap)");
            } else {
                if (auto e = parse_value(f, field, base, start)) return e;
                if (step == 0) end = start;  // a/s runs from a to the field's largest value
            }
        }
        expand(f, start, end, step == 0 ? 1 : step, out);
        return std::nullopt;
    }

    // Quartz addToSet: a range whose end is before its start continues past the field's
    // largest value back to its smallest (hours 22-2 → 22,23,0,1,2; steps count across).
    static void expand(const FieldInfo& f, int start, int end, int step, ValueSet& out) {
        const int span = f.max - f.min + 1;
        const int stop = end < start ? end + span : end;
        for (int i = start; i <= stop; i += step) {
            const int v = i > f.max ? i - span : i;
            out.set(static_cast<std::size_t>(v - f.min));
        }
    }

    std::optional<std::string> parse_day_of_month(const std::string& field) {
        const FieldInfo& f = kDayOfMonth;
        DayOfMonthRule& r = spec_.dom_;
        r = DayOfMonthRule{};
        if (field == "?") return std::nullopt;
        const std::string u = upper(field);  // L and W in any case; same positions as field
        if (u.find_first_of("LW") != std::string::npos) {
            if (u.find(',') != std::string::npos)
                return fail(f, field, "'L' and 'W' forms must stand alone, not in a list");
            if (u == "L" || u == "LW") {
                r.kind = u == "L" ? DayOfMonthRule::Kind::Last : DayOfMonthRule::Kind::LastWeekday;
                return std::nullopt;
            }
            const std::string_view s = field;
            if (u.substr(0, 2) == "L-") {
                const std::string_view n = s.substr(2);
                if (!all_digits(n) || n.size() > 2 || to_int(n) < 1 || to_int(n) > 30)
                    return fail(f, field, "the offset in 'L-n' must be 1-30");
                r.kind = DayOfMonthRule::Kind::Last;
                r.offset = to_int(n);
                return std::nullopt;
            }
            if (s.size() >= 2 && u.back() == 'W' && all_digits(s.substr(0, s.size() - 1))) {
                if (auto e = parse_value(f, field, s.substr(0, s.size() - 1), r.offset)) return e;
                r.kind = DayOfMonthRule::Kind::NearestWeekday;
                return std::nullopt;
            }
            return fail(f, field,
                        "'" + field +
                            "' is not a day-of-month value (expected 1-31, L, L-n, LW "
                            "or nW such as 15W)");
        }
        ValueSet v;
        if (auto e = parse_list(f, field, v)) return e;
        r.kind = DayOfMonthRule::Kind::Days;
        r.days = static_cast<std::uint32_t>(low_bits(v, 31) << 1);
        return std::nullopt;
    }

    std::optional<std::string> parse_day_of_week(const std::string& field) {
        const FieldInfo& f = kDayOfWeek;
        DayOfWeekRule& r = spec_.dow_;
        r = DayOfWeekRule{};
        if (field == "?") return std::nullopt;
        const std::string_view s = field;
        const std::string u = upper(field);  // L in any case; same positions as field
        if (const std::size_t hash = s.find('#'); hash != std::string_view::npos) {
            // AWS: "If you use a '#' character, you can define only one expression in the
            // day-of-week field. For example, "3#1,6#3" is not valid."
            if (s.find(',') != std::string_view::npos)
                return fail(f, field,
                            "with '#' the day-of-week field must hold only one "
                            "expression, as in 3#2");
            if (auto e = parse_value(f, field, s.substr(0, hash), r.weekday)) return e;
            const std::string_view k = s.substr(hash + 1);
            if (!all_digits(k) || k.size() > 1 || to_int(k) < 1 || to_int(k) > 5)
                return fail(f, field, "the occurrence after '#' must be 1-5, got '" + std::string(k) + "'");
            r.kind = DayOfWeekRule::Kind::Nth;
            r.nth = to_int(k);
            return std::nullopt;
        }
        if (u.find('L') != std::string::npos) {  // no weekday name contains an L
            if (s.find(',') != std::string_view::npos)
                return fail(f, field, "'L' forms must stand alone, not in a list");
            if (u == "L") {  // Quartz: L alone in day-of-week is the last day of the week, SAT
                r.kind = DayOfWeekRule::Kind::Weekdays;
                r.weekdays = 1u << 7;
                return std::nullopt;
            }
            if (s.size() >= 2 && u.back() == 'L') {
                if (auto e = parse_value(f, field, s.substr(0, s.size() - 1), r.weekday)) return e;
                r.kind = DayOfWeekRule::Kind::LastOfMonth;
                return std::nullopt;
            }
            return fail(f, field,
                        "'" + field +
                            "' is not a day-of-week value (expected 1-7, SUN-SAT, L, "
                            "nL such as 6L, or n#k such as 3#2)");
        }
        ValueSet v;
        if (auto e = parse_list(f, field, v)) return e;
        r.kind = DayOfWeekRule::Kind::Weekdays;
        r.weekdays = static_cast<std::uint32_t>(low_bits(v, 7) << 1);
        return std::nullopt;
    }
};

std::variant<CronSpec, std::string> CronSpec::parse(std::string_view fields) {
    CronSpec spec;
    CronParser parser(spec);
    if (auto error = parser.parse(fields)) return *error;
    return spec;
}

}  // namespace sim::schedule
