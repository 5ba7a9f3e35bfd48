// quiz.h — exam-style multiple-choice questions as data (`patterns/quizzes/<id>.json`): every
// answer option names a design; the engine runs each option through the same traffic and measures
// cost, p99, errors and throttles, so "why is B the best choice?" is answered with simulated
// numbers, never typed-in ones. Format: patterns/quizzes/README.md.
#pragma once

#include "challenge/challenge.h"
#include "challenge/selector.h"
#include "core/diagnostics.h"
#include "pattern/pattern.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::challenge {

inline constexpr const char* kQuizFormat = "serverless-playground-quiz/1";

// One number shown for every option. Built-in ids: failed_pct, p99_ms, throttles, errors,
// dead_lettered, cost_usd, cost_per_hour, requests; or a node metric summed/min/max over `select`.
struct QuizMeasure {
    std::string id, label;
    std::string better = "lower";  // "lower" or "higher"
    std::string unit;              // "pct", "ms", "usd", "count"
    std::optional<Selector> select;
    std::string metric;             // report field (custom measures)
    std::string aggregate = "sum";  // "sum", "min", "max" over the selected nodes
};

// An option only counts as a valid answer when its measure stays within these bounds.
struct QuizRequirement {
    std::string measure;
    std::optional<double> min, max;
    std::string description;  // "failed requests ≤ 1%"
};

struct QuizOption {
    std::string id;      // "a", "b", ...
    std::string text;    // the answer as the exam states it
    std::string why;     // explanation; {measure-id} is replaced by the option's measured value
    std::string design;  // file the design came from (or "inline")
    Pattern pattern;     // the design with its `set` actions applied
    std::string path;    // "/options/1"
};

struct Quiz {
    std::string format = kQuizFormat;
    std::string id, topic, title, question;
    // The challenge with the same scenario, if any ("protect-database"): the answer's design must
    // pass that challenge's checks and every other option fail one (tests/challenge/test_hints.cpp).
    std::string challenge;
    std::uint64_t seed = 1;
    Run run;  // the traffic/settings every option runs with (id "quiz")
    std::vector<QuizMeasure> measures;
    std::string decide;  // measure id that picks the best option
    std::vector<QuizRequirement> requirements;
    std::string answer;  // option id
    std::vector<QuizOption> options;

    const QuizMeasure* find_measure(std::string_view measure_id) const;
};

struct QuizLoad {
    Quiz quiz;
    Diagnostics diagnostics;
    bool ok() const { return !diagnostics.has_errors(); }
};

// Reads a design file by its path ("patterns/challenges/solutions/x.json"); nullopt when absent.
using FileReader = std::function<std::optional<std::string>(const std::string& path)>;

// Parses quiz text. `dir` is the quiz file's directory ("patterns/quizzes"): option designs are
// paths relative to it, read through `read`. Never throws; every problem is a diagnostic.
QuizLoad load_quiz(std::string_view json_text, const std::string& dir, const FileReader& read);

// "a/b/../c.json" → "a/c.json" (for asset and file lookups).
std::string join_path(const std::string& dir, const std::string& relative);

// Option i's design as it runs in the quiz (the quiz's traffic and duration applied).
ParseResult option_as_run(const Quiz& q, std::size_t option);

struct OptionResult {
    std::string id;
    bool ran = false;
    std::string problem;                       // why it did not run
    std::map<std::string, double> values;      // measure id → value
    std::map<std::string, std::string> shown;  // measure id → "0.42%", "812 ms", "$0.14"
    std::vector<std::string> unmet;            // requirement descriptions it misses, with its value
    std::string why;                           // explanation with the numbers filled in
};

struct QuizResult {
    std::vector<OptionResult> options;  // in the quiz's order
    std::string best;                   // option id that wins on `decide`; "" on a tie or no runs
    bool answer_is_best() const;
    std::string answer;
};

class QuizEvaluation {
public:
    explicit QuizEvaluation(const Quiz& quiz);
    ~QuizEvaluation();
    QuizEvaluation(QuizEvaluation&&) noexcept;
    QuizEvaluation& operator=(QuizEvaluation&&) noexcept;
    bool done() const;
    // Simulates about `max_events` more events; returns done().
    bool advance(std::uint64_t max_events = UINT64_MAX);
    double progress() const;    // 0..1 over all options, by simulated time
    QuizResult result() const;  // final once done()

private:
    struct State;
    std::unique_ptr<State> s_;
};

QuizResult evaluate_quiz(const Quiz& quiz);

std::string format_measure(const QuizMeasure& m, double value);

// {"id","best","answer","answer_is_best","options":[{id,text,ran,problem,values,shown,unmet,why}]}
Json quiz_result_to_json(const Quiz& quiz, const QuizResult& r);

}  // namespace sim::challenge
