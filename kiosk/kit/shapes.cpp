// Shapes drawn with ImDrawList: check marks, badges, faces, QR codes (libqrencode).
#include "kit/shapes.h"

#include <qrencode.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "kit/touch_kit.h"

namespace kiosk::kit {

void draw_check(ImDrawList* draw, ImVec2 centre, float size, ImU32 colour, float thickness) {
  const ImVec2 points[3] = {ImVec2(centre.x - 0.38f * size, centre.y + 0.02f * size),
                            ImVec2(centre.x - 0.12f * size, centre.y + 0.28f * size),
                            ImVec2(centre.x + 0.40f * size, centre.y - 0.30f * size)};
  draw->AddPolyline(points, 3, colour, 0, thickness);
}

void draw_check_badge(ImDrawList* draw, ImVec2 centre, float radius) {
  draw->AddCircleFilled(centre, radius, u32(palette().success), 32);
  draw->AddCircle(centre, radius, u32(palette().text), 32, 0.12f * radius);
  draw_check(draw, centre, 1.2f * radius, u32(palette().text), 0.22f * radius);
}

void draw_alert_badge(ImDrawList* draw, ImVec2 centre, float radius, ImU32 fill, ImU32 ink) {
  draw->AddCircleFilled(centre, radius, fill, 32);
  const float w = 0.13f * radius;
  draw->AddRectFilled(ImVec2(centre.x - w, centre.y - 0.62f * radius), ImVec2(centre.x + w, centre.y + 0.18f * radius),
                      ink, w);
  draw->AddCircleFilled(ImVec2(centre.x, centre.y + 0.46f * radius), 1.15f * w, ink, 16);
}

ImVec4 face_colour(int score) {
  switch (score) {
    case 1:
      return {0.839f, 0.271f, 0.271f, 1.0f};
    case 2:
      return {0.910f, 0.502f, 0.227f, 1.0f};
    case 3:
      return {0.902f, 0.761f, 0.161f, 1.0f};
    case 4:
      return {0.545f, 0.765f, 0.290f, 1.0f};
    default:
      return {0.184f, 0.651f, 0.353f, 1.0f};
  }
}

void draw_face(ImDrawList* draw, ImVec2 centre, float r, int score, bool faded) {
  ImVec4 fill = face_colour(score);
  if (faded) fill = ImVec4(fill.x * 0.7f, fill.y * 0.7f, fill.z * 0.7f, 1.0f);
  const ImU32 ink = u32(ImVec4(0.10f, 0.10f, 0.12f, 1.0f));
  draw->AddCircleFilled(centre, r, u32(fill), 48);
  draw->AddCircle(centre, r, ink, 48, 0.06f * r);
  const float eye = 0.11f * r;
  draw->AddCircleFilled(ImVec2(centre.x - 0.36f * r, centre.y - 0.22f * r), eye, ink, 16);
  draw->AddCircleFilled(ImVec2(centre.x + 0.36f * r, centre.y - 0.22f * r), eye, ink, 16);
  const float curve = static_cast<float>(score - 3) / 2;  // -1 frown .. +1 smile
  const float mouth_y = centre.y + 0.36f * r - 0.10f * r * curve;
  const float half = 0.42f * r;
  draw->AddBezierQuadratic(ImVec2(centre.x - half, mouth_y), ImVec2(centre.x, mouth_y + 0.55f * r * curve),
                           ImVec2(centre.x + half, mouth_y), ink, 0.10f * r, 24);
}

namespace {

struct QrCache {
  std::string payload;
  int width = 0;
  std::vector<unsigned char> dark;  // width * width, 1 = dark module
};

struct QrcodeDeleter {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

const QrCache& encode_qr(const std::string& payload) {
  static QrCache cache;  // the UI thread's: one ticket on screen at a time
  if (cache.payload == payload && cache.width > 0) return cache;
  cache = QrCache{payload, 0, {}};
  std::unique_ptr<QRcode, QrcodeDeleter> code(QRcode_encodeString(payload.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (!code) return cache;
  cache.width = code->width;
  cache.dark.resize(static_cast<std::size_t>(code->width) * code->width);
  for (std::size_t i = 0; i < cache.dark.size(); ++i) cache.dark[i] = code->data[i] & 1;
  return cache;
}

}  // namespace

float draw_qr(ImDrawList* draw, ImVec2 top_left, float side_px, const std::string& payload) {
  if (payload.empty()) return 0;
  const QrCache& qr = encode_qr(payload);
  if (qr.width == 0) return 0;
  constexpr int kQuiet = 4;
  const int total = qr.width + 2 * kQuiet;
  float module = std::floor(side_px / static_cast<float>(total));
  if (module < 1) module = side_px / static_cast<float>(total);
  const float side = module * static_cast<float>(total);
  const ImVec2 origin(std::floor(top_left.x + (side_px - side) / 2), std::floor(top_left.y));
  draw->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32(255, 255, 255, 255));
  const ImU32 black = IM_COL32(0, 0, 0, 255);
  for (int y = 0; y < qr.width; ++y) {
    for (int x = 0; x < qr.width;) {  // one rectangle per run of dark modules
      if (!qr.dark[static_cast<std::size_t>(y) * qr.width + x]) {
        ++x;
        continue;
      }
      const int run_start = x;
      while (x < qr.width && qr.dark[static_cast<std::size_t>(y) * qr.width + x]) ++x;
      const ImVec2 min(origin.x + static_cast<float>(kQuiet + run_start) * module,
                       origin.y + static_cast<float>(kQuiet + y) * module);
      draw->AddRectFilled(min, ImVec2(min.x + static_cast<float>(x - run_start) * module, min.y + module), black);
    }
  }
  return side;
}

}  // namespace kiosk::kit
