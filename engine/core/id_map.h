// id_map.h — a hash map from non-zero 64-bit ids (call ids, invocation ids) to values, kept in one
// flat array with linear probing. Unlike std::unordered_map it allocates nothing per insert, which
// matters on per-request paths (an API's in-flight requests, a client's outstanding calls).
// Erase leaves a tombstone (or an empty slot where no probe chain runs on), so erasing never
// moves other entries; only an insert that grows or cleans the table moves them (like
// std::vector). Iteration order is unspecified: it must never influence events or output (sort
// first when it would).
#pragma once

#include <cstdint>
#include <new>
#include <utility>
#include <vector>

namespace sim {

template <class V>
class IdMap {
public:
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    std::size_t capacity() const { return slots_.size(); }
    std::size_t tombstones() const { return tombstones_; }

    // The value for `id`, or nullptr. `id` 0 is never present.
    V* find(std::uint64_t id) {
        if (slots_.empty() || id == kEmpty || id == kTombstone) return nullptr;
        for (std::size_t i = home(id);; i = (i + 1) & mask_) {
            if (slots_[i].key == id) return &slots_[i].value;
            if (slots_[i].key == kEmpty) return nullptr;
        }
    }
    const V* find(std::uint64_t id) const { return const_cast<IdMap*>(this)->find(id); }

    // Inserts or replaces the value for `id` (non-zero); returns it. May move other entries.
    V& put(std::uint64_t id, V value) {
        if ((size_ + tombstones_ + 1) * 2 > slots_.size()) rehash();
        std::size_t reuse = SIZE_MAX;
        for (std::size_t i = home(id);; i = (i + 1) & mask_) {
            Slot& s = slots_[i];
            if (s.key == id) {
                s.value = std::move(value);
                return s.value;
            }
            if (s.key == kTombstone && reuse == SIZE_MAX) reuse = i;
            if (s.key == kEmpty) {
                if (reuse != SIZE_MAX) --tombstones_;
                Slot& t = slots_[reuse != SIZE_MAX ? reuse : i];
                t.key = id;
                renew(t.value, std::move(value));
                ++size_;
                return t.value;
            }
        }
    }

    // Removes `id`; false when it was not there. Never moves other entries.
    bool erase(std::uint64_t id) {
        if (slots_.empty() || id == kEmpty || id == kTombstone) return false;
        for (std::size_t i = home(id);; i = (i + 1) & mask_) {
            Slot& s = slots_[i];
            if (s.key == kEmpty) return false;
            if (s.key != id) continue;
            renew(s.value);  // drops what the value held (shared payloads)
            --size_;
            if (slots_[(i + 1) & mask_].key == kEmpty) {
                // No probe chain runs past an empty slot, so this slot and the tombstones just
                // before it can be empty again: a map that is filled and drained in turn (calls
                // answered in order) then never fills up with tombstones and rehashes.
                s.key = kEmpty;
                for (std::size_t j = (i - 1) & mask_; slots_[j].key == kTombstone; j = (j - 1) & mask_) {
                    slots_[j].key = kEmpty;
                    --tombstones_;
                }
            } else {
                s.key = kTombstone;
                ++tombstones_;
            }
            return true;
        }
    }

    // Calls f(id, value) for every entry, in unspecified order.
    template <class F>
    void for_each(F&& f) const {
        for (const Slot& s : slots_)
            if (s.key != kEmpty && s.key != kTombstone) f(s.key, s.value);
    }

    void clear() {
        slots_.clear();
        size_ = tombstones_ = 0;
        mask_ = 0;
    }

private:
    static constexpr std::uint64_t kEmpty = 0;
    static constexpr std::uint64_t kTombstone = UINT64_MAX;
    struct Slot {
        std::uint64_t key = kEmpty;
        V value{};
    };
    // Rebuilds a free slot's value in place (one destroy and one construction, where assigning
    // would build a temporary and move member by member).
    template <class... A>
    static void renew(V& v, A&&... args) {
        v.~V();
        new (&v) V(std::forward<A>(args)...);
    }
    std::size_t home(std::uint64_t id) const {
        return static_cast<std::size_t>((id * 0x9e3779b97f4a7c15ULL) >> 32) & mask_;  // Fibonacci hashing
    }
    void rehash() {
        std::size_t cap = 16;
        while (cap < (size_ + 1) * 4) cap *= 2;
        std::vector<Slot> old = std::move(slots_);
        slots_.clear();
        slots_.resize(cap);
        mask_ = cap - 1;
        tombstones_ = 0;
        for (Slot& s : old) {
            if (s.key == kEmpty || s.key == kTombstone) continue;
            std::size_t i = home(s.key);
            while (slots_[i].key != kEmpty) i = (i + 1) & mask_;
            slots_[i].key = s.key;
            slots_[i].value = std::move(s.value);
        }
    }

    std::vector<Slot> slots_;
    std::size_t size_ = 0, tombstones_ = 0, mask_ = 0;
};

}  // namespace sim
