// all_services.cpp — the only file that lists every service type.
#include "core/registry.h"
#include "services/apigateway.h"
#include "services/client.h"
#include "services/dynamodb.h"
#include "services/lambda.h"
#include "services/s3.h"
#include "services/sqs.h"

namespace sim {

void register_all_services(Registry& r) {
    // sources
    r.add(svc::client_kind());
    r.add(svc::iot_kind());
    // api
    r.add(svc::apigateway_kind());
    // compute
    r.add(svc::lambda_kind());
    // data
    r.add(svc::dynamodb_kind());
    r.add(svc::s3_kind());
    // messaging
    r.add(svc::sqs_kind());
}

}  // namespace sim
