// contract.cpp — small lookups on the contract vocabulary (see contract.h).
#include "core/contract.h"

namespace sim {

std::string_view field_type_name(FieldType t) {
    switch (t) {
        case FieldType::String:
            return "string";
        case FieldType::Number:
            return "number";
        case FieldType::Integer:
            return "integer";
        case FieldType::Boolean:
            return "boolean";
        case FieldType::Object:
            return "object";
        case FieldType::Array:
            return "array";
        case FieldType::Any:
            break;
    }
    return "any JSON value";
}

const FieldSpec* OperationSpec::field(std::string_view field_name) const {
    for (const FieldSpec& f : request)
        if (f.name == field_name) return &f;
    return nullptr;
}

}  // namespace sim
