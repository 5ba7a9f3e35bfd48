// learn.h — the learning modes of the playground: a guided tour of a seed pattern, a challenge
// checked by the engine, or a quiz question answered by simulation. At most one is active. Long
// work (baseline runs for a tour's watched metric, a challenge's check runs, a quiz's option runs)
// advances in slices within a per-frame time budget, so the page never freezes; the UI and the JS
// API (window.playground.startTour/startChallenge/checkChallenge/startQuiz/answerQuiz) share
// these methods.
#pragma once

#include "canvas/graph_canvas.h"
#include "challenge/evaluate.h"
#include "challenge/quiz.h"
#include "document.h"
#include "learn/library.h"
#include "sim_runner.h"

#include <memory>
#include <optional>
#include <string>

namespace pg {

enum class LearnMode { None, Tour, Challenge, Quiz };

// The watched metric of a tour step: the unmodified pattern and the step's version, each run for
// the tour's duration off the UI frame.
struct WatchJob {
    std::unique_ptr<sim::Simulation> base, changed;  // running (null when finished or not needed)
    std::optional<double> base_value, changed_value;
    std::string problem;
    bool done() const { return !base && !changed; }
};

class Learn {
public:
    Learn(Document& doc, SimRunner& runner, GraphCanvas& canvas) : doc_(doc), runner_(runner), canvas_(canvas) {}

    LearnMode mode() const { return mode_; }
    void close();

    // ---- Tours ----
    // Loads the tour's pattern (undoable) and shows step 0; an error text when no such tour.
    std::string start_tour(const std::string& name);
    // Shows step `k` (clamped): applies its `set` actions to the unmodified pattern as one undoable
    // edit, restarts the canvas run and the watch measurement.
    void go_to_step(int k);
    int step() const { return step_; }
    const TourEntry* tour() const { return tour_; }
    const WatchJob& watch() const { return watch_; }
    std::optional<double> live_value() const { return live_value_; }
    std::string highlight() const;  // node id or "from->to" of the current step ("" when none)

    // ---- Challenges ----
    std::string start_challenge(const std::string& id);
    // Applies hint `i`'s design edits to the current document as one undoable edit; an error text
    // when they do not apply to the design as it is now.
    std::string apply_hint(std::size_t i);
    std::string hint_message;  // the last "Apply" outcome, shown under the hints
    // Starts checking the current document against the challenge (runs in slices).
    void check_design();
    const ChallengeEntry* challenge() const { return challenge_; }
    bool checking() const { return eval_ != nullptr; }
    double check_progress() const { return eval_ ? eval_->progress() : 1; }
    std::uint64_t checks_done() const { return checks_done_; }  // completed check runs so far
    const std::optional<sim::challenge::Result>& check_result() const { return check_result_; }
    double last_check_ms() const { return last_check_ms_; }
    // True when the document changed since the results were measured.
    bool results_stale() const { return check_result_ && checked_rev_ != doc_.semantic_revision(); }
    // The challenge's "compare" designs (e.g. an EC2 fleet) run through the same checks after the
    // learner's design, shown side by side: {label, result} in the challenge's order.
    struct Comparison {
        std::string label;
        std::optional<sim::challenge::Result> result;
        std::string problem;  // the design file is missing or does not load
    };
    const std::vector<Comparison>& comparisons() const { return comparisons_; }
    bool comparing() const { return compare_eval_ != nullptr; }

    // ---- Quizzes ----
    std::string start_quiz(const std::string& id);
    // Opens option `option_id`'s design on the canvas and (once) runs every option.
    std::string answer(const std::string& option_id);
    // Opens option `option_id`'s design (with the quiz's traffic) without answering.
    std::string open_design(const std::string& option_id);
    const QuizEntry* quiz() const { return quiz_; }
    const std::string& chosen() const { return chosen_; }
    bool quiz_running() const { return quiz_eval_ != nullptr; }
    double quiz_progress() const { return quiz_eval_ ? quiz_eval_->progress() : 1; }
    const std::optional<sim::challenge::QuizResult>& quiz_result() const { return quiz_result_; }
    std::uint64_t answers_done() const { return answers_done_; }

    // Advances background work for up to `budget_ms` of wall time; called once per frame.
    void update(double budget_ms);
    bool busy() const { return checking() || comparing() || quiz_running() || !watch_.done(); }

    sim::Json state() const;  // for the JS API (learnState())
    // Screen rects (CSS px) of the card's buttons in the last frame: {"next": [x0,y0,x1,y1], ...}.
    sim::Json ui_rects = sim::Json::object();
    // View requests for the card: re-fit the diagram beside the card after a load (counts down in
    // frames, so the canvas's own fit has happened), and bring a step's highlight into view.
    int refit_frames = 0;
    bool reveal_highlight = false;
    bool minimized = false;  // the card shrunk to its title and main buttons (more canvas to build on)

private:
    void load_into_document(const sim::Pattern& p, const std::string& label);
    void start_watch();
    void update_live();
    void start_next_comparison();

    Document& doc_;
    SimRunner& runner_;
    GraphCanvas& canvas_;
    LearnMode mode_ = LearnMode::None;
    // tour
    const TourEntry* tour_ = nullptr;
    sim::Pattern tour_base_;
    int step_ = 0;
    WatchJob watch_;
    std::optional<sim::Json> base_report_;  // the unmodified pattern over the tour's duration
    std::optional<double> live_value_;
    double live_timer_ = 0;
    // challenge
    const ChallengeEntry* challenge_ = nullptr;
    std::unique_ptr<sim::challenge::Evaluation> eval_;
    std::optional<sim::challenge::Result> check_result_;
    std::uint64_t checks_done_ = 0, checked_rev_ = 0;
    std::vector<Comparison> comparisons_;
    std::unique_ptr<sim::challenge::Evaluation> compare_eval_;
    std::size_t compare_next_ = 0;
    double check_started_ = 0, last_check_ms_ = 0, check_work_ms_ = 0;
    // quiz
    const QuizEntry* quiz_ = nullptr;
    std::string chosen_;
    std::unique_ptr<sim::challenge::QuizEvaluation> quiz_eval_;
    std::optional<sim::challenge::QuizResult> quiz_result_;
    std::uint64_t answers_done_ = 0;
};

}  // namespace pg
