// dynamodb_storage.h — a table's items by partition key and sort key (sorted as DynamoDB sorts:
// numbers numerically, strings by bytes), with bounded memory: past `content_limit` items only
// a stub (key attributes, size, TTL) is kept, so existence, counts and TTL stay exact while
// stored contents are capped.
#pragma once

#include "core/message.h"

#include <cstdint>
#include <map>
#include <string>

namespace sim::svc::ddb {

struct KeySchema {
    std::string hash, range;  // range empty: partition key only
};

// Orders sort-key values: numbers by value, strings by bytes, then other types by JSON text.
struct SortKeyLess {
    bool operator()(const Json& a, const Json& b) const;
};

struct StoredItem {
    JsonPtr item;               // full item, or only the key attributes when `stub`
    std::int64_t size = 0;      // bytes (DynamoDB item size, estimated)
    std::int64_t ttl = -1;      // epoch seconds in the TTL attribute, -1 when none
    std::uint64_t version = 0;  // bumps on every write (TTL sweeps check it)
    bool stub = false;
};

using Partition = std::map<Json, StoredItem, SortKeyLess>;

class ItemStore {
public:
    ItemStore(KeySchema keys, std::size_t content_limit) : keys_(std::move(keys)), limit_(content_limit) {}

    const KeySchema& keys() const { return keys_; }
    // Validates that `obj` has both key attributes as strings or numbers; "" when fine, else why.
    std::string key_problem(const Json& obj) const;
    // Only the key attributes of `obj`.
    Json key_of(const Json& obj) const;

    // `key` may be a whole item: only its key attributes are read.
    const StoredItem* find(const Json& key) const;
    // Same, with the partition key's text already computed (key_text of the hash attribute).
    const StoredItem* find(const std::string& part, const Json& key) const;
    // Inserts or replaces; returns the previous StoredItem (item null when there was none).
    StoredItem put(const Json& item, std::int64_t size, std::int64_t ttl);
    // Same, keeping the shared immutable `item` itself (no copy).
    StoredItem put(JsonPtr item, std::int64_t size, std::int64_t ttl);
    // `existing`: what find(part, *item) returned just before, to replace without a second lookup
    // (null: looked up here).
    StoredItem put(const std::string& part, JsonPtr item, std::int64_t size, std::int64_t ttl,
                   const StoredItem* existing = nullptr);
    // Removes; returns what was there (item null when nothing).
    StoredItem erase(const Json& key);

    const Partition* partition(const Json& hash_value) const;
    const std::map<std::string, Partition>& partitions() const { return parts_; }

    std::uint64_t count() const { return count_; }
    std::uint64_t stubs() const { return stubs_; }
    std::int64_t bytes() const { return bytes_; }

private:
    KeySchema keys_;
    std::size_t limit_;
    std::map<std::string, Partition> parts_;  // by the partition key's JSON text
    std::uint64_t count_ = 0, stubs_ = 0, version_ = 0;
    std::int64_t bytes_ = 0;
};

// A key attribute value as JSON text (exactly value.dump()): partitions are keyed and ordered by
// it. Plain strings and integers take a fast path without the serializer.
std::string key_text(const Json& value);
void key_text(const Json& value, std::string& out);  // same, into `out` (reusing its storage)

// DynamoDB's item size, estimated from attribute names and values (UTF-8 bytes of names and
// strings, ~(digits/2 + 1) for numbers, 1 for booleans and nulls, +3 per list/map element).
std::int64_t item_size(const Json& item);

// Plain JSON → DynamoDB AttributeValue JSON ({"S": ...}, {"N": "42"}, {"M": {...}}, ...), as
// stream records and the low-level API show items.
Json marshal(const Json& value);
Json marshal_item(const Json& item);
// The reverse, for callers using the typed form (Step Functions' DynamoDB integration): an object
// whose every value is a one-key AttributeValue is unmarshalled; anything else is returned as is.
Json unmarshal_item(const Json& item);

}  // namespace sim::svc::ddb
