// sam_entry_traffic.cpp — see sam_entry_traffic.h.
#include "export/sam_entry_traffic.h"

namespace sim::sami {

void add_entry_traffic(ImportState& s, Json& pj, ImportSummary& summary) {
    (void)s;
    (void)pj;
    (void)summary;
}

void complete_entry_payloads(Pattern& pattern, const ImportSummary& summary) {
    (void)pattern;
    (void)summary;
}

}  // namespace sim::sami
