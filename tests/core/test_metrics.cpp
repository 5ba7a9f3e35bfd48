// test_metrics.cpp — percentiles, bounded time series, gauges.
#include "core/metrics.h"

#include <doctest/doctest.h>

using namespace sim;

TEST_SUITE("metrics") {
    TEST_CASE("percentiles of a known distribution are within the histogram's resolution") {
        LatencyHistogram h;
        for (int ms = 1; ms <= 1000; ++ms) h.add(msec(ms));
        CHECK(h.count() == 1000);
        CHECK(h.percentile(0.5).millis() == doctest::Approx(500).epsilon(0.04));
        CHECK(h.percentile(0.99).millis() == doctest::Approx(990).epsilon(0.04));
        CHECK(h.max() == msec(1000));
        CHECK(h.mean_ms() == doctest::Approx(500.5));
    }

    TEST_CASE("an empty histogram reports zero") {
        LatencyHistogram h;
        CHECK(h.percentile(0.99).us == 0);
    }

    TEST_CASE("the time series stays bounded on long runs and keeps totals") {
        NodeMetrics m;
        for (std::int64_t s = 0; s < 86400; s += 10) m.count(Counter::Invocations, sec(s), 2);
        CHECK(m.series().buckets().size() <= TimeSeries::kMaxBuckets);
        std::uint64_t total = 0;
        for (const auto& b : m.series().buckets()) total += b.counters[static_cast<std::size_t>(Counter::Invocations)];
        CHECK(total == 8640 * 2);
        CHECK(m.get(Counter::Invocations) == 8640 * 2);
    }

    TEST_CASE("gauges remember their peak") {
        NodeMetrics m;
        m.set_concurrency(5, sec(1));
        m.set_concurrency(2, sec(2));
        CHECK(m.concurrency() == 2);
        CHECK(m.peak_concurrency() == 5);
    }
}
