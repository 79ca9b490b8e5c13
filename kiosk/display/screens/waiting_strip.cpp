// The board's waiting counts along the bottom: one chip per service, its name
// in both languages and how many wait, in as many columns as fit.
#include <algorithm>

#include "display/screens/display_kit.h"

namespace kiosk::display {
namespace {

constexpr int kMaxColumns = 4;
constexpr float kChipMinEm = 9;
constexpr float kGapEm = 0.5f;

int columns(const BoardPainter& p, float width) {
  const int count = std::max<int>(1, static_cast<int>(p.view().state.services.size()));
  return kit::columns_for(p.ui(), width, kChipMinEm, kGapEm, count, kMaxColumns);
}

float chip_height(const BoardPainter& p) {
  return p.line(ui::FontRole::body) + p.line(ui::FontRole::body, 0.7f) + 0.4f * p.em();
}

float heading_height(const BoardPainter& p) { return p.line(ui::FontRole::body, 0.85f); }

}  // namespace

float waiting_strip_height(const BoardPainter& p, float width) {
  const int count = std::max<int>(1, static_cast<int>(p.view().state.services.size()));
  const int cols = columns(p, width);
  const int rows = (count + cols - 1) / cols;
  return heading_height(p) + rows * chip_height(p) + (rows - 1) * kGapEm * p.em();
}

void draw_waiting_strip(const BoardPainter& p, ImVec2 min, ImVec2 max) {
  const kit::Palette& colours = kit::palette();
  const float em = p.em();
  const Bilingual heading = p.tr("display.waiting");
  const float heading_h = heading_height(p);
  p.text(heading.lead + "  " + heading.other, ui::FontRole::body, colours.text_muted, min,
         ImVec2(max.x, min.y + heading_h), kit::Align::left, 0.85f);
  const std::vector<ServiceCount>& services = p.view().state.services;
  const float width = max.x - min.x;
  const int cols = columns(p, width);
  const float chip_w = kit::cell_width(p.ui(), width, cols, kGapEm);
  const float chip_h = chip_height(p);
  const float pad = 0.5f * em;
  for (std::size_t i = 0; i < services.size(); ++i) {
    const ServiceCount& service = services[i];
    const int col = static_cast<int>(i) % cols, row = static_cast<int>(i) / cols;
    const ImVec2 chip_min(min.x + col * (chip_w + kGapEm * em), min.y + heading_h + row * (chip_h + kGapEm * em));
    const ImVec2 chip_max(chip_min.x + chip_w, chip_min.y + chip_h);
    p.card(chip_min, chip_max, colours.surface);
    const std::string count = std::to_string(service.waiting);
    const float count_scale = std::min(0.75f, chip_h / p.line(ui::FontRole::large));
    const float count_w = std::max(p.width(count, ui::FontRole::large, count_scale), 1.2f * em);
    p.text(count, ui::FontRole::large, service.waiting > 0 ? colours.text : colours.text_disabled,
           ImVec2(chip_max.x - pad - count_w, chip_min.y), ImVec2(chip_max.x - pad, chip_max.y), kit::Align::centre,
           count_scale);
    const Bilingual name = p.names(service);
    const float name_w = chip_w - 3 * pad - count_w;
    const float lead_scale = p.fit(name.lead, ui::FontRole::body, name_w, 1.0f, 0.45f);
    const float other_scale = p.fit(name.other, ui::FontRole::body, name_w, 0.7f, 0.4f);
    const float lead_h = p.line(ui::FontRole::body, lead_scale), other_h = p.line(ui::FontRole::body, other_scale);
    const float top = chip_min.y + (chip_h - lead_h - other_h) / 2;
    p.text(name.lead, ui::FontRole::body, colours.text, ImVec2(chip_min.x + pad, top),
           ImVec2(chip_min.x + pad + name_w, top + lead_h), kit::Align::left, lead_scale);
    p.text(name.other, ui::FontRole::body, colours.text_muted, ImVec2(chip_min.x + pad, top + lead_h),
           ImVec2(chip_min.x + pad + name_w, top + lead_h + other_h), kit::Align::left, other_scale);
  }
}

}  // namespace kiosk::display
