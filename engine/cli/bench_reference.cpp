// bench_reference.cpp — the bare event loop (see bench_reference.h).
#include "cli/bench_reference.h"

#include "core/rng.h"

#include <algorithm>
#include <chrono>
#include <vector>

namespace sim::cli {

namespace {

struct BareEvent {
    std::int64_t at_us;
    std::uint64_t seq;
    std::uint32_t node;
    std::uint32_t slot;
    std::uint64_t tag;
};
static_assert(sizeof(BareEvent) == 32, "the same size as the engine's events");

// Later events sort first, so the heap's front is the earliest (time, sequence).
bool later(const BareEvent& a, const BareEvent& b) {
    return a.at_us != b.at_us ? a.at_us > b.at_us : a.seq > b.seq;
}

struct Loop {
    std::vector<BareEvent> heap;
    Rng rng{42};
    std::uint64_t seq = 0;
    std::uint64_t checksum = 0;  // what the handlers did, so the loop cannot be optimised away

    void post(std::int64_t at_us, std::uint32_t node, std::uint64_t tag) {
        heap.push_back({at_us, seq++, node, static_cast<std::uint32_t>(seq), tag});
        std::push_heap(heap.begin(), heap.end(), later);
    }
};

// One handler per "service", called through a pointer as the engine calls a service's hooks.
using Handler = void (*)(Loop&, const BareEvent&);
void forward(Loop& loop, const BareEvent& e) {
    loop.checksum += e.tag ^ e.slot;
    const auto delay = static_cast<std::int64_t>(loop.rng.exponential(10'000.0));  // mean 10 ms
    loop.post(e.at_us + delay, (e.node + 1) % 8, e.tag + 1);
}
void answer(Loop& loop, const BareEvent& e) {
    loop.checksum ^= e.tag * 31;
    loop.post(e.at_us + 1 + static_cast<std::int64_t>(loop.rng.below(20'000)), (e.node + 1) % 8, e.tag);
}
const Handler kHandlers[8] = {forward, answer, forward, forward, answer, forward, answer, forward};

volatile std::uint64_t g_checksum = 0;  // what the handlers computed stays observable

}  // namespace

BareLoopResult run_bare_loop(std::uint64_t events, std::uint32_t pending) {
    Loop loop;
    loop.heap.reserve(pending + 1);
    for (std::uint32_t i = 0; i < pending; ++i) loop.post(static_cast<std::int64_t>(i), i % 8, i);
    const auto t0 = std::chrono::steady_clock::now();
    for (std::uint64_t n = 0; n < events; ++n) {
        std::pop_heap(loop.heap.begin(), loop.heap.end(), later);
        const BareEvent e = loop.heap.back();
        loop.heap.pop_back();
        kHandlers[e.node](loop, e);
    }
    BareLoopResult r;
    r.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.events = events;
    g_checksum = loop.checksum;
    return r;
}

}  // namespace sim::cli
