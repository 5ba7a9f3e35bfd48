// jsonpath.h — JSONPath as Step Functions (Jayway JsonPath) evaluates it: `$` / `$$` roots,
// dot and bracket names, indexes (negative too), unions, `*`, slices, `..` and `[?(...)]` filters.
// https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html
// Modelled:     [x] definite paths -> one value, indefinite paths -> array of matches
//               [x] Jayway error texts ("No results for path: $['a']")  [x] ResultPath assignment
// Not modelled: [ ] filter functions (length(), min()...)  [ ] Jayway's "in"/"nin" on objects
#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::sfn {

struct FilterExpr;

// One step of a path. `deep` marks a `..` before it (recursive descent).
struct PathSegment {
    enum class Kind { Names, Indexes, Wildcard, Slice, Filter };
    Kind kind = Kind::Names;
    bool deep = false;
    std::vector<std::string> names;  // Names: one or more (a union)
    std::vector<long long> indexes;  // Indexes: one or more (a union)
    std::optional<long long> slice_start, slice_end;
    long long slice_step = 1;
    std::shared_ptr<const FilterExpr> filter;
};

// Outcome of a lookup: the value, or Jayway's error text ("No results for path: $['x']").
struct PathLookup {
    bool found = false;
    nlohmann::json value;
    std::string error;
};

class JsonPath {
public:
    enum class Root { Document, Context, Current };  // `$`, `$$`, `@` (filters only)

    // Parses a whole path; on failure returns nullopt and sets *error to e.g.
    // "unexpected character '#' at position 3". `@` roots are refused here (filters only).
    static std::optional<JsonPath> parse(std::string_view text, std::string* error);

    // Parses a path starting at text[pos] and stops where a path cannot continue (used by filters
    // and intrinsic arguments); *end receives the position after the path.
    static std::optional<JsonPath> parse_prefix(std::string_view text, std::size_t pos, std::size_t* end,
                                                std::string* error, bool allow_current);

    Root root() const { return root_; }
    const std::string& text() const { return text_; }
    const std::vector<PathSegment>& segments() const { return segments_; }

    // Definite: only single names and single indexes, so it selects at most one value.
    bool is_definite() const;
    // Reference path (ResultPath, ItemsPath...): definite, so it names one place in a document.
    bool is_reference_path() const { return is_definite(); }

    // Jayway's normalised form, e.g. $['a']['b'][0].
    std::string normalized() const;

    // Looks the path up in `doc` (`root_doc` is what `$` means inside filters). A definite path
    // yields its value or an error; an indefinite one always succeeds with an array of matches.
    PathLookup find(const nlohmann::json& doc) const;
    PathLookup find(const nlohmann::json& doc, const nlohmann::json& root_doc) const;

    // Assigns `value` at this (reference) path inside `doc`, creating missing objects on the way.
    // Returns an error text when the path crosses a non-object or a missing array index.
    std::optional<std::string> assign(nlohmann::json& doc, nlohmann::json value) const;

private:
    Root root_ = Root::Document;
    std::string text_;
    std::vector<PathSegment> segments_;
};

// Filter expression support (jsonpath_filter.cpp).
std::shared_ptr<const FilterExpr> parse_filter(std::string_view text, std::size_t* pos, std::string* error);
bool filter_matches(const FilterExpr& expr, const nlohmann::json& current, const nlohmann::json& root_doc);

// Appends every node selected by `segments` starting at `node` (shared by paths and filters).
void select_nodes(const std::vector<PathSegment>& segments, const nlohmann::json& node, const nlohmann::json& root_doc,
                  std::vector<const nlohmann::json*>& out);

}  // namespace sim::sfn
