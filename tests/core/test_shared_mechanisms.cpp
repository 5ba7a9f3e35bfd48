// test_shared_mechanisms.cpp — the small mechanisms every service shares (core): token bucket,
// deduplication window, timer tags, per-account service state, message lineage.
#include "core/dedup_window.h"
#include "core/message.h"
#include "core/service.h"
#include "core/timer_tag.h"
#include "core/token_bucket.h"

#include <doctest/doctest.h>

using namespace sim;

TEST_SUITE("shared mechanisms") {
    TEST_CASE("a token bucket admits its burst at once, then its rate") {
        // API Gateway's account throttle: 10,000 requests/s, burst 5,000.
        TokenBucket b(10000, 5000);
        int admitted = 0;
        for (int i = 0; i < 6000; ++i) admitted += b.try_take(SimTime{}) ? 1 : 0;
        CHECK(admitted == 5000);
        // 10 ms later exactly 100 more tokens have refilled.
        admitted = 0;
        for (int i = 0; i < 200; ++i) admitted += b.try_take(msec(10)) ? 1 : 0;
        CHECK(admitted == 100);
        // Refill stops at the burst: after a long idle only 5,000 are there.
        admitted = 0;
        for (int i = 0; i < 6000; ++i) admitted += b.try_take(sec(3600)) ? 1 : 0;
        CHECK(admitted == 5000);
    }

    TEST_CASE("a token bucket charges a cost per request (DynamoDB capacity units)") {
        // 5 WCU with 300 s of burst: 1,500 units banked; a 4-unit write needs 4 of them.
        TokenBucket wcu(5, 5 * 300.0);
        CHECK(wcu.try_take(SimTime{}, 1500));
        CHECK_FALSE(wcu.try_take(SimTime{}, 4));
        CHECK_FALSE(wcu.available(msec(799), 4));  // 3.995 units after 0.799 s
        CHECK(wcu.try_take(msec(800), 4));         // 4 units after 0.8 s
        CHECK(wcu.tokens() == doctest::Approx(0).epsilon(1e-12));
    }

    TEST_CASE("a token bucket can start empty") {
        TokenBucket b(100, 1000, 0);
        CHECK_FALSE(b.try_take(SimTime{}));
        CHECK(b.try_take(msec(10)));  // one token after 10 ms at 100/s
    }

    TEST_CASE("a deduplication id is new again exactly when its 5-minute interval ends") {
        // SQS/SNS FIFO: a message sent with an id seen in the last 5 minutes is accepted, not delivered.
        DedupWindow w(minutes(5));
        CHECK(w.first_seen("a", SimTime{}));
        CHECK_FALSE(w.first_seen("a", sec(1)));
        CHECK_FALSE(w.first_seen("a", minutes(5) - SimTime{1}));  // duplicates do not extend it
        CHECK(w.first_seen("b", minutes(4)));
        CHECK(w.first_seen("a", minutes(5)));
        CHECK_FALSE(w.first_seen("b", minutes(8)));
        CHECK(w.first_seen("b", minutes(9)));
    }

    TEST_CASE("timer tags keep a kind and a 56-bit value apart") {
        enum class Timer : std::uint8_t { Retry = 1, Bill = 200 };
        const std::uint64_t big = (std::uint64_t{1} << 56) - 1;
        const std::uint64_t t = timer_tag(Timer::Bill, big);
        CHECK(timer_kind<Timer>(t) == Timer::Bill);
        CHECK(timer_value(t) == big);
        CHECK(timer_kind<Timer>(timer_tag(Timer::Retry)) == Timer::Retry);
        CHECK(timer_value(timer_tag(Timer::Retry)) == 0);
        const std::uint64_t pair = timer_pair(3, 70000);
        CHECK(timer_pair_high(pair) == 3);
        CHECK(timer_pair_low(pair) == 70000);
    }

    TEST_CASE("the account keeps one state object per service type, made on first use") {
        struct PoolA {
            explicit PoolA(int n) : limit(n) {}
            int limit;
            int used = 0;
        };
        struct PoolB {
            int used = 0;
        };
        Account account;
        PoolA& a = account.shared<PoolA>(1000);
        a.used = 7;
        CHECK(&account.shared<PoolA>(5) == &a);  // later arguments do not re-make it
        CHECK(account.shared<PoolA>(1).limit == 1000);
        CHECK(account.shared<PoolA>(1).used == 7);
        CHECK(account.shared<PoolB>().used == 0);
    }

    TEST_CASE("a derived message keeps its cause's lineage and counts Lambda hops as asked") {
        Message cause;
        cause.trace = 42;
        cause.id = 1;
        cause.origin = sec(3);
        cause.source = 2;
        cause.depth = 5;
        cause.recursion = 7;
        const Message kept = derived_message(cause, 9, "sns.notification", LoopCount::Keep);
        CHECK(kept.trace == 42);
        CHECK(kept.id == 9);
        CHECK(kept.origin == sec(3));
        CHECK(kept.source == 2);
        CHECK(kept.depth == 5);
        CHECK(kept.recursion == 7);
        CHECK(std::string(kept.type) == "sns.notification");
        CHECK(derived_message(cause, 10, "sdk.call", LoopCount::AddLambdaHop).recursion == 8);
        CHECK(derived_message(cause, 11, "sqs.batch", LoopCount::Restart).recursion == 0);
    }

}  // TEST_SUITE
