// wildcard_complexity.cpp — subset simulation of the wildcard NFA to find how many pattern
// prefixes can be live at once (what makes event-ruler slow, and what AWS caps).
#include "match/wildcard_complexity.h"

#include <algorithm>
#include <set>

namespace sim::match {

namespace {

constexpr int kStar = 256;
constexpr int kOtherByte = 257;             // stands for every byte no pattern mentions
constexpr std::size_t kMaxSubsets = 20000;  // guard against pathological inputs

struct State {
    int token = -1;          // token consumed leaving this state; -1 at the end of a pattern
    bool star_loop = false;  // this state is a `*`: it consumes any byte and stays
};

}  // namespace

int wildcard_complexity(const std::vector<const WildcardPattern*>& patterns, int cap) {
    std::vector<std::string> seen;
    std::vector<State> states;
    std::vector<int> starts;
    std::set<int> alphabet;
    for (const WildcardPattern* pattern : patterns) {
        if (std::find(seen.begin(), seen.end(), pattern->source) != seen.end()) continue;
        seen.push_back(pattern->source);
        std::vector<int> tokens = {'"'};
        for (std::size_t k = 0; k < pattern->parts.size(); ++k) {
            if (k > 0) tokens.push_back(kStar);
            for (const char c : pattern->parts[k]) tokens.push_back(static_cast<unsigned char>(c));
        }
        tokens.push_back('"');
        starts.push_back(static_cast<int>(states.size()));
        for (std::size_t j = 0; j <= tokens.size(); ++j) {
            State s;
            s.token = j < tokens.size() ? tokens[j] : -1;
            s.star_loop = j > 0 && tokens[j - 1] == kStar;
            if (s.token >= 0 && s.token != kStar) alphabet.insert(s.token);
            states.push_back(s);
        }
    }
    if (states.empty()) return 0;
    alphabet.insert(kOtherByte);

    // A state before a `*` also stands in the `*` itself (the star may match nothing).
    auto close = [&](std::vector<int>& set) {
        for (std::size_t k = 0; k < set.size(); ++k) {
            if (states[static_cast<std::size_t>(set[k])].token == kStar) set.push_back(set[k] + 1);
        }
        std::sort(set.begin(), set.end());
        set.erase(std::unique(set.begin(), set.end()), set.end());
    };

    std::vector<int> start = starts;
    close(start);
    std::set<std::vector<int>> visited = {start};
    std::vector<std::vector<int>> pending = {start};
    int best = 0;
    while (!pending.empty()) {
        const std::vector<int> active = std::move(pending.back());
        pending.pop_back();
        for (const int byte : alphabet) {
            std::vector<int> next;
            for (const int id : active) {
                const State& s = states[static_cast<std::size_t>(id)];
                if (s.star_loop) next.push_back(id);
                if (s.token == byte) next.push_back(id + 1);
            }
            if (next.empty()) continue;
            close(next);
            best = std::max(best, static_cast<int>(next.size()));
            if (best > cap) return best;
            if (visited.insert(next).second) {
                if (visited.size() > kMaxSubsets) return cap + 1;
                pending.push_back(std::move(next));
            }
        }
    }
    return best;
}

}  // namespace sim::match
