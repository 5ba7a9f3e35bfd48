// diagnostics.h — user-facing problems as data: what is wrong, where (JSON pointer), what to do.
// Message style: lowercase start, names the field and the bad value, says what was expected,
// no trailing period. Texts are stable and tested verbatim.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sim {

enum class Severity { Error, Warning };

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
    void append(const Diagnostics& other) {
        items_.insert(items_.end(), other.items_.begin(), other.items_.end());
    }
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

private:
    std::vector<Diagnostic> items_;
};

// "error: /nodes/1/type: unknown service type 'lambada' (did you mean 'lambda'?)"
std::string format_diagnostic(const Diagnostic& d);

}  // namespace sim
