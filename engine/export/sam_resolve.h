// sam_resolve.h — internal: a foreign template made ready to map onto nodes. SAM Globals are merged
// into each serverless resource as SAM merges them; Conditions are evaluated with Parameters'
// defaults; intrinsics (Ref to parameters and pseudo parameters, Fn::Sub, Fn::Join, Fn::If,
// Fn::Select, Fn::FindInMap, Fn::ImportValue …) are resolved where they can be, while a Ref or
// Fn::GetAtt naming a resource stays as it is (it is wiring). What cannot be resolved is kept, and
// where a setting needs a plain value the import assumes one and says so in the summary.
#pragma once

#include "export/sam_import.h"

namespace sim::sami {

Json resolve_template(const Json& root, Diagnostics& d, ImportSummary& summary);

}  // namespace sim::sami
