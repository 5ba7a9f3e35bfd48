// sam_files.cpp — see sam_files.h.
#include "export/sam_files.h"

namespace sim::sami {

Json load_template_files(const Json& root, const ImportOptions& options, Diagnostics& d, ImportSummary& summary) {
    (void)options;
    (void)d;
    (void)summary;
    return root;
}

}  // namespace sim::sami
