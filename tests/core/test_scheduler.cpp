// test_scheduler.cpp — the future-event queue orders by time, then by insertion.
#include "core/scheduler.h"

#include <doctest/doctest.h>

#include "core/rng.h"

#include <map>
#include <set>
#include <vector>

using namespace sim;

TEST_SUITE("scheduler") {
    TEST_CASE("events run in time order regardless of posting order") {
        Scheduler s;
        for (std::int64_t t : {30, 10, 20})
            s.post(Event{usec(t), 0, static_cast<std::uint32_t>(t), EventKind::Timer, 0, 0});
        CHECK(s.pop().node == 10);
        CHECK(s.pop().node == 20);
        CHECK(s.pop().node == 30);
        CHECK(s.empty());
    }

    TEST_CASE("events at the same instant run in the order they were posted") {
        Scheduler s;
        for (std::uint32_t n = 0; n < 100; ++n) s.post(Event{msec(5), 0, n, EventKind::Timer, 0, 0});
        for (std::uint32_t n = 0; n < 100; ++n) CHECK(s.pop().node == n);
    }

    TEST_CASE("events posted for the current instant run after the heap's events at that instant, in posting order") {
        // Some events reach time t through the heap (posted earlier for t), others are posted at
        // t for t (the zero-delay lane); together they must run in (time, sequence) order.
        Scheduler s;
        s.post(Event{msec(5), 0, 1, EventKind::Timer, 0, 0});
        s.post(Event{msec(5), 0, 2, EventKind::Timer, 0, 0});
        s.post(Event{msec(9), 0, 9, EventKind::Timer, 0, 0});
        CHECK(s.pop().node == 1);                              // clock at 5 ms
        s.post(Event{msec(5), 0, 3, EventKind::Timer, 0, 0});  // same instant: after node 2
        s.post(Event{msec(5), 0, 4, EventKind::Timer, 0, 0});
        CHECK(s.size() == 4);
        CHECK(s.peek_time() == msec(5));
        CHECK(s.pop().node == 2);
        CHECK(s.pop().node == 3);
        s.post(Event{msec(5), 0, 5, EventKind::Timer, 0, 0});
        CHECK(s.pop().node == 4);
        CHECK(s.pop().node == 5);
        CHECK(s.peek_time() == msec(9));
        CHECK(s.pop().node == 9);
        CHECK(s.empty());
    }

    TEST_CASE("a cancelled event of the current instant is skipped, first in line or not") {
        Scheduler s;
        const auto a = s.post(Event{SimTime{}, 0, 1, EventKind::Timer, 0, 0});
        const auto b = s.post(Event{SimTime{}, 0, 2, EventKind::Timer, 0, 0});
        const auto c = s.post(Event{SimTime{}, 0, 3, EventKind::Timer, 0, 0});
        s.post(Event{msec(1), 0, 4, EventKind::Timer, 0, 0});
        s.cancel(b);  // in the middle
        s.cancel(a);  // first in line: b behind it goes too
        CHECK(s.size() == 2);
        CHECK(s.pop().node == 3);
        s.cancel(c);  // already ran: ignored
        CHECK(s.pop().node == 4);
        CHECK(s.empty());
        CHECK(s.peek_time() == kNever);
    }

    TEST_CASE("an instant that never drains keeps its order while the lane drops what already ran") {
        // Two chains at one instant: every pop posts the chain's next event, so the lane is never
        // empty and its consumed prefix is erased in place from time to time.
        Scheduler s;
        s.post(Event{SimTime{}, 0, 0, EventKind::Timer, 0, 0});
        s.post(Event{SimTime{}, 0, 1, EventKind::Timer, 0, 0});
        std::uint64_t cancelled = 0;
        for (std::uint32_t n = 0; n < 50000; ++n) {
            REQUIRE(s.pop().node == n);
            s.post(Event{SimTime{}, 0, n + 2, EventKind::Timer, 0, 0});
            if (n % 1000 == 0) cancelled = s.post(Event{SimTime{}, 0, 1u << 23, EventKind::Timer, 0, 0});
            if (n % 1000 == 1) s.cancel(cancelled);  // never popped
        }
        CHECK(s.size() == 2);
    }

    TEST_CASE("popping advances the clock to the event's time and never backwards") {
        Scheduler s;
        s.post(Event{sec(2), 0, 1, EventKind::Timer, 0, 0});
        CHECK(s.now() == SimTime{});
        CHECK(s.peek_time() == sec(2));
        s.pop();
        CHECK(s.now() == sec(2));
        s.advance_to(sec(1));
        CHECK(s.now() == sec(2));
        s.advance_to(sec(3));
        CHECK(s.now() == sec(3));
        CHECK(s.peek_time() == kNever);
    }

    TEST_CASE("sequence numbers are unique and increasing") {
        Scheduler s;
        auto a = s.post(Event{sec(1), 0, 0, EventKind::Timer, 0, 0});
        auto b = s.post(Event{sec(1), 0, 0, EventKind::Timer, 0, 0});
        CHECK(b == a + 1);
        CHECK(s.posted() == 2);
    }
}

