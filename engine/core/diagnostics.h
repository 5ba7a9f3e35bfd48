// diagnostics.h — user-facing problems as data: what is wrong, where (JSON pointer), what to do.
// Message style: lowercase start, names the field and the bad value, says what was expected,
// no trailing period. Texts are stable and tested verbatim.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace sim {

enum class Severity { Error, Warning };

struct ConfigField;  // pattern/config_reader.h

// Sees every config property a ConfigReader reads while these diagnostics collect problems, with
// the JSON pointer of the object read ("/edges/3/config"). Services read a link's settings with
// readers of their own; the playground's link inspector learns those fields through this.
using ConfigFieldObserver = std::function<void(const std::string& object_path, const ConfigField& field)>;

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string path;     // JSON pointer into the pattern, e.g. "/nodes/2/config/MemorySize"
    std::string message;  // "MemorySize must be 128..10240 MB, got 64"
    std::string hint;     // optional: the AWS rule or the fix
};

class Diagnostics {
public:
    void error(std::string path, std::string message, std::string hint = {}) {
        items_.push_back({Severity::Error, std::move(path), std::move(message), std::move(hint)});
    }
    void warning(std::string path, std::string message, std::string hint = {}) {
        items_.push_back({Severity::Warning, std::move(path), std::move(message), std::move(hint)});
    }
    void append(const Diagnostics& other) { items_.insert(items_.end(), other.items_.begin(), other.items_.end()); }
    bool has_errors() const {
        for (const auto& d : items_)
            if (d.severity == Severity::Error) return true;
        return false;
    }
    std::size_t error_count() const {
        std::size_t n = 0;
        for (const auto& d : items_) n += d.severity == Severity::Error;
        return n;
    }
    const std::vector<Diagnostic>& items() const { return items_; }
    bool empty() const { return items_.empty(); }

    void observe_fields(ConfigFieldObserver observer) { observer_ = std::move(observer); }
    const ConfigFieldObserver& field_observer() const { return observer_; }

private:
    std::vector<Diagnostic> items_;
    ConfigFieldObserver observer_;
};

// "error: /nodes/1/type: unknown service type 'lambada' (did you mean 'lambda'?)"
std::string format_diagnostic(const Diagnostic& d);

}  // namespace sim
