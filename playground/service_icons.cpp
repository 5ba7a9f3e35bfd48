// service_icons.cpp — the glyph table and the one loop that draws it.
// Each glyph is a few drawing commands on a 16×16 grid covering the icon's square (0,0 top-left;
// glyphs keep to 2..14 so the rounded corners stay clear), a byte per point: the table is under
// 400 bytes where a function per icon would be kilobytes of code (the page's download has a hard
// budget, and a byte of table costs about a byte of it).
#include "service_icons.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace pg {
namespace {

// A command is one byte, then its operands. Its low 3 bits are a number of points (1..7), each
// an xy() byte; 0 is an ellipse: its centre xy(), its radii rr() and, unless kClosed, the arc's
// turns(). Flags: kFilled fills the shape (convex, clockwise) instead of stroking it, kClosed
// joins its ends, and kMirror / kFlip draw it again mirrored left-right / top-bottom (both: four
// times), which halves the bytes of the many symmetric glyphs.
enum : unsigned char {
    kFilled = 8,
    kClosed = 16,
    kMirror = 32,
    kFlip = 64,
    kEnd = 255,  // closes a glyph (no operand is 255: that would be the point 15,15, off the glyphs)
    // The commands the table uses; a polyline adds its number of points (kPoly | 3).
    kPoly = 0,                  // an open polyline
    kLoop = kClosed,            // a polygon's outline
    kFill = kFilled,            // a filled convex polygon
    kArc = 0,                   // an arc of an ellipse: xy, rr, turns
    kCircle = kClosed,          // a whole ellipse's outline: xy, rr
    kDisc = kClosed | kFilled,  // a filled ellipse: xy, rr
};
// A point on the grid, or an ellipse's centre.
constexpr unsigned char xy(int x, int y) {
    return static_cast<unsigned char>(x << 4 | y);
}
// An ellipse's radii, in half grid units (up to 7.5 units).
constexpr unsigned char rr(int rx, int ry) {
    return xy(rx, ry);
}
// An arc from turn `from` to turn `to`, in twelfths of a turn clockwise from the right (3 = down).
constexpr unsigned char turns(int from, int to) {
    return xy(from, to);
}

// Every glyph, one after the other, in kTypes' order, then the generic one.
// clang-format off
constexpr unsigned char kGlyphData[] = {
    // client: a laptop
    kLoop | 4, xy(4, 4), xy(12, 4), xy(12, 10), xy(4, 10), kPoly | 4, xy(4, 10), xy(2, 13), xy(14, 13), xy(12, 10),
    kEnd,
    // iot: a device sending
    kDisc, xy(8, 12), rr(3, 3), kArc, xy(8, 12), rr(7, 7), turns(7, 11), kArc, xy(8, 12), rr(12, 12), turns(7, 11),
    kEnd,
    // apigateway: </>
    kPoly | 3 | kMirror, xy(6, 4), xy(3, 8), xy(6, 12), kPoly | 2, xy(9, 4), xy(7, 12), kEnd,
    // appsync: the GraphQL hexagon
    kLoop | 6, xy(8, 2), xy(13, 5), xy(13, 11), xy(8, 14), xy(3, 11), xy(3, 5), kLoop | 3, xy(8, 2), xy(13, 11),
    xy(3, 11), kDisc, xy(8, 2), rr(3, 3), kDisc, xy(8, 14), rr(3, 3), kDisc | kMirror | kFlip, xy(3, 5), rr(3, 3),
    kEnd,
    // cognito: a user
    kCircle, xy(8, 5), rr(5, 5), kArc, xy(8, 14), rr(10, 10), turns(6, 12), kEnd,
    // cloudfront: a globe
    kCircle, xy(8, 8), rr(11, 11), kCircle, xy(8, 8), rr(5, 11), kPoly | 2, xy(3, 8), xy(13, 8),
    kPoly | 2 | kFlip, xy(4, 5), xy(12, 5), kEnd,
    // cloudfront_function: code in braces
    kPoly | 7 | kMirror, xy(6, 3), xy(5, 4), xy(5, 7), xy(4, 8), xy(5, 9), xy(5, 12), xy(6, 13),
    kDisc, xy(8, 8), rr(2, 2), kEnd,
    // lambda_edge: λ in a globe
    kCircle, xy(8, 8), rr(12, 12), kPoly | 4, xy(5, 4), xy(7, 4), xy(10, 12), xy(11, 12), kPoly | 2, xy(8, 7),
    xy(5, 12), kEnd,
    // http: out to a URL
    kPoly | 5, xy(7, 4), xy(4, 4), xy(4, 12), xy(12, 12), xy(12, 9), kPoly | 2, xy(8, 8), xy(13, 3),
    kPoly | 3, xy(9, 3), xy(13, 3), xy(13, 7), kEnd,
    // lambda: λ
    kPoly | 4, xy(4, 3), xy(6, 3), xy(11, 13), xy(13, 13), kPoly | 2, xy(8, 7), xy(4, 13), kEnd,
    // ec2: a chip
    kLoop | 4, xy(4, 4), xy(12, 4), xy(12, 12), xy(4, 12), kFill | 4, xy(6, 6), xy(10, 6), xy(10, 10), xy(6, 10),
    kPoly | 2 | kMirror | kFlip, xy(6, 2), xy(6, 4), kPoly | 2 | kFlip, xy(8, 2), xy(8, 4),
    kPoly | 2 | kMirror | kFlip, xy(2, 6), xy(4, 6), kPoly | 2 | kMirror, xy(2, 8), xy(4, 8), kEnd,
    // fargate: a container
    kLoop | 6, xy(8, 2), xy(13, 5), xy(13, 11), xy(8, 14), xy(3, 11), xy(3, 5), kPoly | 3, xy(3, 5), xy(8, 8),
    xy(13, 5), kPoly | 2, xy(8, 8), xy(8, 14), kEnd,
    // dynamodb: a table in tiers
    kCircle, xy(8, 4), rr(10, 4), kPoly | 2 | kMirror, xy(3, 4), xy(3, 12), kArc, xy(8, 8), rr(10, 4), turns(0, 6),
    kArc, xy(8, 12), rr(10, 4), turns(0, 6), kEnd,
    // s3: a bucket
    kCircle, xy(8, 4), rr(10, 4), kPoly | 2 | kMirror, xy(3, 4), xy(5, 12), kArc, xy(8, 12), rr(6, 3), turns(0, 6),
    kEnd,
    // aurora: a database that scales
    kCircle, xy(8, 5), rr(8, 3), kPoly | 2 | kMirror, xy(4, 5), xy(4, 11), kArc, xy(8, 11), rr(8, 3), turns(0, 6),
    kPoly | 3 | kMirror | kFlip, xy(2, 4), xy(2, 2), xy(4, 2), kEnd,
    // redshift: analytics
    kFill | 4, xy(3, 9), xy(5, 9), xy(5, 13), xy(3, 13), kFill | 4, xy(7, 6), xy(9, 6), xy(9, 13), xy(7, 13),
    kFill | 4, xy(11, 3), xy(13, 3), xy(13, 13), xy(11, 13), kEnd,
    // stepfunctions: a flow of states
    kFill | 4, xy(6, 2), xy(10, 2), xy(10, 5), xy(6, 5), kPoly | 4 | kMirror, xy(8, 5), xy(8, 7), xy(4, 7), xy(4, 10),
    kFill | 4 | kMirror, xy(2, 10), xy(7, 10), xy(7, 13), xy(2, 13), kEnd,
    // sqs: messages in a queue
    kPoly | 2 | kFlip, xy(2, 4), xy(14, 4), kFill | 4 | kMirror, xy(4, 6), xy(6, 6), xy(6, 10), xy(4, 10),
    kFill | 4, xy(7, 6), xy(9, 6), xy(9, 10), xy(7, 10), kEnd,
    // sns: fan-out
    kPoly | 2, xy(4, 8), xy(12, 8), kPoly | 2 | kFlip, xy(4, 8), xy(12, 4), kDisc, xy(4, 8), rr(4, 4),
    kDisc, xy(12, 8), rr(3, 3), kDisc | kFlip, xy(12, 4), rr(3, 3), kEnd,
    // eventbridge: a bus
    kFill | 4, xy(2, 7), xy(14, 7), xy(14, 9), xy(2, 9), kPoly | 2, xy(8, 4), xy(8, 7), kPoly | 2 | kMirror, xy(4, 4),
    xy(4, 7), kPoly | 2 | kMirror, xy(6, 9), xy(6, 12), kDisc, xy(8, 3), rr(3, 3), kDisc | kMirror, xy(4, 3), rr(3, 3),
    kDisc | kMirror, xy(6, 13), rr(3, 3), kEnd,
    // scheduler: a clock
    kCircle, xy(8, 8), rr(11, 11), kPoly | 3, xy(8, 4), xy(8, 8), xy(11, 10), kEnd,
    // kinesis: streams
    kArc, xy(5, 5), rr(6, 3), turns(6, 12), kArc, xy(11, 5), rr(6, 3), turns(0, 6), kArc, xy(5, 8), rr(6, 3),
    turns(6, 12), kArc, xy(11, 8), rr(6, 3), turns(0, 6), kArc, xy(5, 11), rr(6, 3), turns(6, 12), kArc, xy(11, 11),
    rr(6, 3), turns(0, 6), kEnd,
    // firehose: streams delivered
    kPoly | 3 | kFlip, xy(2, 4), xy(5, 4), xy(9, 8), kPoly | 2, xy(2, 8), xy(14, 8), kPoly | 3, xy(11, 5), xy(14, 8),
    xy(11, 11), kEnd,
    // email: an envelope
    kLoop | 4, xy(2, 4), xy(14, 4), xy(14, 12), xy(2, 12), kPoly | 3, xy(2, 4), xy(8, 9), xy(14, 4), kEnd,
    // cloudformation: a stack
    kLoop | 4, xy(8, 3), xy(14, 6), xy(8, 9), xy(2, 6), kPoly | 3, xy(2, 8), xy(8, 11), xy(14, 8), kPoly | 3, xy(2, 10),
    xy(8, 13), xy(14, 10), kEnd,
    // any other type: ?
    kArc, xy(8, 5), rr(5, 5), turns(6, 15), kPoly | 2, xy(8, 8), xy(8, 10), kDisc, xy(8, 12), rr(2, 2), kEnd,
};
// clang-format on
constexpr const char* kTypes[] = {
    "client",
    "iot",
    "apigateway",
    "appsync",
    "cognito",
    "cloudfront",
    "cloudfront_function",
    "lambda_edge",
    "http",
    "lambda",
    "ec2",
    "fargate",
    "dynamodb",
    "s3",
    "aurora",
    "redshift",
    "stepfunctions",
    "sqs",
    "sns",
    "eventbridge",
    "scheduler",
    "kinesis",
    "firehose",
    "email",
    "cloudformation",
};

constexpr std::size_t count_glyphs() {
    std::size_t n = 0;
    for (const unsigned char c : kGlyphData) n += c == kEnd;
    return n;
}
static_assert(count_glyphs() == std::size(kTypes) + 1, "one glyph per type, then the generic one");

// The index of `type` in kTypes; std::size(kTypes) (the generic glyph) when it has none.
std::size_t glyph_index(const std::string& type) {
    std::size_t i = 0;
    while (i < std::size(kTypes) && type != kTypes[i]) ++i;
    return i;
}

}  // namespace

