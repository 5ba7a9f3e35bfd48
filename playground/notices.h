// notices.h — messages a person must be able to read at their own pace: why an edit was refused.
// The latest one stays in a banner until it is dismissed (moving the pointer does not hide it), and
// every one is kept in a short log that the Problems tab lists, so a missed message can be read later.
#pragma once

#include "theme.h"

#include "imgui.h"

#include <cstddef>
#include <deque>
#include <string>

namespace pg {

struct Notice {
    std::string title;  // "Cannot connect"
    std::string text;   // the reason, in plain words
    double sim_time = 0;
};

class Notices {
public:
    void post(std::string title, std::string text, double sim_time);
    void dismiss() { open_ = false; }
    // The notice in the banner, or nullptr when it was dismissed (or there was none).
    const Notice* current() const { return open_ && !log_.empty() ? &log_.back() : nullptr; }
    const std::deque<Notice>& log() const { return log_; }  // oldest first
    void clear_log() {
        log_.clear();
        open_ = false;
    }

private:
    static constexpr std::size_t kKept = 50;
    std::deque<Notice> log_;
    bool open_ = false;
};

// Draws the open notice as a banner along the top of the area [min, max] (screen px): a window of
// its own above every panel, so neither the canvas nor the inspector clips it, wrapped to the area's
// width. Marks "notice" and "notice.close" for layout().
void draw_notice_banner(Notices& notices, const Theme& theme, ImVec2 area_min, ImVec2 area_max);

}  // namespace pg
