// test_id_map.cpp — the flat id → value map used on per-request paths.
#include "core/id_map.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

using namespace sim;

TEST_SUITE("id_map") {
    TEST_CASE("put, find and erase agree with std::map over a long churn") {
        IdMap<std::string> m;
        std::map<std::uint64_t, std::string> ref;
        std::uint64_t x = 12345;
        for (int i = 0; i < 200000; ++i) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            const std::uint64_t id = 1 + (x >> 40) % 5000;
            if ((x >> 20) % 3 == 0) {
                CHECK(m.erase(id) == (ref.erase(id) == 1));
            } else {
                m.put(id, std::to_string(id * 7));
                ref[id] = std::to_string(id * 7);
            }
        }
        CHECK(m.size() == ref.size());
        for (std::uint64_t id = 0; id <= 5001; ++id) {
            const std::string* v = m.find(id);
            auto it = ref.find(id);
            REQUIRE((v != nullptr) == (it != ref.end()));
            if (v) CHECK(*v == it->second);
        }
        std::size_t seen = 0;
        m.for_each([&](std::uint64_t id, const std::string& v) {
            ++seen;
            CHECK(ref.at(id) == v);
        });
        CHECK(seen == ref.size());
    }

    TEST_CASE("id 0 is never present and erasing a missing id changes nothing") {
        IdMap<int> m;
        CHECK(m.find(0) == nullptr);
        CHECK_FALSE(m.erase(7));
        m.put(7, 1);
        CHECK_FALSE(m.erase(8));
        CHECK(m.size() == 1);
        CHECK(*m.find(7) == 1);
    }

    TEST_CASE("a table that saw many ids but holds few stays small") {
        // Requests come and go: ids keep increasing, only a handful are live at once.
        IdMap<int> m;
        for (std::uint64_t id = 1; id < 1000000; ++id) {
            m.put(id, 1);
            if (id > 10) m.erase(id - 10);
        }
        CHECK(m.size() == 10);
        CHECK(m.capacity() <= 64);
    }

    TEST_CASE("erasing where no probe chain runs on leaves no tombstone") {
        // Calls answered in the order they were made: each erase empties its slot outright,
        // so the table never needs the rehash that clears tombstones.
        IdMap<int> m;
        for (std::uint64_t id = 1; id <= 1000; ++id) {
            m.put(id, 1);
            CHECK(m.erase(id));
            CHECK(m.tombstones() == 0);
        }
        // Two ids sharing a probe chain: erasing the first must leave a tombstone so the
        // second stays findable; erasing the second then clears both.
        IdMap<int> c;
        std::uint64_t a = 1, b = 2;
        c.put(a, 1);
        while (true) {  // find an id whose home slot is a's (capacity 16: same top bits)
            IdMap<int> probe;
            probe.put(a, 1);
            probe.put(b, 2);
            probe.erase(a);
            if (probe.tombstones() == 1) break;
            ++b;
        }
        c.put(b, 2);
        CHECK(c.erase(a));
        CHECK(c.tombstones() == 1);
        REQUIRE(c.find(b) != nullptr);
        CHECK(*c.find(b) == 2);
        CHECK(c.erase(b));
        CHECK(c.tombstones() == 0);
        CHECK(c.find(a) == nullptr);
    }
}
