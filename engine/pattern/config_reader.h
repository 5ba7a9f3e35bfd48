// config_reader.h — checked reads of a node's config object. Every bad value becomes a Diagnostic
// with its JSON pointer, the bad value and the allowed range (in the property's AWS units), and the
// read returns the default so building can continue and report every problem at once.
// Keys never read are reported by finish() as warnings (kept on save, not simulated).
#pragma once

#include "core/diagnostics.h"
#include "core/distribution.h"
#include "core/message.h"

#include <cstdint>
#include <initializer_list>
#include <set>
#include <string>
#include <vector>

namespace sim {

// One property a service read: what the playground's inspector lists (name, type, default, range,
// unit, allowed values) without a second schema to keep in sync with the services.
struct ConfigField {
    std::string key;                   // CloudFormation property name
    std::string kind;                  // "integer", "number", "boolean", "text", "choice", "distribution", "raw"
    Json dflt;                         // the default the service uses when the key is absent (null for raw)
    double lo = 0, hi = 0;             // integer/number: the valid range
    std::string unit;                  // "MB", "s", ... (may be empty)
    std::vector<std::string> allowed;  // choice: the allowed values
};

class ConfigReader {
public:
    // `config` must outlive the reader; `path` is its JSON pointer ("/nodes/3/config").
    ConfigReader(const Json& config, std::string path, Diagnostics& diags);

    bool has(const std::string& key) const;
    // Integer in [lo, hi]; `unit` is appended to messages ("MB", "s").
    std::int64_t integer(const std::string& key, std::int64_t dflt, std::int64_t lo, std::int64_t hi,
                         const char* unit = "");
    double number(const std::string& key, double dflt, double lo, double hi, const char* unit = "");
    bool boolean(const std::string& key, bool dflt);
    std::string text(const std::string& key, const std::string& dflt);
    std::string choice(const std::string& key, const std::string& dflt, std::initializer_list<const char*> allowed);
    // The same, for a list known only at build time (the operations of a linked service's contract).
    std::string choice(const std::string& key, const std::string& dflt, std::vector<std::string> allowed);
    Distribution distribution(const std::string& key, const Distribution& dflt);
    // Raw access (marks the key used); nullptr when absent.
    const Json* raw(const std::string& key);

    void error(const std::string& key, std::string message, std::string hint = {});
    std::string path_of(const std::string& key) const { return path_ + "/" + key; }
    Diagnostics& diagnostics() { return *diags_; }
    // Warns once per config key that no read touched.
    void finish();
    // Every property read so far, in first-read order (one entry per key).
    const std::vector<ConfigField>& fields() const { return fields_; }

private:
    const Json* find(const std::string& key);
    void note(ConfigField field);
    const Json& config_;
    std::string path_;
    Diagnostics* diags_;
    std::set<std::string> used_;
    std::vector<ConfigField> fields_;
};

}  // namespace sim