void draw_service_icon(ImDrawList* dl, const std::string& type, ImVec2 min, float size, ImU32 bg, ImU32 fg) {
    dl->AddRectFilled(min, ImVec2(min.x + size, min.y + size), bg, size * 0.18f);
    const unsigned char* op = kGlyphData;
    for (std::size_t before = glyph_index(type); before > 0;) before -= *op++ == kEnd;  // skip the glyphs before it
    const float u = size / 16;
    const float width = std::max(1.0f, size / 13);  // strokes: 1/13 of the icon
    ImVec2 p[32], q[32];  // a command's points on the grid, then on the screen (an arc spans ≤ 1 turn)
    for (int code; (code = *op++) != kEnd;) {
        int n = 0;
        if (const int points = code & 7) {
            for (; n < points; ++n, ++op) p[n] = ImVec2(*op >> 4, *op & 15);
        } else {  // an ellipse, by 24ths of a turn; a whole one stops one short of where it began
            constexpr float kStep = 0.26179939f;  // 1/24 of a turn, in radians
            const bool whole = code & kClosed;
            const int t = whole ? turns(0, 12) : op[2];
            for (int a = (t >> 4) * 2, to = (t & 15) * 2 - whole; a <= to; ++a)
                p[n++] = ImVec2((op[0] >> 4) + std::cos(a * kStep) * (op[1] >> 4) / 2,
                                (op[0] & 15) + std::sin(a * kStep) * (op[1] & 15) / 2);
            op += whole ? 2 : 3;
        }
        // The shape, then its mirror images; one mirrored once runs the other way round, so its
        // points are taken backwards (ImGui anti-aliases the edges of clockwise shapes).
        for (int m = 0; m < 4; ++m) {
            if ((m & 1 && !(code & kMirror)) || (m & 2 && !(code & kFlip))) continue;
            for (int i = 0; i < n; ++i) {
                const ImVec2 g = p[m == 1 || m == 2 ? n - 1 - i : i];
                q[i] = ImVec2(min.x + (m & 1 ? 16 - g.x : g.x) * u, min.y + (m & 2 ? 16 - g.y : g.y) * u);
            }
            if (code & kFilled)
                dl->AddConvexPolyFilled(q, n, fg);
            else
                dl->AddPolyline(q, n, fg, code & kClosed ? ImDrawFlags_Closed : 0, width);
        }
    }
}

}  // namespace pg
