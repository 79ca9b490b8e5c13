// Open the counter: the services it serves as toggles (all of the store's,
// from /queue), then "open the counter". Also where a working counter
// changes its services.
#include "counter/screens/console_keys.h"
#include "counter/screens/counter_kit.h"

namespace kiosk::counter::screens {

void draw_open_counter(ui::TouchUi& ui, const CounterView& view, const Emit& emit) {
  const CounterState& s = view.state;
  top_bar(ui, view, emit, view.tr("counter.open.title", {std::to_string(view.counter), s.staff_name}));
  link_banner(ui, view);
  std::vector<std::string> codes;
  for (const ServiceLine& service : s.services) codes.push_back(service.code);
  read_open_keys(view, emit, codes);
  const float em = ui.em();
  const Palette& p = palette();
  const float width = avail_x();
  paragraph(ui, view.tr("counter.open.hint"), ui::FontRole::body, p.text_muted, Align::left, width);
  gap(ui, 0.2f);
  if (s.services.empty())
    paragraph(ui, view.tr("counter.queue.loading"), ui::FontRole::body, p.text_muted, Align::left);
  const int columns = columns_for(ui, width, 13, 0.5f, int(s.services.size()), 3);
  const float cell = cell_width(ui, width, columns, 0.5f) / em;
  for (std::size_t i = 0; i < s.services.size(); ++i) {
    const ServiceLine& service = s.services[i];
    if (i % std::size_t(columns) != 0) ImGui::SameLine();
    const std::string label = (i < 9 ? std::to_string(i + 1) + "  " : std::string()) +
                              service_name(view, service.code) + " (" + service.code + ")";
    if (toggle(ui, "service." + service.code, label, s.chosen.count(service.code) > 0, ImVec2(cell, 3.0f)))
      emit(ToggleService{service.code});
  }
  gap(ui, 0.5f);
  if (!s.error.empty()) banner(ui, view.tr(s.error), p.danger, ui::FontRole::body, width);
  const bool working = s.counter && s.counter->state != "closed";
  const float half = cell_width(ui, width, 2, 0.5f) / em;
  if (working) {
    if (shortcut_button(ui, "open.back", view.tr("counter.open.back"), "Esc", ImVec2(half, 3.2f), Tone::normal))
      emit(BackToConsole{});
    ImGui::SameLine();
  }
  const Tone tone = s.busy || s.chosen.empty() ? Tone::disabled : Tone::primary;
  const std::string& confirm = view.tr(working ? "counter.open.apply" : "counter.open.confirm");
  if (shortcut_button(ui, "open.confirm", confirm, "Enter", ImVec2(working ? half : width / em, 3.2f), tone))
    emit(OpenCounter{});
}

}  // namespace kiosk::counter::screens
