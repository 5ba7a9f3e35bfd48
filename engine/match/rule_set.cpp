// rule_set.cpp — array-consistent matching of a compiled RuleSet against a JSON document,
// walking the document in place (no flattening, no allocation).
#include "match/rule_set.h"

#include <array>
#include <string_view>

namespace sim::match {

namespace {

using json = nlohmann::json;

// Which element of which array a leaf was reached through.
struct Choice {
    const json* array = nullptr;
    std::size_t index = 0;
};

// Fixed capacity keeps matching allocation-free. Arrays nested deeper than this along one path
// are still searched, but consistency is not enforced for them (no real event nests that deep).
constexpr std::size_t kMaxChoices = 32;

struct ChoiceStack {
    std::array<Choice, kMaxChoices> items{};
    std::size_t size = 0;

    bool push(const json* array, std::size_t index) {
        if (size == kMaxChoices) return false;
        items[size++] = Choice{array, index};
        return true;
    }
};

// Calls visit(leaf, trail) for every leaf at `path` below `node`; stops when visit returns true.
// A key may itself contain dots, so each '.'-boundary prefix of the remaining path is tried as
// a key ("a.b.c" reaches {"a": {"b.c": 1}} and {"a.b": {"c": 1}} alike).
template <class Visit>
bool walk(const json& node, std::string_view path, bool consumed, ChoiceStack& trail, Visit& visit) {
    if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            const bool pushed = trail.push(&node, i);
            const bool stop = walk(node[i], path, consumed, trail, visit);
            if (pushed) --trail.size;
            if (stop) return true;
        }
        return false;
    }
    if (consumed) {
        if (node.is_object()) return false;  // objects are not leaves (exists is leaf-only)
        const auto leaf = leaf_from_json(node);
        return leaf && visit(*leaf, trail);
    }
    if (!node.is_object()) return false;
    for (std::size_t i = 0; i <= path.size(); ++i) {
        if (i < path.size() && path[i] != '.') continue;
        const auto it = node.find(path.substr(0, i));
        if (it == node.end()) continue;
        const bool done = i == path.size();
        if (walk(*it, done ? std::string_view() : path.substr(i + 1), done, trail, visit)) return true;
    }
    return false;
}

bool any_leaf(const json& document, std::string_view path) {
    ChoiceStack trail;
    auto visit = [](const LeafValue&, const ChoiceStack&) { return true; };
    return walk(document, path, false, trail, visit);
}

bool consistent(const ChoiceStack& bound, const ChoiceStack& trail) {
    for (std::size_t t = 0; t < trail.size; ++t) {
        for (std::size_t b = 0; b < bound.size; ++b) {
            if (bound.items[b].array == trail.items[t].array && bound.items[b].index != trail.items[t].index) {
                return false;
            }
        }
    }
    return true;
}

bool any_condition(const FieldTest& field, const LeafValue& leaf) {
    for (const Condition& c : field.conditions) {
        if (condition_matches(c, leaf)) return true;
    }
    return false;
}

bool match_from(const Branch& branch, std::size_t i, const json& document, ChoiceStack& bound) {
    if (i == branch.fields.size()) return true;
    const FieldTest& field = branch.fields[i];
    // exists:false is a whole-document test (event-ruler checks the key is absent everywhere).
    if (field.absent_ok && !any_leaf(document, field.path)) return match_from(branch, i + 1, document, bound);
    if (field.conditions.empty()) return false;
    ChoiceStack trail;
    auto visit = [&](const LeafValue& leaf, const ChoiceStack& path_choices) {
        if (!consistent(bound, path_choices) || !any_condition(field, leaf)) return false;
        const std::size_t saved = bound.size;
        for (std::size_t t = 0; t < path_choices.size; ++t) {
            bool known = false;
            for (std::size_t b = 0; b < saved && !known; ++b)
                known = bound.items[b].array == path_choices.items[t].array;
            if (!known) bound.push(path_choices.items[t].array, path_choices.items[t].index);
        }
        const bool rest = match_from(branch, i + 1, document, bound);
        bound.size = saved;
        return rest;
    };
    return walk(document, field.path, false, trail, visit);
}

}  // namespace

bool RuleSet::matches(const json& document) const {
    for (const Branch& branch : branches_) {
        ChoiceStack bound;
        if (match_from(branch, 0, document, bound)) return true;
    }
    return false;
}

}  // namespace sim::match
