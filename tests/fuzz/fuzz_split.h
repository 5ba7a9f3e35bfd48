// fuzz_split.h — one fuzz input carrying two texts: "<first>\n---\n<second>" (no separator: the
// whole input is both). Lets a seed file hold a filter and the event it is tested against.
#pragma once

#include <string_view>
#include <utility>

namespace fuzz {

inline std::pair<std::string_view, std::string_view> split_input(std::string_view text) {
    constexpr std::string_view kSeparator = "\n---\n";
    const auto at = text.find(kSeparator);
    if (at == std::string_view::npos) return {text, text};
    return {text.substr(0, at), text.substr(at + kSeparator.size())};
}

}  // namespace fuzz
