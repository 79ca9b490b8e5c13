// Shapes drawn with ImDrawList so nothing depends on a glyph the fonts lack:
// check marks, badges, rating faces and QR codes.
#pragma once

#include <imgui.h>

#include <string>

namespace kiosk::kit {

void draw_check(ImDrawList* draw, ImVec2 centre, float size, ImU32 colour, float thickness);
// A round badge with a check mark (the "chosen" mark on tiles and faces).
void draw_check_badge(ImDrawList* draw, ImVec2 centre, float radius);
// A filled circle with an exclamation mark drawn from shapes (warnings).
void draw_alert_badge(ImDrawList* draw, ImVec2 centre, float radius, ImU32 fill, ImU32 ink);
// A face for score 1..5: red frown to green smile. `selected` draws a ring.
void draw_face(ImDrawList* draw, ImVec2 centre, float radius, int score, bool faded);
ImVec4 face_colour(int score);
// The QR code of `payload` (EC level M, 4-module quiet zone) as white and black
// rectangles, filling at most `side_px` square at `top_left`. Returns the side
// actually drawn (module sizes are whole pixels), 0 if it could not be encoded.
float draw_qr(ImDrawList* draw, ImVec2 top_left, float side_px, const std::string& payload);

}  // namespace kiosk::kit
