// rule_set.h — a compiled pattern in disjunctive normal form (one Branch per `$or` combination)
// and its matcher over a JSON document, shared by EventBridge patterns and SNS body policies.
#pragma once

#include "match/condition.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sim::match {

// All the conditions on one flattened field path of one branch ("detail.state").
struct FieldTest {
    std::string path;                   // keys joined with '.', as event-ruler flattens them
    std::string top_key;                // first key as written (SNS counts these)
    int depth = 1;                      // object nesting depth of the key (SNS combination count)
    std::size_t value_count = 0;        // elements in the value array (SNS combination count)
    std::vector<Condition> conditions;  // value conditions; exists:false is kept as absent_ok
    bool absent_ok = false;             // an {"exists": false} alternative is present
};

// A branch matches when every field test matches (AND); a RuleSet when any branch does (OR).
struct Branch {
    std::vector<FieldTest> fields;
};

class RuleSet {
public:
    RuleSet() = default;
    explicit RuleSet(std::vector<Branch> branches) : branches_(std::move(branches)) {}

    const std::vector<Branch>& branches() const { return branches_; }

    // Event-ruler semantics over `document`:
    //  - a field's leaves are the strings/numbers/booleans/nulls at its path; objects are not
    //    leaves, arrays (nested too) contribute each element; "a.b" keys equal nested a -> b;
    //  - a field matches when some leaf satisfies some condition, or when it has exists:false
    //    and no leaf exists at that path anywhere in the document;
    //  - array-consistent: leaves chosen for different fields of one branch must come from the
    //    same element of any array they share (event-ruler rulesForJSONEvent).
    // Allocation-free; never throws.
    bool matches(const nlohmann::json& document) const;

private:
    std::vector<Branch> branches_;
};

}  // namespace sim::match
