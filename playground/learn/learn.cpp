// learn.cpp — tours, challenges and quiz questions driven from the playground (see learn.h).
#include "learn/learn.h"

#include "assets.h"

#include <algorithm>
#include <chrono>

namespace pg {
namespace {

constexpr std::uint64_t kSliceEvents = 4000;  // engine events between wall-clock checks

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

sim::SimTime tour_duration(const TourEntry& t, const sim::Pattern& p) {
    return t.tour.duration.value_or(p.settings.duration);
}

// Runs `s` towards `until` until the deadline; true when the run is over.
bool run_slice(sim::Simulation& s, sim::SimTime until, double deadline) {
    const sim::StopReason why = s.run_until(until, [&](const sim::Progress&) { return now_ms() < deadline; });
    return why != sim::StopReason::Interrupted;
}

}  // namespace

void Learn::close() {
    mode_ = LearnMode::None;
    minimized = false;
    tour_ = nullptr;
    challenge_ = nullptr;
    quiz_ = nullptr;
    watch_ = {};
    base_report_.reset();
    eval_.reset();
    compare_eval_.reset();
    comparisons_.clear();
    quiz_eval_.reset();
    check_result_.reset();
    quiz_result_.reset();
    chosen_.clear();
}

void Learn::load_into_document(const sim::Pattern& p, const std::string& label) {
    doc_.replace(p, label);
    doc_.clear_selection();
    canvas_.request_fit();
    refit_frames = 2;
}

// ---- Tours ---------------------------------------------------------------------------------------------------
std::string Learn::start_tour(const std::string& name) {
    const TourEntry* t = find_tour(name);
    if (!t) return "no tour named '" + name + "'";
    sim::ParseResult parsed = sim::parse_pattern(t->pattern_text);
    if (!parsed.ok()) return "the pattern of tour '" + name + "' does not load";
    close();
    mode_ = LearnMode::Tour;
    tour_ = t;
    tour_base_ = parsed.pattern;
    load_into_document(tour_base_, "tour " + name);
    // Tours last minutes of simulated time: run the canvas fast enough to see metrics move.
    if (runner_.speed() < 10) runner_.set_speed(10);
    step_ = -1;
    go_to_step(0);
    return "";
}

void Learn::go_to_step(int k) {
    if (mode_ != LearnMode::Tour || !tour_) return;
    const auto& steps = tour_->tour.steps;
    k = std::clamp(k, 0, static_cast<int>(steps.size()) - 1);
    if (k == step_) return;
    step_ = k;
    const sim::challenge::TourStep& s = steps[static_cast<std::size_t>(k)];
    // Steps are independent: each applies to the unmodified pattern.
    sim::Pattern target = tour_base_;
    if (!s.set.empty()) {
        sim::ParseResult changed = sim::challenge::apply_actions(tour_base_, s.set, s.path + "/set");
        if (changed.ok()) target = changed.pattern;
    }
    if (sim::write_pattern(target) != sim::write_pattern(doc_.pattern()))
        doc_.edit("tour step " + std::to_string(k + 1), [&](sim::Pattern& p) { p = target; });
    // Select what the step talks about, so the inspector shows it (and the value the step set).
    doc_.clear_selection();
    const auto arrow = s.highlight.find("->");
    if (arrow == std::string::npos) {
        if (doc_.pattern().find_node(s.highlight)) doc_.select_only(s.highlight);
    } else {
        const std::string from = s.highlight.substr(0, arrow), to = s.highlight.substr(arrow + 2);
        const auto& edges = doc_.pattern().edges;
        for (std::size_t i = 0; i < edges.size(); ++i)
            if (edges[i].from == from && edges[i].to == to) doc_.selection().edge = static_cast<int>(i);
    }
    runner_.play();
    reveal_highlight = true;
    live_value_.reset();
    live_timer_ = 0;
    start_watch();
}

std::string Learn::highlight() const {
    if (mode_ != LearnMode::Tour || !tour_ || step_ < 0) return "";
    return tour_->tour.steps[static_cast<std::size_t>(step_)].highlight;
}

void Learn::start_watch() {
    watch_ = {};
    const auto& s = tour_->tour.steps[static_cast<std::size_t>(step_)];
    if (!s.watch) return;
    auto build = [&](const sim::Pattern& p) -> std::unique_ptr<sim::Simulation> {
        auto built = sim::Simulation::build(p);
        if (built.simulation)
            built.simulation->set_record_recent_spans(false);
        else
            watch_.problem = "the pattern does not build";
        return std::move(built.simulation);
    };
    if (!base_report_) watch_.base = build(tour_base_);
    sim::Pattern changed = tour_base_;
    if (!s.set.empty()) {
        sim::ParseResult c = sim::challenge::apply_actions(tour_base_, s.set, s.path + "/set");
        if (!c.ok()) {
            watch_.problem = "this step's change does not apply";
            return;
        }
        changed = c.pattern;
    }
    watch_.changed = build(changed);
    if (base_report_) watch_.base_value = sim::challenge::watch_value(*base_report_, *s.watch);
}

void Learn::update_live() {
    if (mode_ != LearnMode::Tour || step_ < 0) return;
    const auto& s = tour_->tour.steps[static_cast<std::size_t>(step_)];
    const sim::Simulation* sim = runner_.simulation();
    if (!s.watch || !sim) {
        live_value_.reset();
        return;
    }
    live_value_ = sim::challenge::watch_value(sim->report(), *s.watch);
}

// ---- Challenges ------------------------------------------------------------------------------------------------
std::string Learn::start_challenge(const std::string& id) {
    const ChallengeEntry* c = find_challenge(id);
    if (!c) return "no challenge named '" + id + "'";
    close();
    mode_ = LearnMode::Challenge;
    challenge_ = c;
    load_into_document(c->challenge.start, "challenge " + id);
    runner_.pause();
    return "";
}

std::string Learn::apply_hint(std::size_t i) {
    if (mode_ != LearnMode::Challenge || !challenge_ || i >= challenge_->challenge.hints.size()) return "no such hint";
    const sim::challenge::Hint& h = challenge_->challenge.hints[i];
    if (h.edits.empty()) return "this hint has nothing to apply";
    // Applied to the learner's design as it is now: a node they already added under the same id,
    // or one they removed, is a reason shown on the card rather than a silent partial edit.
    sim::ParseResult changed = sim::challenge::apply_actions(doc_.pattern(), h.edits, h.path + "/edits");
    for (const auto& d : changed.diagnostics.items())
        if (d.severity == sim::Severity::Error) return "cannot apply: " + d.message;
    doc_.edit("hint " + std::to_string(i + 1), [&](sim::Pattern& p) { p = changed.pattern; });
    return "";
}

void Learn::check_design() {
    if (mode_ != LearnMode::Challenge || !challenge_) return;
    eval_ = std::make_unique<sim::challenge::Evaluation>(challenge_->challenge, doc_.pattern());
    compare_eval_.reset();
    compare_next_ = 0;
    // The comparison designs do not change: run them once per challenge, after the first check.
    if (comparisons_.empty())
        for (const auto& c : challenge_->challenge.compare) comparisons_.push_back({c.label, std::nullopt, ""});
    checked_rev_ = doc_.semantic_revision();
    check_started_ = now_ms();
    check_work_ms_ = 0;
}

void Learn::start_next_comparison() {
    const auto& list = challenge_->challenge.compare;
    while (compare_next_ < list.size()) {
        const std::size_t i = compare_next_++;
        if (comparisons_[i].result) continue;
        const std::string file = sim::challenge::join_path("patterns/challenges", list[i].design);
        sim::ParseResult p = sim::parse_pattern(asset_text(file));
        if (!p.ok()) {
            comparisons_[i].problem = "the design " + file + " does not load";
            continue;
        }
        compare_eval_ = std::make_unique<sim::challenge::Evaluation>(challenge_->challenge, p.pattern);
        return;
    }
}

// ---- Quizzes ---------------------------------------------------------------------------------------------------
std::string Learn::start_quiz(const std::string& id) {
    const QuizEntry* q = find_quiz(id);
    if (!q) return "no quiz question named '" + id + "'";
    close();
    mode_ = LearnMode::Quiz;
    quiz_ = q;
    return "";
}

std::string Learn::open_design(const std::string& option_id) {
    if (mode_ != LearnMode::Quiz || !quiz_) return "no quiz question is open";
    const auto& options = quiz_->quiz.options;
    for (std::size_t i = 0; i < options.size(); ++i) {
        if (options[i].id != option_id) continue;
        sim::ParseResult p = sim::challenge::option_as_run(quiz_->quiz, i);
        if (!p.ok()) return "option " + option_id + "'s design does not load";
        p.pattern.name = option_id + ") " + (p.pattern.name.empty() ? quiz_->quiz.title : p.pattern.name);
        load_into_document(p.pattern, "quiz option " + option_id);
        if (runner_.speed() < 10) runner_.set_speed(10);
        runner_.play();
        return "";
    }
    return "question '" + quiz_->id + "' has no option '" + option_id + "'";
}

std::string Learn::answer(const std::string& option_id) {
    const std::string error = open_design(option_id);
    if (!error.empty()) return error;
    chosen_ = option_id;
    if (!quiz_result_ && !quiz_eval_) quiz_eval_ = std::make_unique<sim::challenge::QuizEvaluation>(quiz_->quiz);
    return "";
}

// ---- Background work -------------------------------------------------------------------------------------------
void Learn::update(double budget_ms) {
    ui_rects = sim::Json::object();  // the frame about to be drawn records them again
    const double start = now_ms(), deadline = start + budget_ms;
    if (mode_ == LearnMode::Tour && tour_ && step_ >= 0) {
        const auto& s = tour_->tour.steps[static_cast<std::size_t>(step_)];
        const sim::SimTime until = tour_duration(*tour_, tour_base_);
        if (watch_.base && run_slice(*watch_.base, until, deadline)) {
            base_report_ = watch_.base->report();
            if (s.watch) watch_.base_value = sim::challenge::watch_value(*base_report_, *s.watch);
            watch_.base.reset();
        }
        if (!watch_.base && watch_.changed && now_ms() < deadline && run_slice(*watch_.changed, until, deadline)) {
            if (s.watch) watch_.changed_value = sim::challenge::watch_value(watch_.changed->report(), *s.watch);
            watch_.changed.reset();
        }
        live_timer_ -= 1;
        if (live_timer_ <= 0) {
            update_live();
            live_timer_ = 10;  // frames between live reads (report() builds JSON for every node)
        }
    }
    if (eval_) {
        while (now_ms() < deadline && !eval_->advance(kSliceEvents)) {
        }
        check_work_ms_ += now_ms() - start;
        if (eval_->done()) {
            check_result_ = eval_->result();
            eval_.reset();
            ++checks_done_;
            last_check_ms_ = check_work_ms_;
            start_next_comparison();
        }
    }
    if (!eval_ && compare_eval_ && mode_ == LearnMode::Challenge) {
        while (now_ms() < deadline && !compare_eval_->advance(kSliceEvents)) {
        }
        if (compare_eval_->done()) {
            comparisons_[compare_next_ - 1].result = compare_eval_->result();
            compare_eval_.reset();
            start_next_comparison();
        }
    }
    if (quiz_eval_) {
        while (now_ms() < deadline && !quiz_eval_->advance(kSliceEvents)) {
        }
        if (quiz_eval_->done()) {
            quiz_result_ = quiz_eval_->result();
            quiz_eval_.reset();
            ++answers_done_;
        }
    }
}

// ---- API view --------------------------------------------------------------------------------------------------
// Built by assignment, not from initializer lists: nlohmann's initializer lists cost the page
// several times the code (its download budget).
sim::Json Learn::state() const {
    static const char* const kModes[] = {"none", "tour", "challenge", "quiz"};
    const auto opt = [](const std::optional<double>& v) { return v ? sim::Json(*v) : sim::Json(); };
    sim::Json j = sim::Json::object();
    j["mode"] = kModes[static_cast<int>(mode_)];
    j["busy"] = busy();
    j["buttons"] = ui_rects;
    if (mode_ == LearnMode::Tour && tour_) {
        const auto& s = tour_->tour.steps[static_cast<std::size_t>(step_)];
        sim::Json& t = j["tour"];
        t["name"] = tour_->name;
        t["title"] = tour_->tour.title;
        t["step"] = step_;
        t["steps"] = tour_->tour.steps.size();
        t["stepTitle"] = s.title;
        t["text"] = s.text;
        t["highlight"] = s.highlight;
        sim::Json& w = t["watch"];
        if (s.watch) {
            w["node"] = s.watch->node;
            w["metric"] = s.watch->metric;
            w["direction"] = s.watch->direction;
            w["baseline"] = opt(watch_.base_value);
            w["changed"] = opt(watch_.changed_value);
            w["live"] = opt(live_value_);
            w["pending"] = !watch_.done();
            w["problem"] = watch_.problem;
        }
    }
    if (mode_ == LearnMode::Challenge && challenge_) {
        sim::Json& c = j["challenge"];
        c["id"] = challenge_->id;
        c["title"] = challenge_->challenge.title;
        sim::Json& checks = c["checks"] = sim::Json::array();
        for (const auto& k : challenge_->challenge.checks) {
            sim::Json& one = checks.emplace_back();
            one["id"] = k.id;
            one["description"] = k.description;
        }
        c["checking"] = checking();
        c["progress"] = check_progress();
        c["checksDone"] = checks_done_;
        c["lastCheckMs"] = last_check_ms_;
        c["stale"] = results_stale();
        c["comparing"] = comparing();
        sim::Json& compare = c["compare"] = sim::Json::array();
        for (const auto& k : comparisons_) {
            sim::Json& one = compare.emplace_back();
            one["label"] = k.label;
            one["problem"] = k.problem;
            one["result"] = k.result ? sim::challenge::result_to_json(*k.result) : sim::Json();
        }
        c["result"] = check_result_ ? sim::challenge::result_to_json(*check_result_) : sim::Json();
    }
    if (mode_ == LearnMode::Quiz && quiz_) {
        sim::Json& q = j["quiz"];
        q["id"] = quiz_->id;
        q["title"] = quiz_->quiz.title;
        q["question"] = quiz_->quiz.question;
        sim::Json& options = q["options"] = sim::Json::array();
        for (const auto& o : quiz_->quiz.options) {
            sim::Json& one = options.emplace_back();
            one["id"] = o.id;
            one["text"] = o.text;
        }
        q["chosen"] = chosen_;
        q["running"] = quiz_running();
        q["progress"] = quiz_progress();
        q["answersDone"] = answers_done_;
        q["result"] = quiz_result_ ? sim::challenge::quiz_result_to_json(quiz_->quiz, *quiz_result_) : sim::Json();
    }
    return j;
}

}  // namespace pg
