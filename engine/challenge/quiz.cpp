// quiz.cpp — loading quiz questions (options resolved to designs), running every option through
// the quiz's traffic in event budgets, and measuring each one (see quiz.h).
#include "challenge/quiz.h"

#include "challenge/check_spec.h"
#include "challenge/evaluate.h"
#include "challenge/json_fields.h"
#include "challenge/tour.h"
#include "pattern/json_guard.h"
#include "runtime/simulation.h"

#include <cmath>
#include <set>

namespace sim::challenge {

namespace {

struct Builtin {
    const char* id;
    const char* label;
    const char* better;
    const char* unit;
};
constexpr Builtin kBuiltins[] = {
    {"failed_pct", "failed requests", "lower", "pct"},    {"p99_ms", "p99 latency", "lower", "ms"},
    {"throttles", "throttled calls", "lower", "count"},   {"errors", "function errors", "lower", "count"},
    {"dead_lettered", "dead-lettered", "lower", "count"}, {"cost_usd", "cost of the run", "lower", "usd"},
    {"cost_per_hour", "cost per hour", "lower", "usd"},   {"requests", "requests served", "higher", "count"},
};

const Builtin* find_builtin(const std::string& id) {
    for (const auto& b : kBuiltins)
        if (id == b.id) return &b;
    return nullptr;
}

std::string builtin_list() {
    std::string s;
    for (const auto& b : kBuiltins) s += (s.empty() ? "" : ", ") + std::string(b.id);
    return s;
}

std::optional<QuizMeasure> load_measure(const Json& j, const std::string& path, Diagnostics& d) {
    QuizMeasure m;
    if (j.is_string()) {
        const Builtin* b = find_builtin(j.get<std::string>());
        if (!b) {
            d.error(path, "unknown measure \"" + j.get<std::string>() + "\"", "built-in measures: " + builtin_list());
            return std::nullopt;
        }
        return QuizMeasure{b->id, b->label, b->better, b->unit, std::nullopt, "", "sum"};
    }
    if (!j.is_object()) {
        d.error(path, "a measure must be a built-in id or an object {\"id\", \"label\", \"select\", \"metric\"}, got " +
                          j.dump().substr(0, 80));
        return std::nullopt;
    }
    Fields f(j, path, d);
    m.id = f.text("id", true);
    const Builtin* b = find_builtin(m.id);
    m.label = f.text("label", !b, b ? b->label : "");
    m.better = f.text("better", false, b ? b->better : "lower");
    if (m.better != "lower" && m.better != "higher")
        f.error("better", "better must be \"lower\" or \"higher\", got \"" + m.better + "\"");
    m.unit = f.text("unit", false, b ? b->unit : "count");
    if (m.unit != "pct" && m.unit != "ms" && m.unit != "usd" && m.unit != "count")
        f.error("unit", "unit must be \"pct\", \"ms\", \"usd\" or \"count\", got \"" + m.unit + "\"");
    if (!b) {
        if (const Json* s = f.raw("select"))
            m.select = parse_selector(*s, f.path_of("select"), d);
        else
            f.error("select", "a custom measure needs \"select\" (which nodes) and \"metric\" (a report field)");
        m.metric = f.text("metric", true);
        m.aggregate = f.text("aggregate", false, "sum");
        if (m.aggregate != "sum" && m.aggregate != "min" && m.aggregate != "max")
            f.error("aggregate", "aggregate must be \"sum\", \"min\" or \"max\", got \"" + m.aggregate + "\"");
    }
    f.finish();
    return m;
}

double sum_nodes(const Json& report, const char* field) {
    double total = 0;
    for (const auto& [id, n] : report["nodes"].items()) total += n.value(field, 0.0);
    return total;
}

// The measure's value in a run report of `p` (the design as it ran) lasting `seconds`.
double measure_value(const QuizMeasure& m, const Json& report, const Pattern& p, double seconds) {
    double ok = 0, failed = 0, p99 = 0;
    for (const auto& [id, s] : report["sources"].items()) {
        ok += s.value("ok", 0.0);
        failed += s.value("failed", 0.0);
        if (s.contains("latency_ms")) p99 = std::max(p99, s["latency_ms"].value("p99", 0.0));
    }
    const double total_cost = report["cost_usd"].value("total", 0.0);
    if (m.id == "failed_pct") return ok + failed > 0 ? 100.0 * failed / (ok + failed) : 0;
    if (m.id == "p99_ms") return p99;
    if (m.id == "throttles" || m.id == "errors" || m.id == "dead_lettered") return sum_nodes(report, m.id.c_str());
    if (m.id == "cost_usd") return total_cost;
    if (m.id == "cost_per_hour") return seconds > 0 ? total_cost * 3600 / seconds : 0;
    if (m.id == "requests") return ok;
    // Custom: a report field over the selected nodes.
    std::optional<double> acc;
    for (std::size_t i : select_nodes(p, *m.select)) {
        const Json& n = report["nodes"].contains(p.nodes[i].id) ? report["nodes"][p.nodes[i].id] : Json();
        const Json::json_pointer ptr("/" + m.metric);
        const double v = n.is_object() && n.contains(ptr) && n[ptr].is_number() ? n[ptr].get<double>() : 0;
        if (!acc)
            acc = v;
        else if (m.aggregate == "min")
            acc = std::min(*acc, v);
        else if (m.aggregate == "max")
            acc = std::max(*acc, v);
        else
            acc = *acc + v;
    }
    return acc.value_or(0);
}

std::string fill_why(const std::string& text, const OptionResult& r) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto close = text[i] == '{' ? text.find('}', i) : std::string::npos;
        if (close != std::string::npos) {
            const auto it = r.shown.find(text.substr(i + 1, close - i - 1));
            if (it != r.shown.end()) {
                out += it->second;
                i = close + 1;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

void load_option(Quiz& q, const Json& j, const std::string& path, const std::string& dir, const FileReader& read,
                 Diagnostics& d) {
    if (!j.is_object()) {
        d.error(path, "an option must be an object {\"id\", \"text\", \"design\"}, got " + j.dump().substr(0, 80));
        return;
    }
    Fields f(j, path, d);
    QuizOption o;
    o.path = path;
    o.id = f.text("id", true);
    o.text = f.text("text", true);
    o.why = f.text("why", true);
    Json design;
    if (const Json* inline_pattern = f.raw("pattern")) {
        design = *inline_pattern;
        o.design = "inline";
    } else {
        o.design = f.text("design", true);
        if (o.design.empty()) return;
        const std::string file = join_path(dir, o.design);
        const std::optional<std::string> text = read ? read(file) : std::nullopt;
        if (!text) {
            f.error("design", "no design file \"" + file + "\"",
                    "a path relative to the quiz file, or an inline \"pattern\"");
            return;
        }
        JsonText json = parse_json_text(*text);
        if (!json.ok) {
            f.error("design", "the design file \"" + file + "\" is not valid JSON: " + json.where());
            return;
        }
        design = std::move(json.value);
    }
    ParseResult parsed = parse_pattern_json(design);
    for (const auto& x : parsed.diagnostics.items())
        if (x.severity == Severity::Error) d.error(path + "/design" + x.path, x.message, x.hint);
    if (!parsed.ok()) return;
    o.pattern = parsed.pattern;
    if (const Json* set = f.raw("set")) {
        ParseResult changed = apply_actions(o.pattern, *set, path + "/set");
        for (const auto& x : changed.diagnostics.items())
            if (x.severity == Severity::Error) d.error(x.path, x.message, x.hint);
        if (!changed.ok()) return;
        o.pattern = changed.pattern;
    }
    for (const auto& t : q.run.traffic) {
        const std::string src = t.value("source", "");
        if (!o.pattern.find_node(src))
            d.error(path + "/design", "the design has no node '" + src + "', which the quiz's traffic comes from");
    }
    f.finish();
    q.options.push_back(std::move(o));
}

}  // namespace

const QuizMeasure* Quiz::find_measure(std::string_view measure_id) const {
    for (const auto& m : measures)
        if (m.id == measure_id) return &m;
    return nullptr;
}

std::string join_path(const std::string& dir, const std::string& relative) {
    std::vector<std::string> parts;
    auto push = [&](const std::string& s) {
        std::size_t start = 0;
        while (start <= s.size()) {
            const auto slash = s.find('/', start);
            const std::string part = s.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
            if (part == "..") {
                if (!parts.empty()) parts.pop_back();
            } else if (!part.empty() && part != ".") {
                parts.push_back(part);
            }
            if (slash == std::string::npos) break;
            start = slash + 1;
        }
    };
    if (relative.empty() || relative[0] != '/') push(dir);
    push(relative);
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

QuizLoad load_quiz(std::string_view json_text, const std::string& dir, const FileReader& read) {
    QuizLoad out;
    Diagnostics& d = out.diagnostics;
    Quiz& q = out.quiz;
    const JsonText json = parse_json_text(json_text);
    if (!json.ok) {
        d.error("", "the quiz is not valid JSON: " + json.where());
        return out;
    }
    const Json& root = json.value;
    if (!root.is_object()) {
        d.error("", "the quiz is not a valid JSON object");
        return out;
    }
    Fields f(root, "", d);
    q.format = f.text("format", true);
    if (!q.format.empty() && q.format != kQuizFormat)
        f.error("format", "format must be \"" + std::string(kQuizFormat) + "\", got \"" + q.format + "\"");
    q.id = f.text("id", true);
    q.topic = f.text("topic", false);
    q.title = f.text("title", true);
    q.question = f.text("question", true);
    q.challenge = f.text("challenge", false);
    q.seed = static_cast<std::uint64_t>(f.number("seed", false, 0, 4294967295.0).value_or(1));
    q.run.id = "quiz";
    q.run.path = "/run";
    if (const Json* r = f.raw("run")) {
        Fields rf(*r, "/run", d);
        q.run.label = rf.text("label", false);
        q.run.duration = rf.duration("duration", true).value_or(minutes(10));
        if (const Json* t = rf.raw("traffic")) {
            if (t->is_array()) {
                q.run.has_traffic = true;
                q.run.traffic = *t;
            } else {
                rf.error("traffic", "traffic must be an array of traffic entries (as in a pattern), got " +
                                        t->dump().substr(0, 80));
            }
        }
        if (const Json* s = rf.raw("settings")) {
            if (s->is_object())
                q.run.settings = *s;
            else
                rf.error("settings", "settings must be an object (as in a pattern)");
        }
        rf.finish();
    } else {
        f.error("run", "a quiz needs \"run\": {\"duration\", \"traffic\"} (what every option is run with)");
    }
    if (const Json* ms = f.raw("measures"); ms && ms->is_array() && !ms->empty()) {
        for (std::size_t i = 0; i < ms->size(); ++i)
            if (auto m = load_measure((*ms)[i], "/measures/" + std::to_string(i), d)) {
                if (q.find_measure(m->id))
                    d.error("/measures/" + std::to_string(i), "two measures have id \"" + m->id + "\"");
                else
                    q.measures.push_back(std::move(*m));
            }
    } else {
        f.error("measures", "a quiz needs \"measures\": a non-empty array (e.g. [\"failed_pct\", \"cost_usd\"])");
    }
    q.decide = f.text("decide", true);
    if (!q.decide.empty() && !q.find_measure(q.decide))
        f.error("decide", "decide names no measure of this quiz: \"" + q.decide + "\"");
    if (const Json* reqs = f.raw("require")) {
        for (std::size_t i = 0; reqs->is_array() && i < reqs->size(); ++i) {
            Fields rf((*reqs)[i], "/require/" + std::to_string(i), d);
            QuizRequirement r;
            r.measure = rf.text("measure", true);
            r.min = rf.number("min", false, -1e18, 1e18);
            r.max = rf.number("max", false, -1e18, 1e18);
            rf.finish();
            const QuizMeasure* m = q.find_measure(r.measure);
            if (!m) {
                d.error(rf.path_of("measure"), "requirement names no measure of this quiz: \"" + r.measure + "\"");
                continue;
            }
            if (r.min) r.description = m->label + " ≥ " + format_measure(*m, *r.min);
            if (r.max)
                r.description += (r.description.empty() ? m->label + " ≤ " : " and ≤ ") + format_measure(*m, *r.max);
            q.requirements.push_back(std::move(r));
        }
        if (!reqs->is_array()) f.error("require", "require must be an array of {\"measure\", \"min\"/\"max\"}");
    }
    q.answer = f.text("answer", true);
    if (const Json* os = f.raw("options"); os && os->is_array() && os->size() >= 2) {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < os->size(); ++i) {
            const std::string path = "/options/" + std::to_string(i);
            const std::size_t before = q.options.size();
            load_option(q, (*os)[i], path, dir, read, d);
            if (q.options.size() > before && !ids.insert(q.options.back().id).second)
                d.error(path + "/id", "two options have id \"" + q.options.back().id + "\"");
        }
        if (!q.answer.empty() && !ids.count(q.answer) && !d.has_errors())
            f.error("answer", "answer names no option: \"" + q.answer + "\"");
    } else {
        f.error("options", "a quiz needs \"options\": an array of at least 2 {\"id\", \"text\", \"design\", \"why\"}");
    }
    f.finish();
    return out;
}

ParseResult option_as_run(const Quiz& q, std::size_t option) {
    return solution_for_run(q.options.at(option).pattern, q.run, q.seed);
}

std::string format_measure(const QuizMeasure& m, double v) {
    if (m.unit == "pct") return fmt_pct(v);
    if (m.unit == "ms") return fmt_count(std::round(v)) + " ms";
    if (m.unit == "usd") return fmt_usd(v);
    return std::fabs(v - std::round(v)) < 1e-9 ? fmt_count(v) : fmt_number(v);
}

bool QuizResult::answer_is_best() const {
    return !best.empty() && best == answer;
}

// ---- Evaluation ----------------------------------------------------------------------------------------
struct QuizEvaluation::State {
    Quiz quiz;
    std::size_t current = 0;
    std::unique_ptr<Simulation> sim;
    Pattern ran_pattern;
    std::vector<OptionResult> results;

    void finish_option(const Json* report) {
        OptionResult& r = results[current];
        if (report) {
            r.ran = true;
            const double seconds = quiz.run.duration.seconds();
            for (const auto& m : quiz.measures) {
                const double v = measure_value(m, *report, ran_pattern, seconds);
                r.values[m.id] = v;
                r.shown[m.id] = format_measure(m, v);
            }
            for (const auto& req : quiz.requirements) {
                const double v = r.values[req.measure];
                if ((req.min && v < *req.min - 1e-12) || (req.max && v > *req.max + 1e-12))
                    r.unmet.push_back(req.description + " (measured " + r.shown[req.measure] + ")");
            }
        }
        r.why = fill_why(quiz.options[current].why, r);
        sim.reset();
        ++current;
    }
};

QuizEvaluation::QuizEvaluation(const Quiz& quiz) : s_(std::make_unique<State>()) {
    s_->quiz = quiz;
    for (const auto& o : quiz.options) {
        OptionResult r;
        r.id = o.id;
        r.problem = "not simulated yet";
        s_->results.push_back(std::move(r));
    }
}
QuizEvaluation::~QuizEvaluation() = default;
QuizEvaluation::QuizEvaluation(QuizEvaluation&&) noexcept = default;
QuizEvaluation& QuizEvaluation::operator=(QuizEvaluation&&) noexcept = default;

bool QuizEvaluation::done() const {
    return s_->current >= s_->quiz.options.size();
}

double QuizEvaluation::progress() const {
    const double n = static_cast<double>(s_->quiz.options.size());
    if (n == 0 || done()) return 1;
    double part = 0;
    if (s_->sim && s_->quiz.run.duration.us > 0) part = s_->sim->now().seconds() / s_->quiz.run.duration.seconds();
    return (static_cast<double>(s_->current) + std::min(1.0, part)) / n;
}

bool QuizEvaluation::advance(std::uint64_t max_events) {
    State& s = *s_;
    std::uint64_t used = 0;
    while (!done() && used < max_events) {
        if (!s.sim) {
            OptionResult& r = s.results[s.current];
            r.problem.clear();
            ParseResult parsed = option_as_run(s.quiz, s.current);
            Simulation::BuildResult built;
            if (parsed.ok()) built = Simulation::build(parsed.pattern);
            if (!built.simulation) {
                const Diagnostics& dg = parsed.ok() ? built.diagnostics : parsed.diagnostics;
                for (const auto& item : dg.items())
                    if (item.severity == Severity::Error) {
                        r.problem = "the design does not build: " + format_diagnostic(item);
                        break;
                    }
                s.finish_option(nullptr);
                continue;
            }
            s.ran_pattern = parsed.pattern;
            s.sim = std::move(built.simulation);
            s.sim->set_record_recent_spans(false);
        }
        const std::uint64_t before = s.sim->events_processed();
        const StopReason stop = s.sim->run_until(
            s.quiz.run.duration, [&](const Progress& p) { return used + (p.events - before) < max_events; });
        used += s.sim->events_processed() - before;
        if (stop == StopReason::EventLimit)
            s.results[s.current].problem = "stopped early: the run reached the event limit";
        if (stop != StopReason::Interrupted) {
            const Json report = s.sim->report();
            s.finish_option(&report);
        }
    }
    return done();
}

QuizResult QuizEvaluation::result() const {
    QuizResult out;
    out.options = s_->results;
    out.answer = s_->quiz.answer;
    const QuizMeasure* m = s_->quiz.find_measure(s_->quiz.decide);
    if (!done() || !m) return out;
    // The best valid option on `decide`; a tie (within 0.1%) names no winner.
    const OptionResult* best = nullptr;
    bool tie = false;
    for (const auto& r : out.options) {
        if (!r.ran || !r.unmet.empty()) continue;
        const double v = r.values.at(m->id);
        if (!best) {
            best = &r;
            continue;
        }
        const double b = best->values.at(m->id);
        const double eps = 1e-3 * std::max(std::fabs(v), std::fabs(b)) + 1e-12;
        if (std::fabs(v - b) <= eps)
            tie = true;
        else if (m->better == "lower" ? v < b : v > b) {
            best = &r;
            tie = false;
        }
    }
    if (best && !tie) out.best = best->id;
    return out;
}

QuizResult evaluate_quiz(const Quiz& quiz) {
    QuizEvaluation e(quiz);
    e.advance();
    return e.result();
}

Json quiz_result_to_json(const Quiz& quiz, const QuizResult& r) {
    Json j = {{"id", quiz.id},
              {"best", r.best},
              {"answer", r.answer},
              {"answer_is_best", r.answer_is_best()},
              {"options", Json::array()}};
    for (std::size_t i = 0; i < r.options.size(); ++i) {
        const OptionResult& o = r.options[i];
        j["options"].push_back({{"id", o.id},
                                {"text", i < quiz.options.size() ? quiz.options[i].text : ""},
                                {"ran", o.ran},
                                {"problem", o.problem},
                                {"values", o.values},
                                {"shown", o.shown},
                                {"unmet", o.unmet},
                                {"why", o.why}});
    }
    return j;
}

}  // namespace sim::challenge
