// sam_resolve.cpp — see sam_resolve.h.
#include "export/sam_resolve.h"

namespace sim::sami {

Json resolve_template(const Json& root, Diagnostics& d, ImportSummary& summary) {
    (void)d;
    (void)summary;
    return root;
}

}  // namespace sim::sami