TEST_SUITE("scheduler") {
    TEST_CASE("a cancelled event is never popped and the next live one keeps its place") {
        Scheduler s;
        const auto a = s.post(Event{sec(1), 0, 1, EventKind::Timer, 0, 0});
        const auto b = s.post(Event{sec(2), 0, 2, EventKind::Timer, 0, 0});
        s.post(Event{sec(3), 0, 3, EventKind::Timer, 0, 0});
        s.cancel(b);
        CHECK(s.size() == 2);
        CHECK(s.pop().node == 1);
        CHECK(s.peek_time() == sec(3));
        CHECK(s.pop().node == 3);
        CHECK(s.empty());
        s.cancel(a);  // already ran: ignored
        CHECK(s.size() == 0);
    }

    TEST_CASE("cancelling the next event moves peek_time to the next live one") {
        Scheduler s;
        const auto a = s.post(Event{sec(1), 0, 1, EventKind::Timer, 0, 0});
        const auto b = s.post(Event{sec(2), 0, 2, EventKind::Timer, 0, 0});
        s.post(Event{sec(3), 0, 3, EventKind::Timer, 0, 0});
        s.cancel(b);
        s.cancel(a);
        CHECK(s.peek_time() == sec(3));
        CHECK(s.size() == 1);
    }

    TEST_CASE("arming and cancelling a long timeout per request keeps the queue small") {
        // Like API Gateway: a request every 1 ms arms a 29 s timeout and cancels it when the
        // answer comes 5 ms later. Without removal the queue would hold ~29,000 dead timers.
        Scheduler s;
        constexpr std::uint64_t kRequests = 100000;
        std::vector<std::uint64_t> timeout_of(kRequests);
        std::uint64_t arrivals = 0, answered = 0;
        std::size_t largest = 0;
        s.post(Event{msec(1), 0, 0, EventKind::Timer, 0, 0});
        while (!s.empty()) {
            const Event e = s.pop();
            if (e.node == 0) {
                const std::uint64_t i = arrivals++;
                timeout_of[i] = s.post(Event{s.now() + sec(29), 0, 2, EventKind::Timer, 0, i});
                s.post(Event{s.now() + msec(5), 0, 1, EventKind::Timer, 0, i});
                if (arrivals < kRequests) s.post(Event{s.now() + msec(1), 0, 0, EventKind::Timer, 0, 0});
            } else if (e.node == 1) {
                ++answered;
                s.cancel(timeout_of[e.tag]);
            } else {
                FAIL("a cancelled timeout fired");
            }
            largest = std::max(largest, s.stored());
        }
        CHECK(answered == kRequests);
        CHECK(largest < 100);
    }

    TEST_CASE("pops match a reference order through growth past the sorted vector and back") {
        // Random posts (some at the current instant), pops and cancellations, with the pending
        // count swinging from a few to hundreds and back, so the queue switches between its sorted
        // vector and its heap many times; every pop must be the (time, sequence) minimum.
        Scheduler s;
        Rng rng(7);
        std::set<std::pair<std::int64_t, std::uint64_t>> expected;  // (at, seq) of live events
        std::map<std::uint64_t, std::int64_t> at_of;
        std::uint64_t pops = 0;
        for (int round = 0; round < 40; ++round) {
            const int grow = round % 2 == 0 ? 300 : 5;
            for (int i = 0; i < grow; ++i) {
                const std::int64_t delay =
                    rng.chance(0.2) ? 0 : static_cast<std::int64_t>(rng.below(round % 3 == 0 ? 50 : 5000));
                const SimTime at{s.now().us + delay};
                const std::uint64_t seq = s.post(Event{at, 0, 0, EventKind::Timer, 0, 0});
                expected.insert({at.us, seq});
                at_of[seq] = at.us;
                if (rng.chance(0.1) && !at_of.empty()) {  // cancel a random live event
                    auto it = at_of.lower_bound(rng.below(seq + 1));
                    if (it == at_of.end()) it = at_of.begin();
                    s.cancel(it->first);
                    expected.erase({it->second, it->first});
                    at_of.erase(it);
                }
            }
            const std::size_t keep = round % 2 == 0 ? 200 : 3;
            while (expected.size() > keep) {
                REQUIRE(s.size() == expected.size());
                REQUIRE(s.peek_time().us == expected.begin()->first);
                const Event e = s.pop();
                REQUIRE(e.seq == expected.begin()->second);
                REQUIRE(e.at.us == expected.begin()->first);
                at_of.erase(e.seq);
                expected.erase(expected.begin());
                ++pops;
            }
        }
        CHECK(pops > 5000);
    }
}
