// Your ticket: the number very large, the service, people ahead and the
// estimated wait, the time and store, a QR code of the ticket's opaque token,
// the print status (a failed print is loud and sends the customer to staff),
// the masked reminder number, and "done".
#include "customer/screens/screen_kit.h"

namespace kiosk::customer::kit {
namespace {

struct PrintLine {
  const char* key;
  ImVec4 fill;
  bool alert;
};

PrintLine print_line(PrintStatus status) {
  const Palette& p = palette();
  switch (status) {
    case PrintStatus::Printing: return {"ticket.printing", p.info, false};
    case PrintStatus::Printed: return {"ticket.printed", p.success, false};
    case PrintStatus::Failed: return {"ticket.print_failed", p.danger, true};
    case PrintStatus::ScreenOnly: break;
  }
  return {"ticket.screen_only", p.info, false};
}

// The number card: label huge, service name, people ahead, estimated wait.
void number_card(ui::TouchUi& ui, const CustomerView& view, const TicketView& ticket, ImVec2 min, ImVec2 max) {
  const float em = ui.em();
  const Palette& p = palette();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, u32(p.surface), 0.3f * em);
  const float pad = 0.6f * em;
  const ServiceView* service = find_service(view.state, ticket.service_code);
  const std::string name = service ? service_name(view, *service) : ticket.service_code;
  const std::string ahead = view.tr("ticket.people_ahead", {std::to_string(ticket.people_ahead)});
  const std::string wait = view.tr("ticket.estimated_wait", {std::to_string(ticket.estimated_wait_min)});
  const float inner = max.x - min.x - 2 * pad;
  const float huge_h = ui.font(ui::FontRole::huge)->FontSize;
  const ui::FontRole name_role = fitting_role(ui, name, inner, 1);
  const float name_h = wrapped_height(ui, name, name_role, inner);
  const float ahead_h = wrapped_height(ui, ahead, ui::FontRole::large, inner);
  const float wait_h = wrapped_height(ui, wait, ui::FontRole::body, inner);
  const float content = huge_h + name_h + 0.4f * em + ahead_h + wait_h;
  float y = min.y + std::max(pad, (max.y - min.y - content) / 2);
  ui.note_text(ticket.label, ui::FontRole::huge);
  ImFont* huge = ui.font(ui::FontRole::huge);
  const float label_w = huge->CalcTextSizeA(huge->FontSize, FLT_MAX, 0, ticket.label.c_str()).x;
  draw->AddText(huge, huge->FontSize, ImVec2(std::floor((min.x + max.x - label_w) / 2), y), u32(p.selected),
                ticket.label.c_str());
  y += huge_h;
  y += text_in_rect(ui, draw, name, name_role, u32(p.text), ImVec2(min.x + pad, y), ImVec2(max.x - pad, y + name_h),
                    Align::centre);
  y += 0.4f * em;
  y += text_in_rect(ui, draw, ahead, ui::FontRole::large, u32(p.text), ImVec2(min.x + pad, y),
                    ImVec2(max.x - pad, y + ahead_h), Align::centre);
  text_in_rect(ui, draw, wait, ui::FontRole::body, u32(p.text_muted), ImVec2(min.x + pad, y),
               ImVec2(max.x - pad, y + wait_h), Align::centre);
}

// The QR card: the code, what it is for, and the time and store.
void qr_card(ui::TouchUi& ui, const CustomerView& view, const TicketView& ticket, ImVec2 min, ImVec2 max) {
  const float em = ui.em();
  const Palette& p = palette();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, u32(p.surface), 0.3f * em);
  const float pad = 0.6f * em;
  const float inner = max.x - min.x - 2 * pad;
  const std::string scan = view.tr("ticket.scan");
  std::string facts = view.tr("ticket.issued_at", {ticket.issued_local_time});
  if (!view.store_id.empty()) facts += "  ·  " + view.tr("ticket.store", {view.store_id});
  const float scan_h = wrapped_height(ui, scan, ui::FontRole::body, inner);
  const float facts_h = wrapped_height(ui, facts, ui::FontRole::body, inner);
  const float qr_room = std::min(inner, max.y - min.y - 2 * pad - scan_h - facts_h - 0.6f * em);
  const float content = qr_room + 0.3f * em + scan_h + 0.3f * em + facts_h;
  float y = min.y + std::max(pad, (max.y - min.y - content) / 2);
  const float side = draw_qr(draw, ImVec2(min.x + pad, y), qr_room, ticket.token);
  y += (side > 0 ? side : qr_room) + 0.3f * em;
  y += text_in_rect(ui, draw, scan, ui::FontRole::body, u32(p.text), ImVec2(min.x + pad, y),
                    ImVec2(max.x - pad, y + scan_h), Align::centre);
  y += 0.3f * em;
  text_in_rect(ui, draw, facts, ui::FontRole::body, u32(p.text_muted), ImVec2(min.x + pad, y),
               ImVec2(max.x - pad, y + facts_h), Align::centre);
}

