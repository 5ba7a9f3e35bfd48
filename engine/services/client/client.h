// client.h — traffic sources: browsers, mobile apps, IoT devices. They generate requests from the
// pattern's `traffic` entries, call the service they are wired to, and measure end-to-end latency.
#pragma once

#include "core/registry.h"

namespace sim::svc {

ServiceKind client_kind();  // "client": web/mobile clients calling an API
ServiceKind iot_kind();     // "iot": IoT devices putting records into a stream

}  // namespace sim::svc
