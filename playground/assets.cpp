// assets.cpp — lookups over the generated asset table and the files fetched after start.
#include "assets.h"

#include <deque>

namespace pg {
namespace {

struct Fetched {
    std::deque<std::pair<std::string, std::string>> files;  // a deque: entries never move
    std::vector<Asset> table;
    std::uint64_t generation = 0;
};

Fetched& fetched() {
    static Fetched f;
    return f;
}

}  // namespace

std::span<const Asset> fetched_assets() {
    return fetched().table;
}

const Asset* find_asset(std::string_view name) {
    const Asset* found = nullptr;
    for_each_asset([&](const Asset& a) {
        if (!found && name == a.name) found = &a;
    });
    return found;
}

std::string_view asset_text(std::string_view name) {
    const Asset* a = find_asset(name);
    return a ? std::string_view(reinterpret_cast<const char*>(a->data), a->size) : std::string_view{};
}

bool json_file_in(std::string_view name, std::string_view dir, std::string& stem) {
    if (name.rfind(dir, 0) != 0 || name.size() <= dir.size() + 5 || name.substr(name.size() - 5) != ".json")
        return false;
    const std::string_view rest = name.substr(dir.size(), name.size() - dir.size() - 5);
    if (rest.find('/') != std::string_view::npos) return false;
    stem = std::string(rest);
    return true;
}

void add_fetched_assets(std::vector<std::pair<std::string, std::string>> files) {
    Fetched& f = fetched();
    bool added = false;
    for (auto& file : files) {
        if (find_asset(file.first)) continue;
        const auto& kept = f.files.emplace_back(std::move(file));
        f.table.push_back(
            {kept.first.c_str(), reinterpret_cast<const unsigned char*>(kept.second.c_str()), kept.second.size()});
        added = true;
    }
    if (added) ++f.generation;
}

std::uint64_t assets_generation() {
    return fetched().generation;
}

}  // namespace pg
