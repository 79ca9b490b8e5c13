// The board's layout: the top bar (title, clock), the connection banner, the
// current call beside the earlier calls, and the waiting counts along the bottom.
#include "display/screens/display_screens.h"

#include <time.h>

#include <cstdio>

#include "display/screens/display_kit.h"

namespace kiosk::display {
namespace {

// The store's local time, HH:MM, in the zone the node gave; the device's own
// local time until the node has said (or from an older node).
std::string clock_text(EpochMs now, const std::optional<StoreTimeZone>& zone) {
  if (zone) return zone->local_minute(now).substr(11);
  const time_t seconds = static_cast<time_t>(now / 1000);
  tm local{};
  localtime_r(&seconds, &local);
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", local.tm_hour, local.tm_min);
  return text;
}

// Returns the bottom of the bar.
float draw_top_bar(const BoardPainter& p, ImVec2 min, float width) {
  const kit::Palette& colours = kit::palette();
  const float em = p.em();
  const float title_scale = 0.7f;
  const float height = p.line(ui::FontRole::large, title_scale);
  const std::string clock = clock_text(p.view().now, p.view().state.zone);
  const float clock_w = p.width(clock, ui::FontRole::large, title_scale);
  p.text(clock, ui::FontRole::large, colours.text, ImVec2(min.x + width - clock_w, min.y),
         ImVec2(min.x + width, min.y + height), kit::Align::left, title_scale);
  const Bilingual title = p.tr("display.title");
  const float lead_w = p.width(title.lead, ui::FontRole::large, title_scale);
  p.text(title.lead, ui::FontRole::large, colours.text, min, ImVec2(min.x + lead_w, min.y + height), kit::Align::left,
         title_scale);
  const float other_x = min.x + lead_w + 0.8f * em;
  p.text(title.other, ui::FontRole::body, colours.text_muted, ImVec2(other_x, min.y),
         ImVec2(min.x + width - clock_w - em, min.y + height), kit::Align::left);
  return min.y + height;
}

// The plain "connection lost" band while the node cannot be reached; returns its bottom.
float draw_connection_banner(const BoardPainter& p, ImVec2 min, float width) {
  const Connection connection = p.view().state.connection;
  if (connection == Connection::Online) return min.y;
  const bool lost = connection == Connection::Offline;
  const Bilingual message = p.tr(lost ? "display.offline" : "display.connecting");
  const float em = p.em();
  const float pad = 0.4f * em;
  const float lead_h = p.line(ui::FontRole::body, 1.1f), other_h = p.line(ui::FontRole::body, 0.85f);
  const ImVec2 max(min.x + width, min.y + lead_h + other_h + 2 * pad);
  p.card(min, max, lost ? kit::palette().danger : kit::palette().info);
  p.text(message.lead, ui::FontRole::body, kit::palette().text, ImVec2(min.x + em, min.y + pad),
         ImVec2(max.x - em, min.y + pad + lead_h), kit::Align::centre, 1.1f);
  p.text(message.other, ui::FontRole::body, kit::palette().text, ImVec2(min.x + em, min.y + pad + lead_h),
         ImVec2(max.x - em, max.y - pad), kit::Align::centre, 0.85f);
  return max.y;
}

}  // namespace

ui::FontScale display_font_scale() {
  ui::FontScale scale;
  scale.body = 1.0f / 24;
  scale.large = 1.0f / 11;
  scale.huge = 1.0f / 3.6f;
  return scale;
}

void draw_display_board(ui::TouchUi& ui, const BoardView& view) {
  kit::ScreenStyle style(ui.em());
  ui::ScreenPanel panel("display.board");
  const BoardPainter p(ui, view);
  const float em = ui.em();
  const float gap = 0.6f * em;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = kit::avail_x(), height = kit::avail_y();
  const float bottom = origin.y + height;

  float y = draw_top_bar(p, origin, width) + 0.4f * em;
  const float banner_bottom = draw_connection_banner(p, ImVec2(origin.x, y), width);
  if (banner_bottom > y) y = banner_bottom + gap;

  const float strip_h = waiting_strip_height(p, width);
  const float middle_bottom = bottom - strip_h - gap;
  const float left_w = (width - gap) * 0.58f;
  draw_current_call(p, ImVec2(origin.x, y), ImVec2(origin.x + left_w, middle_bottom));
  draw_earlier_calls(p, ImVec2(origin.x + left_w + gap, y), ImVec2(origin.x + width, middle_bottom));
  draw_waiting_strip(p, ImVec2(origin.x, bottom - strip_h), ImVec2(origin.x + width, bottom));
  ImGui::Dummy(ImVec2(width, height));
}

}  // namespace kiosk::display
