// service_role.h — what a service is to the services that deliver to it, in AWS's own terms: the
// destination types of an S3 notification configuration, an SNS subscription's protocol, a Lambda
// destination, an AppSync data source, a CloudFront origin. A source decides how to deliver by its
// target's role (written once, in the target's contract), never by the target's type name.
#pragma once

#include <cstdint>

namespace sim {

enum class ServiceRole : std::uint8_t {
    Other,           // nothing delivers to it by role (a CloudFormation-only resource)
    Source,          // sends traffic into the design (clients, devices)
    Function,        // invoked with the event itself (Lambda)
    EdgeFunction,    // runs at a CDN's viewer and origin events (Lambda@Edge)
    ViewerFunction,  // runs at a CDN's viewer events only (CloudFront Functions)
    Queue,           // messages are sent to it (SQS)
    Topic,           // messages are published to it (SNS)
    EventBus,        // events are put on it (EventBridge)
    Stream,          // records are put into shards (Kinesis Data Streams)
    DeliveryStream,  // records are buffered and delivered (Firehose)
    ObjectStore,     // objects are put and got by key (S3)
    Table,           // items are read and written (DynamoDB)
    Database,        // SQL over connections (Aurora)
    Warehouse,       // loaded in batches (Redshift)
    StateMachine,    // executions are started (Step Functions)
    Api,             // answers HTTP requests on routes (API Gateway)
    GraphQlApi,      // resolves GraphQL fields through data sources (AppSync)
    Cdn,             // caches and forwards to an origin (CloudFront)
    UserPool,        // signs users in (Cognito)
    Server,          // runs all the time and answers HTTP (EC2, Fargate)
    HttpEndpoint,    // an HTTP(S) endpoint outside AWS
    Email,           // an email address
};

}  // namespace sim
