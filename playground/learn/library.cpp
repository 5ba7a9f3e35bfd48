// library.cpp — loads the learning content (fetched after start, with the code patterns) with the
// engine's loaders.
#include "learn/library.h"

#include "assets.h"

namespace pg {
namespace {

void note(Library& lib, const std::string& file, const sim::Diagnostics& d) {
    for (const auto& x : d.items())
        if (x.severity == sim::Severity::Error) lib.problems.push_back(file + ": " + sim::format_diagnostic(x));
}

// Loads one file when it is content of the patterns in `dir` ("patterns/" or "patterns/code/").
// Not inlined: called for two folders, it would be copied into the loop twice (the page budget).
[[gnu::noinline]] void load_file(Library& lib, std::string_view name, std::string_view text, const std::string& dir,
                                 const sim::challenge::FileReader& read) {
    std::string stem;
    if (json_file_in(name, dir + "tours/", stem)) {
        auto t = sim::challenge::load_tour(text);
        note(lib, std::string(name), t.diagnostics);
        const std::string_view pattern = asset_text(dir + t.tour.pattern + ".json");
        if (t.ok() && !pattern.empty()) lib.tours.push_back({t.tour.pattern, t.tour, pattern});
    } else if (json_file_in(name, dir + "challenges/", stem)) {
        auto c = sim::challenge::load_challenge(text);
        note(lib, std::string(name), c.diagnostics);
        if (c.ok()) lib.challenges.push_back({c.challenge.id, c.challenge});
    } else if (json_file_in(name, dir + "quizzes/", stem)) {
        auto q = sim::challenge::load_quiz(text, dir + "quizzes", read);
        note(lib, std::string(name), q.diagnostics);
        if (q.ok()) lib.quizzes.push_back({q.quiz.id, q.quiz});
    }
}

// Loads the files past the first `seen` assets (embedded, then fetched): files only ever arrive,
// so entries already loaded stay where they are (a running tour or challenge points at its own).
void load_new(Library& lib, std::size_t& seen) {
    const sim::challenge::FileReader read = [](const std::string& path) -> std::optional<std::string> {
        if (!find_asset(path)) return std::nullopt;
        return std::string(asset_text(path));
    };
    const std::string top = "patterns/", code = "patterns/code/";
    std::size_t index = 0;
    for_each_asset([&](const Asset& a) {
        if (index++ < seen) return;
        const std::string_view name(a.name);
        const std::string_view text(reinterpret_cast<const char*>(a.data), a.size);
        // Content for the embedded patterns, and for the fetched ones whose functions are code.
        load_file(lib, name, text, name.rfind(code, 0) == 0 ? code : top, read);
    });
    seen = index;
}

}  // namespace

const Library& library() {
    static Library lib;
    static std::size_t seen = 0;
    static std::uint64_t loaded_at = ~0ull;
    if (loaded_at != assets_generation()) {  // first use, or fetched content (patterns/code/…) arrived
        load_new(lib, seen);
        loaded_at = assets_generation();
    }
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
