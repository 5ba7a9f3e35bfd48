// test_trace_notable.cpp — what counts as a notable event: every failed, throttled or retried call
// as well as every engine log entry (issue 20, item 7: the Events header said "0 notable events"
// while listing 3 errors, because it counted log entries only).
#include "support/test_support.h"

using namespace sim;
using namespace sim::test;

TEST_CASE("errors count as notable events") {
    // The issue's reproduction: an order without the table's key 'id' fails with a ValidationException.
    auto s = build_ok(R"({"format": "serverless-playground/1",
      "nodes": [ {"id": "api", "type": "apigateway"},
                 {"id": "fn", "type": "lambda", "config": {"Actions": [{"target": "t", "operation": "PutItem", "Item": "$.body"}]}},
                 {"id": "t", "type": "dynamodb"} ],
      "edges": [ {"from": "api", "to": "fn"}, {"from": "fn", "to": "t"} ] })");
    CHECK(s->fire("api", Json{{"method", "POST"}, {"path", "/orders"}, {"body", {{"orderId", "order-1"}}}}).empty());
    s->run_until(sec(10));
    std::uint64_t failed = 0;
    for (const auto& sp : s->trace().kept_spans()) failed += sp.outcome != Outcome::Ok;
    CHECK(failed >= 1);
    CHECK(s->trace().problem_spans() == failed);
    CHECK(s->trace().notable_total() == s->trace().log_total() + failed);
    CHECK(s->trace().notable_total() > 0);
}
