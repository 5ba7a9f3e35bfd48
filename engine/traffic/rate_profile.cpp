// rate_profile.cpp — parsing and evaluation of traffic rate profiles.
#include "traffic/rate_profile.h"

#include <algorithm>
#include <cmath>

namespace sim {

namespace {
constexpr double kMaxRps = 10'000'000.0;

struct Reader {
    const Json& j;
    const std::string& path;
    Diagnostics& d;
    double scale;  // 1 for rps, 1/60 for rpm
    bool ok = true;

    double rate(const char* key, bool required, double dflt = 0) {
        auto it = j.find(key);
        if (it == j.end()) {
            if (required)
                fail(path, std::string("missing \"") + key + "\": expected a rate in requests per " +
                               (scale == 1 ? "second" : "minute"));
            return dflt;
        }
        if (!it->is_number() || it->get<double>() < 0 || it->get<double>() / (scale == 1 ? 1 : 60) > kMaxRps) {
            fail(path + "/" + key,
                 std::string(key) + " must be a rate >= 0 and at most 10,000,000 per second, got " + it->dump());
            return dflt;
        }
        return it->get<double>() * scale;
    }
    SimTime duration(const char* key, bool required, SimTime dflt = {}) {
        auto it = j.find(key);
        if (it == j.end()) {
            if (required) fail(path, std::string("missing \"") + key + "\": expected a duration such as \"5m\"");
            return dflt;
        }
        std::optional<SimTime> t;
        if (it->is_string())
            t = parse_duration(it->get<std::string>());
        else if (it->is_number() && it->get<double>() >= 0)
            t = from_seconds(it->get<double>());
        if (!t) {
            fail(path + "/" + key,
                 std::string(key) + " must be a duration such as \"90s\" or \"5m\", got " + it->dump());
            return dflt;
        }
        return *t;
    }
    void fail(const std::string& p, std::string msg) {
        d.error(p, std::move(msg));
        ok = false;
    }
};
}  // namespace

std::optional<RateProfile> RateProfile::parse(const Json& j, const std::string& path, Diagnostics& d) {
    if (!j.is_object()) {
        d.error(path, "profile must be an object such as {\"type\": \"constant\", \"rps\": 5}, got " + j.dump());
        return std::nullopt;
    }
    double scale = 1;
    if (auto u = j.find("unit"); u != j.end()) {
        if (*u == "rpm")
            scale = 1.0 / 60.0;
        else if (*u != "rps") {
            d.error(path + "/unit", "unit must be \"rps\" or \"rpm\", got " + u->dump());
            return std::nullopt;
        }
    }
    const std::string type = j.value("type", std::string("constant"));
    Reader r{j, path, d, scale};
    RateProfile p;
    if (type == "constant") {
        p.kind_ = Kind::Constant;
        // "rpm" is always per minute; "rps" / "rate" follow the profile's unit.
        if (j.contains("rpm")) {
            Reader per_minute{j, path, d, 1.0 / 60.0};
            p.a_ = per_minute.rate("rpm", false);
            r.ok = r.ok && per_minute.ok;
        } else if (j.contains("rps")) {
            p.a_ = r.rate("rps", false);
        } else if (j.contains("rate")) {
            p.a_ = r.rate("rate", false);
        } else {
            r.fail(path, "missing \"rps\": expected a rate in requests per second (or \"rpm\" per minute)");
        }
    } else if (type == "ramp") {
        p.kind_ = Kind::Ramp;
        p.a_ = r.rate("from", true);
        p.b_ = r.rate("to", true);
        p.t1_ = r.duration("over", true);
        if (r.ok && p.t1_.us == 0) r.fail(path + "/over", "over must be longer than 0s");
    } else if (type == "spike") {
        p.kind_ = Kind::Spike;
        p.a_ = r.rate("base", false, 0);
        p.b_ = r.rate("peak", true);
        p.t1_ = r.duration("at", true);
        p.t2_ = r.duration("length", false, minutes(1));
    } else if (type == "diurnal") {
        p.kind_ = Kind::Diurnal;
        p.a_ = r.rate("min", true);
        p.b_ = r.rate("max", true);
        p.t1_ = r.duration("period", false, hours(24));
        p.t2_ = r.duration("peakAt", false, hours(14));
        if (r.ok && p.b_ < p.a_) r.fail(path + "/max", "max must be >= min");
        if (r.ok && p.t1_.us == 0) r.fail(path + "/period", "period must be longer than 0s");
    } else if (type == "bursts") {
        p.kind_ = Kind::Bursts;
        p.a_ = r.rate("base", false, 0);
        p.b_ = r.rate("peak", true);
        p.t1_ = r.duration("every", true);
        p.t2_ = r.duration("length", true);
        if (r.ok && (p.t1_.us == 0 || p.t2_ > p.t1_))
            r.fail(path + "/length", "length must be at most every, and every longer than 0s");
    } else if (type == "replay") {
        p.kind_ = Kind::Replay;
        auto pts = j.find("points");
        if (pts == j.end() || !pts->is_array() || pts->empty() || pts->size() > 100000) {
            r.fail(path + "/points", "points must be a non-empty array of [seconds, rate] pairs (at most 100,000)");
        } else {
            double last = -1;
            for (std::size_t i = 0; i < pts->size() && r.ok; ++i) {
                const Json& pt = (*pts)[i];
                if (!pt.is_array() || pt.size() != 2 || !pt[0].is_number() || !pt[1].is_number() ||
                    pt[0].get<double>() <= last || pt[1].get<double>() < 0 || pt[1].get<double>() * scale > kMaxRps) {
                    r.fail(path + "/points/" + std::to_string(i),
                           "expected [seconds, rate] with increasing seconds and rate >= 0, got " + pt.dump());
                    break;
                }
                last = pt[0].get<double>();
                p.points_.emplace_back(from_seconds(last), pt[1].get<double>() * scale);
            }
        }
    } else if (type == "manual") {
        p.kind_ = Kind::Manual;
    } else {
        d.error(path + "/type",
                "type must be one of constant, ramp, spike, diurnal, bursts, replay, manual, got \"" + type + "\"");
        return std::nullopt;
    }
    if (!r.ok) return std::nullopt;
    return p;
}

double RateProfile::rate_at(SimTime t) const {
    switch (kind_) {
        case Kind::Constant:
            return a_;
        case Kind::Ramp:
            if (t >= t1_) return b_;
            return a_ + (b_ - a_) * static_cast<double>(t.us) / static_cast<double>(t1_.us);
        case Kind::Spike:
            return (t >= t1_ && t < t1_ + t2_) ? b_ : a_;
        case Kind::Diurnal: {
            // A smooth day curve peaking at peakAt. libm's cos may differ between platforms in the
            // last bit, so the curve is a smoothstep of the distance to the peak (+ - * only).
            const std::int64_t period = t1_.us;
            std::int64_t phase = ((t.us - t2_.us) % period + period) % period;    // 0 at peak
            double x = static_cast<double>(phase) / static_cast<double>(period);  // [0,1)
            double dist = x < 0.5 ? x * 2 : (1 - x) * 2;                          // 0 at peak, 1 at trough
            double smooth = dist * dist * (3 - 2 * dist);                         // smoothstep
            return b_ - (b_ - a_) * smooth;
        }
        case Kind::Bursts:
            return (t.us % t1_.us) < t2_.us ? b_ : a_;
        case Kind::Replay: {
            double rate = 0;
            for (const auto& [at, r] : points_) {
                if (at > t) break;
                rate = r;
            }
            return rate;
        }
        case Kind::Manual:
            return 0;
    }
    return 0;
}

double RateProfile::max_rate() const {
    switch (kind_) {
        case Kind::Constant:
            return a_;
        case Kind::Replay: {
            double m = 0;
            for (const auto& pt : points_) m = std::max(m, pt.second);
            return m;
        }
        case Kind::Manual:
            return 0;
        default:
            return std::max(a_, b_);
    }
}

}  // namespace sim
