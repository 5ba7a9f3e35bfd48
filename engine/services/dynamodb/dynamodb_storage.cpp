// dynamodb_storage.cpp — item storage, sizes and AttributeValue marshalling for DynamoDB tables.
// Item size rules: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html
#include "services/dynamodb/dynamodb_storage.h"

#include <cstdlib>

namespace sim::svc::ddb {

bool SortKeyLess::operator()(const Json& a, const Json& b) const {
    if (a.is_number() && b.is_number()) return a.get<double>() < b.get<double>();
    if (a.is_string() && b.is_string()) return a.get_ref<const std::string&>() < b.get_ref<const std::string&>();
    if (a.type() != b.type()) return a.type() < b.type();
    if (a.is_null()) return false;  // tables without a sort key: one null per partition
    return a.dump() < b.dump();
}

namespace {
// Bytes the JSON serializer writes as themselves inside a string (no escape).
struct PlainBytes {
    bool is[256] = {};
    constexpr PlainBytes() {
        for (int c = 0x20; c <= 0x7e; ++c) is[c] = c != '"' && c != '\\';
    }
};
constexpr PlainBytes kPlain;
}  // namespace

void key_text(const Json& v, std::string& out) {
    if (v.is_string()) {
        const std::string& s = *v.get_ptr<const std::string*>();
        bool plain = true;
        for (const char c : s) plain &= kPlain.is[static_cast<unsigned char>(c)];
        if (plain) {
            out.assign(1, '"');
            out += s;
            out += '"';
            return;
        }
    }
    if (v.is_number_integer())
        out = std::to_string(v.get<std::int64_t>());
    else if (v.is_number_unsigned())
        out = std::to_string(v.get<std::uint64_t>());
    else
        out = v.dump();
}

std::string key_text(const Json& v) {
    std::string out;
    key_text(v, out);
    return out;
}

std::string ItemStore::key_problem(const Json& obj) const {
    if (!obj.is_object()) return "the key must be an object";
    for (const std::string* k : {&keys_.hash, &keys_.range}) {
        if (k->empty()) continue;
        const Json* it = member(obj, *k);
        if (!it || it->is_null()) return "missing the key attribute '" + *k + "'";
        if (!it->is_string() && !it->is_number())
            return "key attribute '" + *k + "' must be a string or a number, got " + it->dump();
        const std::string* text = it->get_ptr<const std::string*>();  // null unless a string
        if (text && text->empty()) return "key attribute '" + *k + "' must not be an empty string";
        const std::size_t max = k == &keys_.hash ? 2048 : 1024;  // partition / sort key byte limits
        if (text && text->size() > max)
            return "key attribute '" + *k + "' is longer than " + std::to_string(max) + " bytes";
    }
    return {};
}

Json ItemStore::key_of(const Json& obj) const {
    Json k = Json::object();
    k[keys_.hash] = obj.at(keys_.hash);
    if (!keys_.range.empty()) k[keys_.range] = obj.at(keys_.range);
    return k;
}

const StoredItem* ItemStore::find(const Json& key) const {
    return find(key_text(key.at(keys_.hash)), key);
}

const StoredItem* ItemStore::find(const std::string& part, const Json& key) const {
    auto p = parts_.find(part);
    if (p == parts_.end()) return nullptr;
    // Without a sort key a partition holds one item (under a null sort value): no search.
    if (keys_.range.empty()) return p->second.empty() ? nullptr : &p->second.begin()->second;
    auto it = p->second.find(key.at(keys_.range));
    return it == p->second.end() ? nullptr : &it->second;
}

StoredItem ItemStore::put(const Json& item, std::int64_t size, std::int64_t ttl) {
    return put(std::make_shared<const Json>(item), size, ttl);
}

StoredItem ItemStore::put(JsonPtr item, std::int64_t size, std::int64_t ttl) {
    const std::string part = key_text(item->at(keys_.hash));
    return put(part, std::move(item), size, ttl);
}

StoredItem ItemStore::put(const std::string& part_text, JsonPtr item_ptr, std::int64_t size, std::int64_t ttl,
                          const StoredItem* existing) {
    const Json& item = *item_ptr;
    StoredItem* slot = const_cast<StoredItem*>(existing);  // a node of parts_, which this object owns
    if (!slot) {
        Partition& part = parts_[part_text];
        Json sort = keys_.range.empty() ? Json() : item.at(keys_.range);
        auto it = part.find(sort);
        if (it == part.end()) it = part.emplace(std::move(sort), StoredItem{}).first;  // new: no item yet
        slot = &it->second;
    }
    StoredItem old = std::move(*slot);
    if (old.item) {
        bytes_ -= old.size;
        if (old.stub) --stubs_;
    } else {
        ++count_;
    }
    StoredItem s;
    s.size = size;
    s.ttl = ttl;
    s.version = ++version_;
    // Past the content limit, new items keep only their key (counts and conditions on the key stay
    // exact; attribute values are not kept). Replacing a stored item keeps storing it.
    s.stub = old.item ? old.stub : count_ > limit_;
    s.item = s.stub ? std::make_shared<const Json>(key_of(item)) : std::move(item_ptr);
    if (s.stub) ++stubs_;
    bytes_ += size;
    *slot = std::move(s);
    return old;
}

StoredItem ItemStore::erase(const Json& key) {
    auto p = parts_.find(key_text(key.at(keys_.hash)));
    if (p == parts_.end()) return {};
    auto it = p->second.find(keys_.range.empty() ? Json() : key.at(keys_.range));
    if (it == p->second.end()) return {};
    StoredItem old = it->second;
    p->second.erase(it);
    if (p->second.empty()) parts_.erase(p);
    --count_;
    if (old.stub) --stubs_;
    bytes_ -= old.size;
    return old;
}

const Partition* ItemStore::partition(const Json& hash_value) const {
    auto p = parts_.find(key_text(hash_value));
    return p == parts_.end() ? nullptr : &p->second;
}

namespace {
std::int64_t value_size(const Json& v) {
    switch (v.type()) {
        case Json::value_t::string:
            return static_cast<std::int64_t>(v.get_ptr<const std::string*>()->size());
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned: {
            // Same count as for the text below, without the serializer.
            const std::int64_t i = v.is_number_unsigned() ? 0 : v.get<std::int64_t>();
            std::uint64_t m = v.is_number_unsigned() ? v.get<std::uint64_t>()
                              : i < 0                ? 0 - static_cast<std::uint64_t>(i)
                                                     : static_cast<std::uint64_t>(i);
            std::int64_t digits = 1;
            while (m >= 10) {
                m /= 10;
                ++digits;
            }
            return (digits + 1) / 2 + 1;
        }
        case Json::value_t::number_float: {
            // Numbers: about 1 byte per two significant digits, plus 1.
            std::string t = v.dump();
            std::int64_t digits = 0;
            for (char c : t) digits += (c >= '0' && c <= '9');
            return (digits + 1) / 2 + 1;
        }
        case Json::value_t::array: {
            std::int64_t n = 3;
            for (const Json& e : v) n += 1 + value_size(e);
            return n;
        }
        case Json::value_t::object: {
            std::int64_t n = 3;
            for (const auto& [name, value] : *v.get_ptr<const Json::object_t*>())
                n += 1 + static_cast<std::int64_t>(name.size()) + value_size(value);
            return n;
        }
        default:
            return 1;  // boolean, null
    }
}
}  // namespace

std::int64_t item_size(const Json& item) {
    if (!item.is_object()) return value_size(item);
    std::int64_t n = 0;
    for (const auto& [name, value] : *item.get_ptr<const Json::object_t*>())
        n += static_cast<std::int64_t>(name.size()) + value_size(value);
    return n;
}

Json marshal(const Json& v) {
    switch (v.type()) {
        case Json::value_t::string:
            return {{"S", v}};
        case Json::value_t::boolean:
            return {{"BOOL", v}};
        case Json::value_t::null:
            return {{"NULL", true}};
        case Json::value_t::array: {
            Json l = Json::array();
            for (const Json& e : v) l.push_back(marshal(e));
            return {{"L", l}};
        }
        case Json::value_t::object:
            return {{"M", marshal_item(v)}};
        default:
            return {{"N", v.dump()}};
    }
}

Json marshal_item(const Json& item) {
    Json out = Json::object();
    if (!item.is_object()) return out;
    for (auto it = item.begin(); it != item.end(); ++it) out[it.key()] = marshal(it.value());
    return out;
}

namespace {
bool is_attribute_value(const Json& v) {
    if (!v.is_object() || v.size() != 1) return false;
    const std::string& k = v.begin().key();
    return k == "S" || k == "N" || k == "BOOL" || k == "NULL" || k == "L" || k == "M" || k == "SS" || k == "NS";
}

Json unmarshal(const Json& av) {
    const std::string& k = av.begin().key();
    const Json& v = av.begin().value();
    if (k == "N") {
        if (!v.is_string()) return v;
        const std::string& t = v.get_ref<const std::string&>();
        if (t.find_first_of(".eE") == std::string::npos) {
            char* end = nullptr;
            const long long n = std::strtoll(t.c_str(), &end, 10);
            if (end && *end == 0) return n;
        }
        return std::strtod(t.c_str(), nullptr);
    }
    if (k == "NULL") return nullptr;
    if (k == "L") {
        Json l = Json::array();
        for (const Json& e : v) l.push_back(is_attribute_value(e) ? unmarshal(e) : e);
        return l;
    }
    if (k == "M") return unmarshal_item(v);
    if (k == "NS") {
        Json l = Json::array();
        for (const Json& e : v)
            l.push_back(e.is_string() ? Json(std::strtod(e.get<std::string>().c_str(), nullptr)) : e);
        return l;
    }
    return v;  // S, BOOL, SS
}
}  // namespace

Json unmarshal_item(const Json& item) {
    if (!item.is_object() || item.empty()) return item;
    for (auto it = item.begin(); it != item.end(); ++it)
        if (!is_attribute_value(it.value())) return item;
    Json out = Json::object();
    for (auto it = item.begin(); it != item.end(); ++it) out[it.key()] = unmarshal(it.value());
    return out;
}

}  // namespace sim::svc::ddb
