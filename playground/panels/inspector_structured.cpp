// inspector_structured.cpp — see inspector_structured.h.
#include "panels/inspector_structured.h"

#include "ui_marks.h"
#include "widgets.h"

namespace pg {
namespace {

const char* const kKeyTypes[] = {"S", "N", "B"};  // DynamoDB key attributes: string, number, binary

// The AttributeName of KeySchema's HASH or RANGE entry, "" when there is none.
std::string key_name(const sim::Json* schema, const char* key_type) {
    if (schema && schema->is_array())
        for (const auto& k : *schema)
            if (k.is_object() && k.value("KeyType", "") == key_type &&
                k.value("AttributeName", sim::Json()).is_string())
                return k["AttributeName"];
    return {};
}

// The AttributeType AttributeDefinitions gives `name` ("S" when it gives none).
std::string attribute_type(const sim::Json& config, const std::string& name) {
    if (auto defs = config.find("AttributeDefinitions"); defs != config.end() && defs->is_array())
        for (const auto& d : *defs)
            if (d.is_object() && d.value("AttributeName", "") == name &&
                d.value("AttributeType", sim::Json()).is_string())
                return d["AttributeType"];
    return "S";
}

// Whether an index's KeySchema names `name` (its definition must then stay).
bool index_key(const sim::Json& config, const std::string& name) {
    for (const char* indexes : {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"})
        if (auto list = config.find(indexes); list != config.end() && list->is_array())
            for (const auto& index : *list)
                if (index.is_object())
                    if (auto ks = index.find("KeySchema"); ks != index.end() && ks->is_array())
                        for (const auto& k : *ks)
                            if (k.is_object() && k.value("AttributeName", "") == name) return true;
    return false;
}

// One key row: its name and its type. `name` is the edit buffer.
bool key_row(const char* label, const char* mark, std::string& name, std::string& type, const char* hint) {
    bool edited = false;
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", label);
    const float type_w = ImGui::GetFrameHeight() * 1.8f;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - type_w - ImGui::GetStyle().ItemSpacing.x);
    edited |= input_text((std::string("##name") + label).c_str(), name, ImGuiInputTextFlags_CharsNoBlank, hint);
    mark_last_item(std::string("inspector.key-schema.") + mark);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(type_w);
    if (ImGui::BeginCombo((std::string("##type") + label).c_str(), type.c_str())) {
        for (const char* t : kKeyTypes) {
            if (ImGui::Selectable(t, type == t)) {
                type = t;
                edited = true;
            }
            mark_last_item(std::string("inspector.key-schema.") + mark + "-type." + t);
        }
        ImGui::EndCombo();
    }
    mark_last_item(std::string("inspector.key-schema.") + mark + "-type");
    return edited;
}

// A table's primary key: partition key and optional sort key, each with its type. KeySchema and
// AttributeDefinitions are written together, as AWS requires a definition for every key attribute
// and no definition that no key uses (an index's keys keep theirs).
bool key_schema_form(FieldEditContext& ctx, sim::Json& config) {
    const sim::Json* cur = config.contains("KeySchema") ? &config["KeySchema"] : nullptr;
    const std::string old_hash = cur ? key_name(cur, "HASH") : "id", old_range = key_name(cur, "RANGE");
    auto buffer = [&](const char* key, const std::string& value) -> std::string& {
        auto [it, fresh] = ctx.state.text.try_emplace(key, value);
        return it->second;
    };
    std::string& hash = buffer("#partition-key", old_hash);
    std::string& range = buffer("#sort-key", old_range);
    std::string hash_type = attribute_type(config, old_hash), range_type = attribute_type(config, old_range);
    ImGui::BeginGroup();
    bool edited = key_row("partition key", "partition", hash, hash_type, "name");
    edited |= key_row("sort key", "sort", range, range_type, "none");
    ImGui::EndGroup();
    if (!edited) return false;
    if (hash.empty() || hash == range) {
        ctx.state.errors["KeySchema"] =
            hash.empty() ? "the partition key needs a name" : "the sort key must differ from the partition key";
        return false;
    }
    ctx.state.errors.erase("KeySchema");
    sim::Json schema = sim::Json::array({{{"AttributeName", hash}, {"KeyType", "HASH"}}});
    if (!range.empty()) schema.push_back({{"AttributeName", range}, {"KeyType", "RANGE"}});
    sim::Json defs = sim::Json::array();
    if (auto old = config.find("AttributeDefinitions"); old != config.end() && old->is_array())
        for (const auto& d : *old) {
            const std::string n = d.is_object() ? d.value("AttributeName", "") : "";
            if (n != hash && n != range && ((n != old_hash && n != old_range) || index_key(config, n)))
                defs.push_back(d);
        }
    defs.push_back({{"AttributeName", hash}, {"AttributeType", hash_type}});
    if (!range.empty()) defs.push_back({{"AttributeName", range}, {"AttributeType", range_type}});
    config["KeySchema"] = std::move(schema);
    config["AttributeDefinitions"] = std::move(defs);
    return true;
}

// A function's instruction set: AWS takes a list of exactly one.
bool architectures_form(sim::Json& config) {
    const sim::Json* cur = config.contains("Architectures") ? &config["Architectures"] : nullptr;
    const std::string now = cur ? (*cur)[0].get<std::string>() : "x86_64";
    bool edited = false;
    if (ImGui::BeginCombo("##v", cur ? now.c_str() : "x86_64 (default)")) {
        for (const char* a : {"x86_64", "arm64"}) {
            if (ImGui::Selectable(a, now == a)) {
                config["Architectures"] = sim::Json::array({a});
                edited = true;
            }
            mark_last_item(std::string("inspector.architectures.") + a);
        }
        ImGui::EndCombo();
    }
    return edited;
}

}  // namespace

bool structured_field(FieldEditContext& ctx, const sim::ConfigField& f, sim::Json& config, bool& changed) {
    if (!ctx.inside.empty()) return false;  // the forms are for top-level properties
    const sim::Json* cur = config.contains(f.key) ? &config[f.key] : nullptr;
    if (ctx.service_type == "dynamodb" && f.key == "KeySchema") {
        if (cur && key_name(cur, "HASH").empty()) return false;  // a shape the form cannot show: JSON
        changed = key_schema_form(ctx, config) || changed;
        return true;
    }
    if (ctx.service_type == "lambda" && f.key == "Architectures") {
        if (cur && !(cur->is_array() && cur->size() == 1 && (*cur)[0].is_string())) return false;
        changed = architectures_form(config) || changed;
        return true;
    }
    return false;
}

}  // namespace pg
