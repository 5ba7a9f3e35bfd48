// dedup_window.h — exactly-once within a time window, as SQS and SNS FIFO describe it: a message
// whose deduplication id was first seen less than the window ago (5 minutes for both) is accepted
// but not delivered again. The window runs from the first send; duplicates do not extend it.
#pragma once

#include "core/sim_time.h"

#include <deque>
#include <string>
#include <unordered_set>
#include <utility>

namespace sim {

class DedupWindow {
public:
    explicit DedupWindow(SimTime window) : window_(window) {}

    // True when `key` is new in the window (it is remembered until now + window); false for a
    // duplicate. An id becomes new again at exactly first-seen + window.
    bool first_seen(const std::string& key, SimTime now) {
        while (!expiry_.empty() && expiry_.front().first <= now) {
            keys_.erase(expiry_.front().second);
            expiry_.pop_front();
        }
        if (!keys_.insert(key).second) return false;
        expiry_.emplace_back(now + window_, key);
        return true;
    }
    std::size_t size() const { return keys_.size(); }

private:
    SimTime window_;
    std::unordered_set<std::string> keys_;
    std::deque<std::pair<SimTime, std::string>> expiry_;  // by expiry time (ids arrive in time order)
};

}  // namespace sim
