// event_source_mapping_filter.cpp — FilterCriteria validation and matching shared by the SQS,
// Kinesis and DynamoDB Streams event source mappings. See event_source_mapping_filter.h.
#include "services/lambda/event_source_mapping_filter.h"

namespace sim::svc::esm {

namespace {

const char* data_key(FilterSource s) {
    switch (s) {
        case FilterSource::Sqs:
            return "body";
        case FilterSource::Kinesis:
            return "data";
        case FilterSource::DynamoDbStreams:
            return "dynamodb";
    }
    return "body";
}

}  // namespace

// SendMessage's {"DataType", "StringValue"} becomes the Lambda record's {"dataType", "stringValue"}.
Json lambda_message_attributes(const Json* attrs) {
    Json out = Json::object();
    if (!attrs || !attrs->is_object()) return out;
    for (auto it = attrs->begin(); it != attrs->end(); ++it) {
        const Json& a = it.value();
        Json v = {{"stringListValues", Json::array()}, {"binaryListValues", Json::array()}};
        if (a.is_object()) {
            const Json* type = member(a, "DataType");
            if (!type) type = member(a, "Type");
            const Json* value = member(a, "StringValue");
            if (!value) value = member(a, "Value");
            v["dataType"] = type && type->is_string() ? *type : Json("String");
            if (value) v["stringValue"] = value->is_string() ? *value : Json(value->dump());
        } else {  // shorthand {"name": "value"}
            v["dataType"] = a.is_number() ? "Number" : "String";
            v["stringValue"] = a.is_string() ? a : Json(a.dump());
        }
        out[it.key()] = std::move(v);
    }
    return out;
}

FilterData decode_data(const Json* data) {
    if (!data) return {Json(), true};
    if (!data->is_string()) return {*data, true};
    const std::string& text = data->get_ref<const std::string&>();
    Json parsed = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) return {*data, false};
    return {std::move(parsed), true};
}

EventFilter EventFilter::read(const Json* criteria, const std::string& path, FilterSource source, Diagnostics& diags) {
    EventFilter out;
    if (!criteria) return out;
    const Json* filters = criteria->is_object() ? member(*criteria, "Filters") : nullptr;
    if (!criteria->is_object() || (filters && !filters->is_array())) {
        diags.error(path, "FilterCriteria must be {\"Filters\": [{\"Pattern\": \"...\"}]}, got " + criteria->dump());
        return out;
    }
    for (auto it = criteria->begin(); it != criteria->end(); ++it)
        if (it.key() != "Filters")
            diags.warning(path + "/" + it.key(), "unknown property '" + it.key() + "' is kept but not simulated");
    if (!filters || filters->empty()) return out;  // {} removes the filters (UpdateEventSourceMapping)
    const std::size_t n = filters->size();
    if (n > kRaisedMaxFilters) {
        diags.error(path + "/Filters",
                    "FilterCriteria has " + std::to_string(n) + " filters; Lambda allows at most " +
                        std::to_string(kDefaultMaxFilters) + " per event source mapping, " +
                        std::to_string(kRaisedMaxFilters) + " with a quota increase",
                    "combine filters with $or or a list of values in one pattern");
    } else if (n > kDefaultMaxFilters) {
        diags.warning(path + "/Filters",
                      "FilterCriteria has " + std::to_string(n) + " filters; Lambda's default quota is " +
                          std::to_string(kDefaultMaxFilters) + " per event source mapping",
                      "CreateEventSourceMapping fails unless the account's quota was raised (up to 10)");
    }
    const char* key = data_key(source);
    for (std::size_t i = 0; i < n; ++i) {
        const Json& f = (*filters)[i];
        const std::string fpath = path + "/Filters/" + std::to_string(i) + "/Pattern";
        const Json* text = f.is_object() ? member(f, "Pattern") : nullptr;
        if (!text || !text->is_string()) {
            diags.error(fpath, "each filter needs a Pattern string (an event pattern as JSON text), got " + f.dump());
            continue;
        }
        auto compiled = match::EventPattern::compile_text(text->get_ref<const std::string&>(), kMaxFilterPatternChars);
        if (auto* err = std::get_if<match::MatchError>(&compiled)) {
            diags.error(fpath,
                        "invalid filter pattern" + (err->path.empty() ? "" : " at " + err->path) + ": " + err->message,
                        err->aws_reason.empty() ? "" : "AWS says: " + err->aws_reason);
            continue;
        }
        // The pattern parsed, so its text is a JSON object.
        const Json pattern = Json::parse(text->get_ref<const std::string&>(), nullptr, false);
        const Json* data = member(pattern, key);
        DataShape shape = !data ? DataShape::None : data->is_object() ? DataShape::Json : DataShape::Plain;
        if (shape == DataShape::Plain && source != FilterSource::Sqs) {
            // AWS: "The filter pattern for data properties must be in a valid JSON format".
            diags.error(fpath,
                        std::string("the pattern for the data key '") + key +
                            "' must be an object of fields (JSON), got " + data->dump(),
                        "Lambda refuses non-JSON data patterns on stream event source mappings at create or update");
            continue;
        }
        out.filters_.push_back({std::get<match::EventPattern>(std::move(compiled)), shape});
    }
    return out;
}

bool EventFilter::passes(const Json& record, bool data_is_json) const {
    if (filters_.empty()) return true;
    for (const Filter& f : filters_) {
        // A pattern and data of different formats never match (Lambda drops such records).
        if (f.data == DataShape::Json && !data_is_json) continue;
        if (f.data == DataShape::Plain && data_is_json) continue;
        if (f.pattern.matches(record)) return true;
    }
    return false;
}

Json sqs_filter_record(const Message& msg, std::uint32_t receive_count, std::int64_t sent_unix_ms,
                       const std::string& queue_arn, bool& data_is_json) {
    FilterData body = decode_data(msg.body.get());
    data_is_json = body.is_json;
    return {
        {"messageId", std::to_string(msg.id)},
        {"body", std::move(body.value)},
        {"attributes",
         {{"ApproximateReceiveCount", std::to_string(receive_count)}, {"SentTimestamp", std::to_string(sent_unix_ms)}}},
        {"messageAttributes", lambda_message_attributes(msg.attributes.get())},
        {"eventSource", "aws:sqs"},
        {"eventSourceARN", queue_arn},
        {"awsRegion", "us-east-1"}};
}

Json kinesis_filter_record(const Message& rec, double arrival_unix_s, const std::string& stream_arn,
                           bool& data_is_json) {
    FilterData data = decode_data(rec.body.get());
    data_is_json = data.is_json;
    static const Json kNone = Json::object();
    const Json& a = rec.attributes ? *rec.attributes : kNone;
    const Json* key = member(a, "partitionKey");
    const Json* seq = member(a, "sequenceNumber");
    const Json* shard = member(a, "shardId");
    const std::string seq_text = seq && seq->is_string() ? seq->get<std::string>() : "";
    return {{"kinesisSchemaVersion", "1.0"},
            {"partitionKey", key ? *key : Json("")},
            {"sequenceNumber", seq_text},
            {"data", std::move(data.value)},
            {"approximateArrivalTimestamp", arrival_unix_s},
            {"eventSource", "aws:kinesis"},
            {"eventVersion", "1.0"},
            {"eventID", (shard && shard->is_string() ? shard->get<std::string>() : std::string()) + ":" + seq_text},
            {"eventName", "aws:kinesis:record"},
            {"awsRegion", "us-east-1"},
            {"eventSourceARN", stream_arn}};
}

}  // namespace sim::svc::esm
