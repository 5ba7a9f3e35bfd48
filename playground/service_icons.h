// service_icons.h — a small picture per service type, in the spirit of the AWS architecture icons:
// a rounded square in the service's group colour with a white glyph that suggests the service
// (λ for Lambda, a bucket for S3, a stacked cylinder for DynamoDB, ...). Used by the palette and
// on each node. The glyphs are drawn, not loaded (the page's download is budgeted, and the
// fonts are subset to Latin-1): each is a few strokes from a compact table in service_icons.cpp.
#pragma once

#include "imgui.h"

#include <string>

namespace pg {

// Draws the icon of a service `type` ("lambda", "s3", ...; callers pass the kind's icon key,
// sim::ServiceKind::icon, which is its type unless the kind names another) as a `size`×`size`
// square whose top-left corner is `min` (device px): background `bg`, glyph `fg`. Scale-
// independent: strokes grow with `size`. A type with no glyph of its own gets a generic one (a
// question mark), so every node has an icon. Draws only inside the square.
void draw_service_icon(ImDrawList* dl, const std::string& type, ImVec2 min, float size, ImU32 bg, ImU32 fg);

}  // namespace pg
