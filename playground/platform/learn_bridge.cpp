// learn_bridge.cpp — the C functions behind window.playground's learning calls (startTour,
// tourStep, startChallenge, checkChallenge, startQuiz, answerQuiz, learnState, learnList; see
// web/API.md). They call the same Learn methods the cards and the Learn tab use.
#include "platform/web_host.h"

#include <emscripten.h>

#include <string>

namespace {

std::string g_learn_result;

const char* out(const sim::Json& j) {
    g_learn_result = j.dump();
    return g_learn_result.c_str();
}

const char* status(const std::string& error) {
    return out({{"ok", error.empty()}, {"error", error}});
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* pg_start_tour(const char* name) {
    return status(pg::web_app().learn().start_tour(name ? name : ""));
}
EMSCRIPTEN_KEEPALIVE void pg_tour_step(int step) {
    pg::web_app().learn().go_to_step(step);
}
EMSCRIPTEN_KEEPALIVE const char* pg_start_challenge(const char* id) {
    return status(pg::web_app().learn().start_challenge(id ? id : ""));
}
// Starts checking the document; learnState().challenge.checksDone increments when the result is in.
EMSCRIPTEN_KEEPALIVE void pg_check_challenge() {
    pg::web_app().learn().check_design();
}
EMSCRIPTEN_KEEPALIVE const char* pg_start_quiz(const char* id) {
    return status(pg::web_app().learn().start_quiz(id ? id : ""));
}
EMSCRIPTEN_KEEPALIVE const char* pg_answer_quiz(const char* option) {
    return status(pg::web_app().learn().answer(option ? option : ""));
}
EMSCRIPTEN_KEEPALIVE void pg_close_learn() {
    pg::web_app().learn().close();
}
EMSCRIPTEN_KEEPALIVE const char* pg_learn_state() {
    return out(pg::web_app().learn().state());
}

// {tours: [{name, title, steps}], challenges: [{id, title, checks}], quizzes: [{id, title, topic}], problems: [..]}
EMSCRIPTEN_KEEPALIVE const char* pg_learn_list() {
    const pg::Library& lib = pg::library();
    sim::Json j = {{"tours", sim::Json::array()},
                   {"challenges", sim::Json::array()},
                   {"quizzes", sim::Json::array()},
                   {"problems", lib.problems}};
    for (const auto& t : lib.tours)
        j["tours"].push_back({{"name", t.name}, {"title", t.tour.title}, {"steps", t.tour.steps.size()}});
    for (const auto& c : lib.challenges)
        j["challenges"].push_back({{"id", c.id}, {"title", c.challenge.title}, {"checks", c.challenge.checks.size()}});
    for (const auto& q : lib.quizzes)
        j["quizzes"].push_back({{"id", q.id}, {"title", q.quiz.title}, {"topic", q.quiz.topic}});
    return out(j);
}

}  // extern "C"
