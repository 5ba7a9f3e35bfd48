// test_scheduler.cpp — the future-event queue orders by time, then by insertion.
#include "core/scheduler.h"

#include <doctest/doctest.h>

using namespace sim;

TEST_SUITE("scheduler") {
    TEST_CASE("events run in time order regardless of posting order") {
        Scheduler s;
        for (std::int64_t t : {30, 10, 20}) s.post(Event{usec(t), 0, static_cast<std::uint32_t>(t), EventKind::Timer, 0, 0});
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
