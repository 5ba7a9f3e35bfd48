// sns.h — Amazon SNS topics (AWS::SNS::Topic) and the subscription endpoints that only SNS
// reaches in a pattern: HTTP(S) endpoints and email addresses.
#pragma once

#include "core/registry.h"

namespace sim::svc {

// "sns": a topic. Subscriptions are its "out" edges (to sqs, lambda, http, email, firehose) with
// edge config FilterPolicy, FilterPolicyScope, RawMessageDelivery, DeliveryPolicy and
// RedrivePolicy {"deadLetterTargetArn": "<queue wired on the topic's dlq port>"}.
ServiceKind sns_kind();
// "http": an HTTP(S) endpoint outside AWS (config LatencyMs, ErrorRate → 500, ClientErrorRate → 400).
ServiceKind http_endpoint_kind();
// "email": an email address (a sink that counts deliveries).
ServiceKind email_kind();

}  // namespace sim::svc
