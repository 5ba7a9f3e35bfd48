// sam_entry_traffic.h — internal: something to run without edits. An imported template has no
// clients: on AWS its traffic comes from outside the stack. The import adds a client at each entry
// point the template leaves open (an API's routes, a function URL, and a queue, topic, bus, bucket,
// stream, state machine or function that nothing in the template feeds but that feeds something),
// sending that entry's sample event at 1 request per second; an event bus gets an event that
// matches its first rule's pattern.
#pragma once

#include "export/sam_import_state.h"

namespace sim::sami {

// Adds client nodes, their edges and "traffic" entries to `pj`; lists them in summary.entries.
void add_entry_traffic(ImportState& s, Json& pj, ImportSummary& summary);

// After the pattern is parsed: each added entry's payload completed with what the tables downstream
// need as keys (pattern/sample_event.h).
void complete_entry_payloads(Pattern& pattern, const ImportSummary& summary);

}  // namespace sim::sami
