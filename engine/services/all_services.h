// all_services.h — the registry that holds every service type (the one list: all_services.cpp).
#pragma once

#include "core/registry.h"

namespace sim {

const Registry& default_registry();
void register_all_services(Registry& registry);

}  // namespace sim
