// The console's right column: per service the people waiting, the estimated
// wait and the wait target, a service over its target marked amber with an
// alert badge; below, the tickets whose print failed with a reprint button.
#include "counter/counter_reducer.h"
#include "counter/screens/console_kit.h"

namespace kiosk::counter::screens {
namespace {

constexpr float kTableScale = 0.9f;

float queue_card(ui::TouchUi& ui, const CounterView& view, float width) {
  const float em = ui.em();
  const Palette& p = palette();
  const CounterState& s = view.state;
  const float pad = 0.6f * em;
  const float row_h = 2 * line_height(ui, ui::FontRole::body, kTableScale) + 0.3f * em;
  const float heading_h = line_height(ui, ui::FontRole::large);
  const float height = 2 * pad + heading_h + 0.2f * em + std::max<float>(1, float(s.services.size())) * (row_h + 0.2f * em);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + width, min.y + height);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, u32(p.surface), 0.3f * em);
  text_in_rect(ui, draw, view.tr("counter.queue.heading"), ui::FontRole::large, u32(p.text), ImVec2(min.x + pad, min.y + pad),
               ImVec2(max.x - pad, min.y + pad + heading_h), Align::left);
  float y = min.y + pad + heading_h + 0.2f * em;
  if (s.services.empty())
    text_in_rect(ui, draw, view.tr("counter.queue.loading"), ui::FontRole::body, u32(p.text_muted), ImVec2(min.x + pad, y),
                 ImVec2(max.x - pad, y + row_h), Align::left, kTableScale);
  const bool mine_known = s.counter.has_value();
  for (const ServiceLine& service : s.services) {
    const bool over = over_target(service);
    const ImVec2 row_min(min.x + pad * 0.5f, y), row_max(max.x - pad * 0.5f, y + row_h);
    if (over) draw->AddRectFilled(row_min, row_max, u32(p.warning), 0.2f * em);
    const ImU32 ink = u32(over ? p.text_on_selected : p.text);
    const ImU32 muted = u32(over ? p.text_on_selected : p.text_muted);
    const float badge = over ? 1.3f * em : 0;
    if (over) draw_alert_badge(draw, ImVec2(row_min.x + 0.75f * em, (row_min.y + row_max.y) / 2), 0.5f * em, u32(p.danger), u32(p.text));
    bool served = false;
    if (mine_known)
      for (const std::string& code : s.counter->services) served = served || code == service.code;
    const float line = line_height(ui, ui::FontRole::body, kTableScale);
    const float x0 = row_min.x + 0.4f * em + badge;
    const std::string count = view.tr("counter.queue.waiting", {std::to_string(service.waiting)});
    const float count_w = text_width(ui, count, ui::FontRole::body, kTableScale);
    const std::string name = service_name(view, service.code) + " (" + service.code + ")" +
                             (served ? " · " + view.tr("counter.queue.mine") : std::string());
    text_in_rect(ui, draw, name, ui::FontRole::body, ink, ImVec2(x0, y + 0.15f * em),
                 ImVec2(row_max.x - count_w - 0.8f * em, y + 0.15f * em + line), Align::left, kTableScale);
    text_in_rect(ui, draw, count, ui::FontRole::body, ink, ImVec2(row_max.x - count_w - 0.4f * em, y + 0.15f * em),
                 ImVec2(row_max.x - 0.3f * em, y + 0.15f * em + line), Align::left, kTableScale);
    const std::string wait = view.tr(over ? "counter.queue.over_target" : "counter.queue.wait",
                                     {std::to_string(service.estimated_wait_min), std::to_string(service.wait_target_min)});
    text_in_rect(ui, draw, wait, ui::FontRole::body, muted, ImVec2(x0, y + 0.15f * em + line),
                 ImVec2(row_max.x - 0.3f * em, y + 0.15f * em + 2 * line), Align::left, kTableScale);
    y += row_h + 0.2f * em;
  }
  ImGui::Dummy(ImVec2(width, height));
  return height;
}

void reprint_card(ui::TouchUi& ui, const CounterView& view, const Emit& emit, float width, float height) {
  const float em = ui.em();
  const Palette& p = palette();
  const CounterState& s = view.state;
  const float pad = 0.6f * em;
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + width, min.y + height);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, u32(p.surface), 0.3f * em);
  const float heading_h = line_height(ui, ui::FontRole::body);
  text_in_rect(ui, draw, view.tr("counter.reprint.heading", {std::to_string(s.reprints.size())}), ui::FontRole::body,
               u32(p.text), ImVec2(min.x + pad, min.y + pad * 0.6f), ImVec2(max.x - pad, min.y + pad * 0.6f + heading_h),
               Align::left);
  float y = min.y + pad * 0.6f + heading_h + 0.3f * em;
  const float row_h = 2.4f * em;
  if (s.reprints.empty())
    text_in_rect(ui, draw, view.tr("counter.reprint.none"), ui::FontRole::body, u32(p.text_muted), ImVec2(min.x + pad, y),
                 ImVec2(max.x - pad, y + line_height(ui, ui::FontRole::body)), Align::left, kTableScale);
  const std::string& label = view.tr("counter.reprint.button");
  const float button_em = std::max(5.0f, (text_width(ui, label, ui::FontRole::body) + 1.2f * em) / em);
  for (const TicketLine& t : s.reprints) {
    if (y + row_h > max.y - pad * 0.5f) break;  // the rest after these are done
    text_in_rect(ui, draw, t.label + "  " + service_name(view, t.service), ui::FontRole::body, u32(p.text),
                 ImVec2(min.x + pad, y), ImVec2(max.x - button_em * em - 1.2f * em, y + row_h), Align::left);
    ImGui::SetCursorScreenPos(ImVec2(max.x - pad - button_em * em, y));
    if (button(ui, "reprint." + t.label, label, ImVec2(button_em, row_h / em), s.busy ? Tone::disabled : Tone::normal,
               ui::FontRole::body) &&
        !s.busy)
      emit(MarkReprinted{t.id});
    y += row_h + 0.3f * em;
  }
  ImGui::SetCursorScreenPos(min);
  ImGui::Dummy(ImVec2(width, height));
}

}  // namespace

void draw_queue_panel(ui::TouchUi& ui, const CounterView& view, const Emit& emit, float width, float height) {
  const float em = ui.em();
  ImGui::BeginGroup();
  const float used = queue_card(ui, view, width);
  gap(ui, 0.1f);
  reprint_card(ui, view, emit, width, std::max(4.0f * em, height - used - 0.6f * em));
  ImGui::EndGroup();
}

}  // namespace kiosk::counter::screens
