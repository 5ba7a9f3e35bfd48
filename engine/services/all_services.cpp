// all_services.cpp — the only file that lists every service type.
#include "services/all_services.h"

#include "services/apigateway.h"
#include "services/appsync.h"
#include "services/aurora.h"
#include "services/client.h"
#include "services/cloudformation.h"
#include "services/cloudfront.h"
#include "services/cognito.h"
#include "services/dynamodb.h"
#include "services/ec2.h"
#include "services/edge_functions.h"
#include "services/eventbridge.h"
#include "services/fargate.h"
#include "services/firehose.h"
#include "services/kinesis.h"
#include "services/lambda.h"
#include "services/s3.h"
#include "services/sns.h"
#include "services/sqs.h"
#include "services/stepfunctions.h"

namespace sim {

void register_all_services(Registry& r) {
    // sources
    r.add(svc::client_kind());
    r.add(svc::iot_kind());
    // api
    r.add(svc::apigateway_kind());
    // edge
    r.add(svc::cloudfront_kind());
    r.add(svc::cloudfront_function_kind());
    r.add(svc::lambda_edge_kind());
    r.add(svc::appsync_kind());
    r.add(svc::cognito_kind());
    // compute
    r.add(svc::lambda_kind());
    r.add(svc::ec2_kind());
    r.add(svc::fargate_kind());
    // data
    r.add(svc::dynamodb_kind());
    r.add(svc::s3_kind());
    r.add(svc::aurora_kind());
    // orchestration
    r.add(svc::stepfunctions_kind());
    // messaging
    r.add(svc::sqs_kind());
    r.add(svc::sns_kind());
    r.add(svc::http_endpoint_kind());
    r.add(svc::email_kind());
    r.add(svc::eventbridge_kind());
    r.add(svc::kinesis_kind());
    r.add(svc::firehose_kind());
    r.add(svc::redshift_kind());
    // other: template resources kept for export only
    r.add(svc::cloudformation_kind());
}

const Registry& default_registry() {
    static const Registry reg = [] {
        Registry r;
        register_all_services(r);
        return r;
    }();
    return reg;
}

}  // namespace sim