// The print status band (with a drawn alert mark when it failed) and the reminder line.
float status_band_height(ui::TouchUi& ui, const CustomerView& view, const TicketView& ticket, float width) {
  const PrintLine line = print_line(ticket.print);
  const float em = ui.em();
  const float text_w = width - (line.alert ? 3.2f * em : 1.2f * em) - 0.6f * em;
  float h = wrapped_height(ui, view.tr(line.key), line.alert ? ui::FontRole::large : ui::FontRole::body, text_w) + 1.2f * em;
  if (line.alert) h = std::max(h, 3.0f * em);
  return h;
}

void status_band(ui::TouchUi& ui, const CustomerView& view, const TicketView& ticket, float width) {
  const PrintLine line = print_line(ticket.print);
  const float em = ui.em();
  const float height = status_band_height(ui, view, ticket, width);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + width, min.y + height);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, u32(line.fill), 0.3f * em);
  float text_x = min.x + 0.6f * em;
  if (line.alert) {
    draw->AddRect(min, max, u32(palette().selected), 0.3f * em, 0, 0.15f * em);
    draw_alert_badge(draw, ImVec2(min.x + 1.5f * em, (min.y + max.y) / 2), 0.9f * em, u32(palette().text),
                     u32(palette().danger));
    text_x = min.x + 2.8f * em;
  }
  text_in_rect(ui, draw, view.tr(line.key), line.alert ? ui::FontRole::large : ui::FontRole::body, u32(palette().text),
               ImVec2(text_x, min.y), ImVec2(max.x - 0.6f * em, max.y), line.alert ? Align::left : Align::centre);
  ImGui::Dummy(ImVec2(width, height));
}

}  // namespace

void draw_ticket(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("ticket.your_number"), std::nullopt);
  if (!view.state.ticket) {  // not expected: the reducer shows this screen with a ticket
    if (button(ui, "ticket.done", view.tr("app.done"), ImVec2(0, 3.2f), Tone::primary)) emit(BackToWelcome{});
    return;
  }
  const TicketView& ticket = *view.state.ticket;
  const float em = ui.em();
  const Palette& p = palette();
  const float width = avail_x();
  const bool wide = wide_layout(ui);
  const std::string reminder =
      ticket.phone_masked.empty() ? std::string() : view.tr("ticket.reminder", {ticket.phone_masked});
  const float done_w = std::max(9.0f, text_width(ui, view.tr("app.done"), ui::FontRole::large) / em + 3);
  const float band_w = wide ? width - done_w * em - 0.5f * em : width;
  const float band_h = status_band_height(ui, view, ticket, band_w);
  const float reminder_h = reminder.empty() ? 0 : wrapped_height(ui, reminder, ui::FontRole::body, width) + 0.5f * em;
  const float bottom_h = wide ? std::max(band_h, 3.4f * em) : band_h + 0.5f * em + 3.4f * em;
  const float cards_h = avail_y() - bottom_h - reminder_h - 0.5f * em;
  const ImVec2 top = ImGui::GetCursorScreenPos();
  if (wide) {
    const float qr_w = std::min(width * 0.38f, cards_h + 0.0f);
    const float number_w = width - qr_w - 0.5f * em;
    number_card(ui, view, ticket, top, ImVec2(top.x + number_w, top.y + cards_h));
    qr_card(ui, view, ticket, ImVec2(top.x + number_w + 0.5f * em, top.y), ImVec2(top.x + width, top.y + cards_h));
  } else {
    const float number_h = cards_h * 0.5f;
    number_card(ui, view, ticket, top, ImVec2(top.x + width, top.y + number_h));
    qr_card(ui, view, ticket, ImVec2(top.x, top.y + number_h + 0.5f * em), ImVec2(top.x + width, top.y + cards_h));
  }
  ImGui::Dummy(ImVec2(width, cards_h));
  if (!reminder.empty()) paragraph(ui, reminder, ui::FontRole::body, p.text_muted, Align::centre, width);
  status_band(ui, view, ticket, band_w);
  if (wide) {
    ImGui::SameLine();
    ImGui::SetCursorScreenPos(ImVec2(top.x + width - done_w * em, ImGui::GetItemRectMin().y));
  }
  const float done_h = wide ? std::max(band_h, 3.4f * em) / em : 3.4f;
  if (button(ui, "ticket.done", view.tr("app.done"), ImVec2(wide ? done_w : 0, done_h), Tone::primary))
    emit(BackToWelcome{});
}

}  // namespace kiosk::customer::kit
