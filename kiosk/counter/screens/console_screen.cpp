// The console: the ticket in hand (large), the big action buttons with their
// shortcuts or, while one is open, a picker (outcome, transfer to, pause
// reason); the queue and the reprints on the right.
#include "counter/screens/console_keys.h"
#include "counter/screens/counter_kit.h"

namespace kiosk::counter::screens {
namespace {

bool counter_open(const CounterState& s) { return s.counter && s.counter->state == "open"; }
bool counter_paused(const CounterState& s) { return s.counter && s.counter->state == "paused"; }

// The ticket card: the number huge, its service and state beside it; or what the counter is doing.
void ticket_card(ui::TouchUi& ui, const CounterView& view, float width, float height) {
  const float em = ui.em();
  const Palette& p = palette();
  const CounterState& s = view.state;
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + width, min.y + height);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, u32(s.ticket ? p.surface : p.background), 0.3f * em);
  draw->AddRect(min, max, u32(p.surface), 0.3f * em, 0, 0.1f * em);
  const float pad = 0.8f * em;
  const ImVec2 inner_min(min.x + pad, min.y + pad), inner_max(max.x - pad, max.y - pad);
  if (s.ticket) {
    const TicketLine& t = *s.ticket;
    const float label_w =
        std::min(text_width(ui, t.label, ui::FontRole::huge) + 0.5f * em, (inner_max.x - inner_min.x) * 0.55f);
    text_in_rect(ui, draw, t.label, ui::FontRole::huge, u32(p.text), inner_min,
                 ImVec2(inner_min.x + label_w, inner_max.y), Align::left);
    // The service and the state beside the number, centred together (each may wrap).
    const float side_x = inner_min.x + label_w + 0.6f * em, side_w = inner_max.x - side_x;
    const std::string service = service_name(view, t.service);
    std::string state = view.tr(t.state == "serving" ? "counter.ticket.serving" : "counter.ticket.called");
    if (t.priority) state = view.tr("counter.ticket.priority") + " · " + state;
    if (t.recalls > 0) state += " · " + view.tr("counter.ticket.recalls", {std::to_string(t.recalls)});
    const ui::FontRole service_role = fitting_role(ui, service, side_w, 2, ui::FontRole::large);
    const float service_h = wrapped_height(ui, service, service_role, side_w);
    const float state_h = wrapped_height(ui, state, ui::FontRole::body, side_w);
    const float top = (inner_min.y + inner_max.y - service_h - 0.2f * em - state_h) / 2;
    text_in_rect(ui, draw, service, service_role, u32(p.text), ImVec2(side_x, top),
                 ImVec2(inner_max.x, top + service_h), Align::left);
    const ImVec4 state_colour = t.state == "serving" ? ImVec4(0.55f, 0.88f, 0.62f, 1.0f) : p.selected;
    const float state_top = top + service_h + 0.2f * em;
    text_in_rect(ui, draw, state, ui::FontRole::body, u32(state_colour), ImVec2(side_x, state_top),
                 ImVec2(inner_max.x, state_top + state_h), Align::left);
  } else {
    std::string text;
    if (counter_paused(s)) {
      const std::string& reason = s.counter->pause_reason;
      const std::string reason_key = "counter.pause." + reason;
      const bool known = reason == "lunch" || reason == "break" || reason == "other";
      text = view.tr("counter.ticket.paused", {known ? view.tr(reason_key) : reason});
    } else {
      text = view.tr("counter.ticket.none");
    }
    text_in_rect(ui, draw, text, ui::FontRole::large, u32(p.text_muted), inner_min, inner_max, Align::centre);
  }
  ImGui::Dummy(ImVec2(width, height));
}

struct ActionButton {
  const char* id;
  const char* label_key;
  Action action;
  bool enabled;
  bool main;  // the likely next step: primary tone
};

void action_grid(ui::TouchUi& ui, const CounterView& view, const Emit& emit, float width, float height) {
  const CounterState& s = view.state;
  const bool open = counter_open(s), paused = counter_paused(s), idle = !s.busy;
  const bool called = s.ticket && s.ticket->state == "called";
  const bool has = s.ticket.has_value();
  const ActionButton buttons[] = {
      {"act.call", "counter.act.call", CallNext{}, idle && open && !has, open && !has},
      {"act.recall", "counter.act.recall", Recall{}, idle && open && called, false},
      {"act.start", "counter.act.start", StartService{}, idle && open && called, called},
      // The node knows the ticket in hand even when this console does not (after a restart): finish,
      // no-show and transfer stay available and the node says so if there is none.
      {"act.finish", "counter.act.finish", OpenPicker{Picker::Outcome}, idle && open, has && !called},
      {"act.no_show", "counter.act.no_show", NoShow{}, idle && open && (!has || called), false},
      {"act.transfer", "counter.act.transfer", OpenPicker{Picker::Transfer}, idle && open, false},
      paused ? ActionButton{"act.resume", "counter.act.resume", Resume{}, idle, true}
             : ActionButton{"act.pause", "counter.act.pause", OpenPicker{Picker::PauseReason}, idle && open && !has,
                            false},
      {"act.services", "counter.act.services", ChangeServices{}, idle && !has, false},
      {"act.close", "counter.act.close", CloseCounter{}, idle && !has, false},
  };
  const float em = ui.em();
  const float cell = cell_width(ui, width, 3, 0.5f) / em;
  const float cell_h = std::clamp((height - 1.0f * em) / 3 / em, 2.6f, 4.0f);
  std::vector<std::string> labels;
  for (const ActionButton& b : buttons) labels.push_back(view.tr(b.label_key));
  const ui::FontRole role = uniform_role(ui, labels, cell);
  for (int i = 0; i < 9; ++i) {
    if (i % 3 != 0) ImGui::SameLine();
    const ActionButton& b = buttons[i];
    const Tone tone = !b.enabled ? Tone::disabled : b.main ? Tone::primary : Tone::normal;
    if (shortcut_button(ui, b.id, labels[std::size_t(i)], shortcut_label(b.id), ImVec2(cell, cell_h), tone, role))
      emit(b.action);
  }
}

