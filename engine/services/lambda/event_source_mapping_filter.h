// event_source_mapping_filter.h — Lambda event filtering (FilterCriteria) for the SQS, Kinesis and
// DynamoDB Streams event source mappings: one reader/validator and one matcher for all three,
// built on the EventBridge pattern language (match/event_pattern.h).
// Modelled:     [x] FilterCriteria {Filters: [{Pattern: "<JSON text>"}]}, filters ORed; {} or
//                   [] = no filtering  [x] 5 filters by default (6..10 warned: a quota increase),
//                   more than 10 refused  [x] Pattern at most 4,096 characters
//               [x] filters see the record as Lambda builds it: metadata fields plus the data key
//                   (SQS `body`, Kinesis `data` base64-decoded, DynamoDB `dynamodb`); data that is
//                   valid JSON is matched as JSON, other data as a plain string
//               [x] SQS: a plain-string `body` pattern never matches a JSON body and a JSON pattern
//                   never matches a plain-string body; streams: a non-JSON data pattern is a load error
// Simplified:   AWS's per-source pages say SQS and Kinesis mappings "only support filtering on the
//               body/data key"; the general page documents metadata filters, which we match too
// Not modelled: [ ] md5OfBody, SenderId and receipt handles in the SQS record  [ ] an operator
//               subset narrower than EventBridge's (AWS: "the same set of syntax and rules")
// AWS: https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html,
//      with-sqs-filtering.html, with-kinesis-filtering.html, with-ddb-filtering.html
#pragma once

#include "core/diagnostics.h"
#include "core/message.h"
#include "match/event_pattern.h"

#include <string>
#include <vector>

namespace sim::svc::esm {

enum class FilterSource { Sqs, Kinesis, DynamoDbStreams };

inline constexpr std::size_t kDefaultMaxFilters = 5;  // Lambda quota per event source mapping
inline constexpr std::size_t kRaisedMaxFilters = 10;  // the most a quota increase allows
inline constexpr std::size_t kMaxFilterPatternChars = 4096;

// A record's data (SQS body, Kinesis data) as Lambda filters it.
struct FilterData {
    Json value;  // parsed JSON, or the plain string
    bool is_json = false;
};

// A JSON string whose text parses as JSON becomes that JSON; text that does not parse stays a
// plain string; any other JSON value (a producer's object) is JSON already. Null → JSON null.
FilterData decode_data(const Json* data);

class EventFilter {
public:
    // Reads `criteria` (the edge's FilterCriteria; nullptr = no filtering). Every problem is a
    // diagnostic under `path` (".../config/FilterCriteria"), e.g. ".../Filters/2/Pattern".
    static EventFilter read(const Json* criteria, const std::string& path, FilterSource source, Diagnostics& diags);

    bool active() const { return !filters_.empty(); }
    std::size_t size() const { return filters_.size(); }

    // True when no filter is set or at least one matches `record` (the record as Lambda shows it,
    // with its data key already decoded); `data_is_json` says how the data key was decoded.
    // Never throws.
    bool passes(const Json& record, bool data_is_json) const;

private:
    enum class DataShape : std::uint8_t { None, Plain, Json };  // what the pattern expects of the data key
    struct Filter {
        match::EventPattern pattern;
        DataShape data;
    };
    std::vector<Filter> filters_;
};

// SQS/SNS message attributes as a Lambda SQS record carries them ({"dataType", "stringValue", …}).
Json lambda_message_attributes(const Json* attrs);

// The SQS record as filters see it (messageId, body, attributes, messageAttributes in Lambda's
// camelCase shape, eventSource, eventSourceARN, awsRegion). Sets `data_is_json`.
Json sqs_filter_record(const Message& msg, std::uint32_t receive_count, std::int64_t sent_unix_ms,
                       const std::string& queue_arn, bool& data_is_json);

// The Kinesis record as filters see it: the `kinesis` object's fields (partitionKey,
// sequenceNumber, data decoded, approximateArrivalTimestamp ...) plus the record's metadata.
Json kinesis_filter_record(const Message& rec, double arrival_unix_s, const std::string& stream_arn,
                           bool& data_is_json);

}  // namespace sim::svc::esm
