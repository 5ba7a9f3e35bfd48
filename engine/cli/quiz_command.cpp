// quiz_command.cpp — `slsim quiz QUESTION.json [--json]`: runs every option of a quiz question
// through its traffic and prints the measured table, each option's explanation with the numbers
// filled in, and whether the stated answer really wins; exit 0 only when it does (1: it does not,
// 2: bad arguments or files). Lets course authors test their own questions.
#include "challenge/quiz.h"
#include "cli/cli.h"

#include <cstdio>

namespace sim::cli {

int quiz_command(const Args& args) {
    static const char* kUsage = "usage: slsim quiz QUESTION.json [--json]\n";
    std::string file;
    bool json = false;
    for (const auto& a : args) {
        if (a == "--json")
            json = true;
        else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "slsim quiz: unknown option '%s'\n%s", a.c_str(), kUsage);
            return 2;
        } else if (file.empty())
            file = a;
        else {
            std::fprintf(stderr, "slsim quiz: one question file at a time\n%s", kUsage);
            return 2;
        }
    }
    if (file.empty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    std::string text, error;
    if (!read_file(file, text, error)) {
        std::fprintf(stderr, "slsim quiz: %s\n", error.c_str());
        return 2;
    }
    const auto slash = file.find_last_of('/');
    const std::string dir = slash == std::string::npos ? "" : file.substr(0, slash);
    const challenge::FileReader read = [](const std::string& path) -> std::optional<std::string> {
        std::string t, e;
        if (!read_file(path, t, e)) return std::nullopt;
        return t;
    };
    challenge::QuizLoad q = challenge::load_quiz(text, dir, read);
    for (const auto& d : q.diagnostics.items())
        std::fprintf(stderr, "%s: %s\n", file.c_str(), format_diagnostic(d).c_str());
    if (!q.ok()) return 2;
    const challenge::QuizResult r = challenge::evaluate_quiz(q.quiz);
    if (json) {
        std::printf("%s\n", challenge::quiz_result_to_json(q.quiz, r).dump(2).c_str());
        return r.answer_is_best() ? 0 : 1;
    }
    std::printf("%s\n%s\n\n", q.quiz.title.c_str(), q.quiz.question.c_str());
    for (std::size_t i = 0; i < r.options.size(); ++i) {
        const auto& o = r.options[i];
        std::printf("%s) %s\n", o.id.c_str(), q.quiz.options[i].text.c_str());
        for (const auto& m : q.quiz.measures) {
            const auto it = o.shown.find(m.id);
            std::printf("     %-52s %s%s\n", m.label.c_str(), it == o.shown.end() ? "—" : it->second.c_str(),
                        m.id == q.quiz.decide ? "  (decides)" : "");
        }
        for (const auto& u : o.unmet) std::printf("     misses: %s\n", u.c_str());
        if (!o.problem.empty()) std::printf("     problem: %s\n", o.problem.c_str());
        std::printf("     why: %s\n\n", o.why.c_str());
    }
    std::printf("best: %s; stated answer: %s — %s\n", r.best.empty() ? "(no single winner)" : r.best.c_str(),
                r.answer.c_str(),
                r.answer_is_best() ? "confirmed by the simulation" : "NOT confirmed by the simulation");
    return r.answer_is_best() ? 0 : 1;
}

}  // namespace sim::cli
