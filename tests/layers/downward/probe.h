// A file of a pretend "services" layer that includes only what is below it: the layer check passes.
#pragma once

#include <vector>
#include "core/message.h"
#include "pattern/pattern.h"
