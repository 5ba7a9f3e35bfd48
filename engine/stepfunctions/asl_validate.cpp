// asl_validate.cpp — graph checks of a parsed state machine: every Next/Default/Catch target names
// a state of the same scope, StartAt exists, every state is reachable, names are unique overall.
#include "stepfunctions/asl_parse.h"

#include <set>

namespace sim::sfn {

namespace {

std::vector<std::string> targets(const StateDef& s) {
    std::vector<std::string> out;
    if (!s.next.empty()) out.push_back(s.next);
    for (const auto& rule : s.choices) out.push_back(rule.next);
    if (!s.default_next.empty()) out.push_back(s.default_next);
    for (const auto& c : s.catches) out.push_back(c.next);
    return out;
}

void check_scope(const StateMachineDef& m, const std::string& pointer, std::vector<AslDiagnostic>& errors,
                 std::set<std::string>& all_names) {
    const std::string states_ptr = pointer + "/States/";
    for (const auto& s : m.states) {
        if (!all_names.insert(s.name).second)
            errors.push_back({states_ptr + s.name, "state '" + s.name +
                                                       "': the name is used by more than one state "
                                                       "(names must be unique across the whole state machine)"});
        const std::string at = states_ptr + s.name;
        if (!s.next.empty() && !m.find(s.next))
            errors.push_back({at + "/Next", "state '" + s.name + "': Next '" + s.next + "' does not name a state"});
        for (std::size_t k = 0; k < s.choices.size(); ++k)
            if (!m.find(s.choices[k].next))
                errors.push_back({at + "/Choices/" + std::to_string(k) + "/Next",
                                  "state '" + s.name + "': Choices[" + std::to_string(k) + "].Next '" +
                                      s.choices[k].next + "' does not name a state"});
        if (!s.default_next.empty() && !m.find(s.default_next))
            errors.push_back(
                {at + "/Default", "state '" + s.name + "': Default '" + s.default_next + "' does not name a state"});
        for (std::size_t k = 0; k < s.catches.size(); ++k)
            if (!m.find(s.catches[k].next))
                errors.push_back({at + "/Catch/" + std::to_string(k) + "/Next",
                                  "state '" + s.name + "': Catch[" + std::to_string(k) + "].Next '" +
                                      s.catches[k].next + "' does not name a state"});
        for (std::size_t b = 0; b < s.branches.size(); ++b)
            check_scope(*s.branches[b], at + "/Branches/" + std::to_string(b), errors, all_names);
        if (s.iterator) check_scope(*s.iterator, at + "/ItemProcessor", errors, all_names);
    }
    // Reachability from StartAt (only meaningful once StartAt itself exists).
    if (!m.find(m.start_at)) return;
    std::set<std::string> seen{m.start_at};
    std::vector<std::string> todo{m.start_at};
    while (!todo.empty()) {
        const StateDef* s = m.find(todo.back());
        todo.pop_back();
        if (!s) continue;
        for (const auto& t : targets(*s))
            if (m.find(t) && seen.insert(t).second) todo.push_back(t);
    }
    for (const auto& s : m.states)
        if (!seen.count(s.name))
            errors.push_back(
                {states_ptr + s.name, "state '" + s.name + "': is not reachable from StartAt '" + m.start_at + "'"});
}

}  // namespace

void validate_transitions(const StateMachineDef& machine, const std::string& pointer,
                          std::vector<AslDiagnostic>& errors) {
    std::set<std::string> names;
    check_scope(machine, pointer, errors, names);
}

}  // namespace sim::sfn
