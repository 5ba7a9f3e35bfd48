// frame_damage.cpp — see frame_damage.h.
#include "platform/frame_damage.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace pg {
namespace {

// Word-wise equality (the C library's memcmp compiles to a byte loop in wasm; the UI's vertices
// are ~1 MB a frame).
bool same_bytes(const void* a, const void* b, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(a);
    const auto* q = static_cast<const unsigned char*>(b);
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t x = 0, y = 0;
        std::memcpy(&x, p + i, 8);
        std::memcpy(&y, q + i, 8);
        if (x != y) return false;
    }
    for (; i < n; ++i)
        if (p[i] != q[i]) return false;
    return true;
}

template <typename T>
bool same(const ImVector<T>& a, const ImVector<T>& b) {
    return a.Size == b.Size && same_bytes(a.Data, b.Data, static_cast<std::size_t>(a.Size) * sizeof(T));
}

bool same_commands(const ImVector<ImDrawCmd>& a, const ImVector<ImDrawCmd>& b) {
    if (a.Size != b.Size) return false;
    for (int i = 0; i < a.Size; ++i) {
        const ImDrawCmd &x = a[i], &y = b[i];
        if (x.ClipRect.x != y.ClipRect.x || x.ClipRect.y != y.ClipRect.y || x.ClipRect.z != y.ClipRect.z ||
            x.ClipRect.w != y.ClipRect.w || x.TextureId != y.TextureId || x.VtxOffset != y.VtxOffset ||
            x.IdxOffset != y.IdxOffset || x.ElemCount != y.ElemCount || x.UserCallback != y.UserCallback ||
            x.UserCallbackData != y.UserCallbackData)
            return false;
    }
    return true;
}

template <typename T>
void copy_into(ImVector<T>& to, const ImVector<T>& from) {
    to.resize(from.Size);
    if (from.Size > 0) std::memcpy(to.Data, from.Data, static_cast<std::size_t>(from.Size) * sizeof(T));
}

// The pixels a list's commands may touch: the union of their clip rectangles, on screen.
PixelBox list_bounds(const ImDrawList* list, const ImDrawData* dd, const PixelBox& screen) {
    PixelBox b{screen.x1, screen.y1, screen.x0, screen.y0};
    const ImVec2 off = dd->DisplayPos, scale = dd->FramebufferScale;
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
        if (cmd.ElemCount == 0 && !cmd.UserCallback) continue;
        b.x0 = std::min(b.x0, static_cast<int>(std::floor((cmd.ClipRect.x - off.x) * scale.x)));
        b.y0 = std::min(b.y0, static_cast<int>(std::floor((cmd.ClipRect.y - off.y) * scale.y)));
        b.x1 = std::max(b.x1, static_cast<int>(std::ceil((cmd.ClipRect.z - off.x) * scale.x)));
        b.y1 = std::max(b.y1, static_cast<int>(std::ceil((cmd.ClipRect.w - off.y) * scale.y)));
    }
    return intersect(b, screen);
}

PixelBox unite(const PixelBox& a, const PixelBox& b) {
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

bool overlap(const PixelBox& a, const PixelBox& b) {
    return !intersect(a, b).empty();
}

// Overlapping boxes become their union until none overlap: each pixel is then redrawn once
// (drawing translucent content twice would darken it).
std::vector<PixelBox> disjoint(std::vector<PixelBox> boxes) {
    boxes.erase(std::remove_if(boxes.begin(), boxes.end(), [](const PixelBox& b) { return b.empty(); }), boxes.end());
    for (bool merged = true; merged;) {
        merged = false;
        for (std::size_t i = 0; i < boxes.size() && !merged; ++i)
            for (std::size_t j = i + 1; j < boxes.size(); ++j)
                if (overlap(boxes[i], boxes[j])) {
                    boxes[i] = unite(boxes[i], boxes[j]);
                    boxes.erase(boxes.begin() + static_cast<std::ptrdiff_t>(j));
                    merged = true;
                    break;
                }
    }
    return boxes;
}

}  // namespace

PixelBox intersect(const PixelBox& a, const PixelBox& b) {
    return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

std::vector<PixelBox> FrameDamage::update(const ImDrawData* dd, int fb_width, int fb_height, bool full) {
    const PixelBox screen{0, 0, fb_width, fb_height};
    full = full || fb_width != fb_width_ || fb_height != fb_height_;
    fb_width_ = fb_width;
    fb_height_ = fb_height;

    std::vector<PixelBox> damaged;
    std::vector<ListCopy> next(static_cast<std::size_t>(dd->CmdListsCount));
    std::vector<bool> matched(last_.size(), false);
    std::size_t cursor = 0;  // lists come in the same order frame after frame: search from here
    bool reordered = false;
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        const ImDrawList* list = dd->CmdLists[n];
        ListCopy& now = next[static_cast<std::size_t>(n)];
        now.list = list;
        now.bounds = list_bounds(list, dd, screen);
        std::size_t j = cursor;
        while (j < last_.size() && last_[j].list != list) ++j;
        if (j == last_.size()) {  // not after the previous match: earlier (reordered) or new
            j = 0;
            while (j < cursor && last_[j].list != list) ++j;
            if (j < cursor)
                reordered = true;
            else
                j = last_.size();
        }
        if (j == last_.size()) {
            damaged.push_back(now.bounds);
            copy_into(now.vtx, list->VtxBuffer);
            copy_into(now.idx, list->IdxBuffer);
            copy_into(now.cmd, list->CmdBuffer);
            continue;
        }
        ListCopy& before = last_[j];
        matched[j] = true;
        cursor = j + 1;
        // Reuse last frame's copy (and its memory): compare, then refresh only what differs.
        now.vtx.swap(before.vtx);
        now.idx.swap(before.idx);
        now.cmd.swap(before.cmd);
        const bool same_vtx = same(now.vtx, list->VtxBuffer), same_idx = same(now.idx, list->IdxBuffer);
        const bool same_cmd = same_commands(now.cmd, list->CmdBuffer);
        if (!same_vtx) copy_into(now.vtx, list->VtxBuffer);
        if (!same_idx) copy_into(now.idx, list->IdxBuffer);
        if (!same_cmd) copy_into(now.cmd, list->CmdBuffer);
        if (!(same_vtx && same_idx && same_cmd)) {
            damaged.push_back(before.bounds);
            damaged.push_back(now.bounds);
        }
    }
    for (std::size_t j = 0; j < last_.size(); ++j)
        if (!matched[j]) damaged.push_back(last_[j].bounds);
    last_ = std::move(next);

    if (full || reordered) return {screen};
    damaged = disjoint(std::move(damaged));
    // Each box costs a pass over the draw lists that touch it; past a dozen, one pass is cheaper.
    if (damaged.size() > 12) return {screen};
    return damaged;
}

}  // namespace pg
