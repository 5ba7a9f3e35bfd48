// library.cpp — loads the embedded learning content with the engine's loaders.
#include "learn/library.h"

#include "assets.h"

namespace pg {
namespace {

// "patterns/tours/rest-api.json" → "rest-api" when `name` is directly in `dir`.
bool file_in(std::string_view name, std::string_view dir, std::string& stem) {
    if (name.rfind(dir, 0) != 0 || name.size() <= dir.size() + 5 || name.substr(name.size() - 5) != ".json")
        return false;
    const std::string_view rest = name.substr(dir.size(), name.size() - dir.size() - 5);
    if (rest.find('/') != std::string_view::npos) return false;
    stem = std::string(rest);
    return true;
}

void note(Library& lib, const std::string& file, const sim::Diagnostics& d) {
    for (const auto& x : d.items())
        if (x.severity == sim::Severity::Error) lib.problems.push_back(file + ": " + sim::format_diagnostic(x));
}

Library load_all() {
    Library lib;
    const sim::challenge::FileReader read = [](const std::string& path) -> std::optional<std::string> {
        if (!find_asset(path)) return std::nullopt;
        return std::string(asset_text(path));
    };
    for (const Asset& a : all_assets()) {
        const std::string_view name(a.name);
        const std::string_view text(reinterpret_cast<const char*>(a.data), a.size);
        std::string stem;
        if (file_in(name, "patterns/tours/", stem)) {
            auto t = sim::challenge::load_tour(text);
            note(lib, std::string(name), t.diagnostics);
            const std::string_view pattern = asset_text("patterns/" + t.tour.pattern + ".json");
            if (t.ok() && !pattern.empty()) lib.tours.push_back({t.tour.pattern, t.tour, pattern});
        } else if (file_in(name, "patterns/challenges/", stem)) {
            auto c = sim::challenge::load_challenge(text);
            note(lib, std::string(name), c.diagnostics);
            if (c.ok()) lib.challenges.push_back({c.challenge.id, c.challenge});
        } else if (file_in(name, "patterns/quizzes/", stem)) {
            auto q = sim::challenge::load_quiz(text, "patterns/quizzes", read);
            note(lib, std::string(name), q.diagnostics);
            if (q.ok()) lib.quizzes.push_back({q.quiz.id, q.quiz});
        }
    }
    return lib;
}

}  // namespace

const Library& library() {
    static const Library lib = load_all();
    return lib;
}

const TourEntry* find_tour(std::string_view name) {
    for (const auto& t : library().tours)
        if (t.name == name) return &t;
    return nullptr;
}

const ChallengeEntry* find_challenge(std::string_view id) {
    for (const auto& c : library().challenges)
        if (c.id == id) return &c;
    return nullptr;
}

const QuizEntry* find_quiz(std::string_view id) {
    for (const auto& q : library().quizzes)
        if (q.id == id) return &q;
    return nullptr;
}

}  // namespace pg
