// field_help.cpp — the fetched help files, by service type.
#include "field_help.h"

#include "core/message.h"  // sim::Json

#include <map>

namespace pg {

namespace {

struct TypeHelp {
    bool arrived = false;
    sim::Json entries;  // the file, once arrived
    std::string error;  // why it could not be read
};

std::map<std::string, TypeHelp>& by_type() {
    static std::map<std::string, TypeHelp> help;
    return help;
}

}  // namespace

FieldMeaning field_meaning(const std::string& type, std::string_view section, const std::string& key) {
    auto [it, first_ask] = by_type().try_emplace(type);
    if (first_ask) fetch_field_help(type);
    const TypeHelp& help = it->second;
    if (!help.error.empty()) return {FieldMeaning::State::Missing, help.error};
    if (!help.arrived) return {};
    const sim::Json* entry = nullptr;
    if (auto s = help.entries.find(section); s != help.entries.end() && s->is_object())
        if (auto e = s->find(key); e != s->end() && e->is_object()) entry = &*e;
    if (!entry || !entry->value("text", sim::Json()).is_string()) return {FieldMeaning::State::Missing, {}};
    return {FieldMeaning::State::Ready, (*entry)["text"].get<std::string>(), entry->value("aws", true)};
}

void field_help_arrived(const std::string& type, std::string_view json_text) {
    TypeHelp& help = by_type()[type];
    help.entries = sim::Json::parse(json_text, nullptr, false);
    help.arrived = !help.entries.is_discarded() && help.entries.is_object();
    if (!help.arrived) help.error = "the help file for " + type + " is not valid JSON";
}

void field_help_failed(const std::string& type, std::string reason) {
    by_type()[type].error = std::move(reason);
}

}  // namespace pg