struct Choice {
  std::string id;
  std::string label;
  Action action;
};

// The picker in place of the buttons: a question, numbered choices, cancel.
void picker(ui::TouchUi& ui, const CounterView& view, const Emit& emit, float width, float height) {
  const CounterState& s = view.state;
  std::vector<Choice> choices;
  std::string question;
  if (s.picker == Picker::Outcome) {
    question = view.tr("counter.pick.outcome");
    for (const char* outcome : {"resolved", "follow-up", "request"})
      choices.push_back(
          {std::string("outcome.") + outcome, view.tr(std::string("counter.outcome.") + outcome), Finish{outcome}});
  } else if (s.picker == Picker::Transfer) {
    question = view.tr("counter.pick.transfer");
    for (const ServiceLine& service : s.services)
      if (!s.ticket || service.code != s.ticket->service)
        choices.push_back({"transfer." + service.code, service_name(view, service.code), Transfer{service.code}});
  } else {
    question = view.tr("counter.pick.pause");
    for (const char* reason : {"lunch", "break", "other"})
      choices.push_back(
          {std::string("pause.") + reason, view.tr(std::string("counter.pause.") + reason), Pause{reason}});
  }
  const float em = ui.em();
  const float top = ImGui::GetCursorPosY();
  paragraph(ui, question, ui::FontRole::large, palette().text, Align::left, width);
  const int key = picker_key();
  const int columns = columns_for(ui, width, 10, 0.5f, int(choices.size()), 3);
  const float cell = cell_width(ui, width, columns, 0.5f) / em;
  // The choices share what is left above the cancel button.
  const int rows = (int(choices.size()) + columns - 1) / columns;
  const float room = height - (ImGui::GetCursorPosY() - top) - 3.1f * em;
  const float cell_h = std::clamp((room / float(std::max(rows, 1)) - 0.5f * em) / em, 2.2f, 3.2f);
  std::vector<std::string> labels;
  for (const Choice& choice : choices) labels.push_back(choice.label);
  const ui::FontRole role = uniform_role(ui, labels, cell);
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i % std::size_t(columns) != 0) ImGui::SameLine();
    const std::string number = i < 9 ? std::to_string(i + 1) : std::string();
    if (shortcut_button(ui, choices[i].id, choices[i].label, number, ImVec2(cell, cell_h), Tone::normal, role) ||
        key == int(i))
      emit(choices[i].action);
  }
  if (shortcut_button(ui, "picker.cancel", view.tr("counter.pick.cancel"), "Esc", ImVec2(width / em, 2.6f),
                      Tone::normal, role) ||
      key == kPickerCancel)
    emit(ClosePicker{});
}

}  // namespace

void draw_console(ui::TouchUi& ui, const CounterView& view, const Emit& emit) {
  const CounterState& s = view.state;
  top_bar(ui, view, emit, view.tr("counter.console.title", {std::to_string(view.counter), s.staff_name}));
  link_banner(ui, view);
  const float em = ui.em();
  const Palette& p = palette();
  const float width = avail_x();
  const bool wide = wide_layout(ui);
  const float left_w = wide ? width * 0.54f : width;
  const ImVec2 top = ImGui::GetCursorPos();
  const float height = avail_y();
  ImGui::BeginGroup();
  if (!s.error.empty())
    banner(ui, view.tr(s.error), p.danger, ui::FontRole::body, left_w);
  else if (!s.note.empty())
    banner(ui, view.tr(s.note), p.success, ui::FontRole::body, left_w);
  ticket_card(ui, view, left_w, std::min(8.0f * em, avail_y() * 0.4f));
  gap(ui, 0.2f);
  const float below = wide ? avail_y() : std::min(avail_y() * 0.5f, 14.0f * em);
  if (s.picker != Picker::None) {
    picker(ui, view, emit, left_w, below);
  } else {
    // A request for a walk-in (a finish with the outcome "request" opens the form for its ticket).
    action_grid(ui, view, emit, left_w, below - 3.1f * em);
    const char* key = shortcut_label("act.new_request");
    if (shortcut_button(ui, "act.new_request", view.tr("counter.act.new_request"), key, ImVec2(left_w / em, 2.6f),
                        s.busy ? Tone::disabled : Tone::normal, ui::FontRole::body) ||
        (!s.busy && shortcut_pressed(key)))
      emit(OpenRequestForm{});
  }
  ImGui::EndGroup();
  if (wide) {
    ImGui::SetCursorPos(ImVec2(top.x + left_w + 0.8f * em, top.y));
    draw_queue_panel(ui, view, emit, width - left_w - 0.8f * em, height);
  } else {
    gap(ui, 0.3f);
    draw_queue_panel(ui, view, emit, width, avail_y());
  }
}

}  // namespace kiosk::counter::screens
