// json_fields.h — checked reads of one object in a challenge or tour file. Every bad or missing
// value becomes a diagnostic at its JSON pointer naming the bad value and what was expected;
// keys never read are reported by finish() as warnings.
#pragma once

#include "core/diagnostics.h"
#include "core/message.h"
#include "core/sim_time.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sim::challenge {

class Fields {
public:
    // `obj` must outlive the reader; `path` is its JSON pointer ("/checks/2").
    Fields(const Json& obj, std::string path, Diagnostics& diags);

    bool has(const std::string& key) const;
    const std::string& path() const { return path_; }
    std::string path_of(const std::string& key) const { return path_ + "/" + key; }
    // A string; when absent: an error if `required`, else `dflt`.
    std::string text(const std::string& key, bool required, const std::string& dflt = {});
    // A number in [lo, hi]; nullopt when absent (error if required) or bad.
    std::optional<double> number(const std::string& key, bool required, double lo, double hi);
    // A duration string ("90s", "10m", "1h"); nullopt when absent (error if required) or bad.
    std::optional<SimTime> duration(const std::string& key, bool required);
    // An array of strings (a single string is accepted as a one-element list).
    std::vector<std::string> texts(const std::string& key, bool required);
    // Raw value (marks the key read); nullptr when absent.
    const Json* raw(const std::string& key);
    void error(const std::string& key, std::string message, std::string hint = {});
    Diagnostics& diagnostics() { return *diags_; }
    void finish();

private:
    const Json* find(const std::string& key, bool required, const char* expected);
    const Json& obj_;
    std::string path_;
    Diagnostics* diags_;
    std::set<std::string> used_;
};

// JSON pointer escaping of one reference token ("a/b" → "a~1b").
std::string pointer_token(const std::string& key);

}  // namespace sim::challenge
