// The console's right column: per service the people waiting, how long the
// longest-waiting ticket has waited against the wait target, a service over
// its target (someone already waited longer, or a new ticket would) or with
// people waiting and no counter open marked amber with an alert badge; below, the tickets whose print failed with a
// reprint button.
#include "counter/counter_reducer.h"
#include "counter/screens/counter_kit.h"

namespace kiosk::counter::screens {
namespace {

bool served_here(const CounterState& s, const std::string& code) {
  if (!s.counter) return false;
  for (const std::string& served : s.counter->services)
    if (served == code) return true;
  return false;
}

// The queue table's columns and text size; `scale` shrinks the body font
// when the rows would not leave the reprint list its room.
struct Table {
  float scale;
  float check;  // left gutter: the check mark of a service served here
  float name;
  float name_w;
  float waiting;  // right edge of the waiting count
  float wait;     // right edge of "estimated / target"
  float badge;    // centre of the over-target badge
};

Table table_for(ui::TouchUi& ui, float left, float right, float scale) {
  const float em = ui.em();
  Table t;
  t.scale = scale;
  t.check = left;
  t.name = left + 1.2f * em;
  t.badge = right - 0.5f * em;
  t.wait = right - 1.3f * em;
  t.waiting = t.wait - 6.2f * em;
  t.name_w = t.waiting - 3.2f * em - t.name;
  return t;
}

std::string row_name(const CounterView& view, const ServiceLine& service) {
  return service_name(view, service.code) + " (" + service.code + ")";
}

float row_height(ui::TouchUi& ui, const CounterView& view, const Table& t, const ServiceLine& service) {
  return std::max(line_height(ui, ui::FontRole::body, t.scale),
                  wrapped_height(ui, row_name(view, service), ui::FontRole::body, t.name_w, t.scale)) +
         0.3f * ui.em();
}

bool any_over(const CounterState& s) {
  for (const ServiceLine& service : s.services)
    if (over_target(service)) return true;
  return false;
}

// Padding, heading, column titles, rows and the amber legend.
float card_height(ui::TouchUi& ui, const CounterView& view, const Table& t) {
  const float em = ui.em();
  const float small = line_height(ui, ui::FontRole::body, 0.8f);
  float rows = view.state.services.empty() ? line_height(ui, ui::FontRole::body) : 0.0f;
  for (const ServiceLine& service : view.state.services) rows += row_height(ui, view, t, service);
  return 1.2f * em + line_height(ui, ui::FontRole::large) + small + 0.2f * em + rows +
         (any_over(view.state) ? small + 0.2f * em : 0.0f);
}

void right_aligned(ui::TouchUi& ui, ImDrawList* draw, const std::string& text, ImU32 colour, float right, float y,
                   float height, float scale) {
  const float w = text_width(ui, text, ui::FontRole::body, scale);
  text_in_rect(ui, draw, text, ui::FontRole::body, colour, ImVec2(right - w, y), ImVec2(right + 1, y + height),
               Align::left, scale);
}

// The queue as a table: service, people waiting, estimated wait / target; a
// row over its target amber with an alert badge. At most `max_height` tall.
float queue_card(ui::TouchUi& ui, const CounterView& view, float width, float max_height) {
  const float em = ui.em();
  const Palette& p = palette();
  const CounterState& s = view.state;
  const float pad = 0.6f * em;
  const ImVec2 min = ImGui::GetCursorScreenPos();
  Table t = table_for(ui, min.x + pad, min.x + width - pad, 0.9f);
  if (card_height(ui, view, t) > max_height) t = table_for(ui, min.x + pad, min.x + width - pad, 0.75f);
  const float height = card_height(ui, view, t);
  const float heading_h = line_height(ui, ui::FontRole::large);
  const float small = line_height(ui, ui::FontRole::body, 0.8f);
  const ImVec2 max(min.x + width, min.y + height);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, u32(p.surface), 0.3f * em);
  draw->PushClipRect(min, max, true);
  float y = min.y + pad;
  text_in_rect(ui, draw, view.tr("counter.queue.heading"), ui::FontRole::large, u32(p.text), ImVec2(t.check, y),
               ImVec2(t.waiting, y + heading_h), Align::left);
  // The legend of the check mark, beside the heading.
  const std::string& legend = view.tr("counter.queue.legend");
  const float legend_w = text_width(ui, legend, ui::FontRole::body, 0.8f);
  draw_check(draw, ImVec2(t.wait - legend_w - 0.6f * em, y + heading_h / 2), 0.7f * em, u32(p.selected), 0.12f * em);
  right_aligned(ui, draw, legend, u32(p.text_muted), t.wait, y, heading_h, 0.8f);
  y += heading_h;
  const ImU32 muted = u32(p.text_muted);
  text_in_rect(ui, draw, view.tr("counter.queue.col_service"), ui::FontRole::body, muted, ImVec2(t.name, y),
               ImVec2(t.name + t.name_w, y + small), Align::left, 0.8f);
  right_aligned(ui, draw, view.tr("counter.queue.col_waiting"), muted, t.waiting, y, small, 0.8f);
  right_aligned(ui, draw, view.tr("counter.queue.col_wait"), muted, t.wait, y, small, 0.8f);
  y += small + 0.2f * em;
  if (s.services.empty())
    text_in_rect(ui, draw, view.tr("counter.queue.loading"), ui::FontRole::body, muted, ImVec2(t.name, y),
                 ImVec2(max.x - pad, y + line_height(ui, ui::FontRole::body)), Align::left);
  for (const ServiceLine& service : s.services) {
    const bool over = over_target(service);
    const float row_h = row_height(ui, view, t, service);
    if (over)
      draw->AddRectFilled(ImVec2(min.x + 0.3f * em, y), ImVec2(max.x - 0.3f * em, y + row_h), u32(p.warning),
                          0.2f * em);
    const ImU32 ink = u32(over ? p.text_on_selected : p.text);
    const float mid = y + row_h / 2;
    if (served_here(s, service.code))
      draw_check(draw, ImVec2(t.check + 0.45f * em, mid), 0.7f * em, u32(over ? p.text_on_selected : p.selected),
                 0.12f * em);
    text_in_rect(ui, draw, row_name(view, service), ui::FontRole::body, ink, ImVec2(t.name, y),
                 ImVec2(t.name + t.name_w, y + row_h), Align::left, t.scale);
    right_aligned(ui, draw, std::to_string(service.waiting), ink, t.waiting, y, row_h, t.scale);
    // The longest wait so far (what a clerk acts on), or that no counter calls the service.
    const std::string wait = !service.estimated_wait_min ? view.tr("counter.queue.no_counter")
                                                         : std::to_string(service.longest_wait_min.value_or(0));
    right_aligned(ui, draw, wait + " / " + std::to_string(service.wait_target_min), ink, t.wait, y, row_h, t.scale);
    if (over) draw_alert_badge(draw, ImVec2(t.badge, mid), 0.45f * em, u32(p.danger), u32(p.text));
    y += row_h;
  }
  if (any_over(s))
    text_in_rect(ui, draw, view.tr("counter.queue.over_legend"), ui::FontRole::body, muted,
                 ImVec2(t.check, y + 0.2f * em), ImVec2(max.x - pad, y + 0.2f * em + small), Align::left, 0.8f);
  draw->PopClipRect();
  ImGui::Dummy(ImVec2(width, std::min(height, max_height)));
  return std::min(height, max_height);
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
               u32(p.text), ImVec2(min.x + pad, min.y + pad * 0.6f),
               ImVec2(max.x - pad, min.y + pad * 0.6f + heading_h), Align::left);
  float y = min.y + pad * 0.6f + heading_h + 0.3f * em;
  const float row_h = 2.4f * em;
  if (s.reprints.empty())
    text_in_rect(ui, draw, view.tr("counter.reprint.none"), ui::FontRole::body, u32(p.text_muted),
                 ImVec2(min.x + pad, y), ImVec2(max.x - pad, y + line_height(ui, ui::FontRole::body)), Align::left,
                 0.9f);
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
  const float used = queue_card(ui, view, width, height - 5.5f * em);
  gap(ui, 0.1f);
  reprint_card(ui, view, emit, width, std::max(4.0f * em, height - used - 0.6f * em));
  ImGui::EndGroup();
}

}  // namespace kiosk::counter::screens
