// text_position.h — where byte `offset` of a text is, as people count: 1-based line and column.
// Every parser's error (JSON, YAML, expressions) reports positions through this one function.
#pragma once

#include <cstddef>
#include <string_view>

namespace sim {

// 1-based line and column of byte `offset` in `text` (columns count bytes; past the end counts
// to the end).
void line_column(std::string_view text, std::size_t offset, std::size_t& line, std::size_t& column);

}  // namespace sim
