// assets.cpp — lookups over the generated asset table.
#include "assets.h"

namespace pg {

const Asset* find_asset(std::string_view name) {
    for (const Asset& a : all_assets())
        if (name == a.name) return &a;
    return nullptr;
}

std::string_view asset_text(std::string_view name) {
    const Asset* a = find_asset(name);
    return a ? std::string_view(reinterpret_cast<const char*>(a->data), a->size) : std::string_view{};
}

}  // namespace pg
