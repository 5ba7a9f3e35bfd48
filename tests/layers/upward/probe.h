// A file of a pretend "core" layer that reaches up into services: the layer check must refuse it.
#pragma once

#include "core/message.h"
#include "services/lambda/lambda.h"
