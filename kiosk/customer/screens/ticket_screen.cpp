// Your ticket: the number very large, the service, people ahead and the
// estimated wait, the time and store, a QR code (the ticket's phone page with
// "scan to follow" under it, or only the opaque token when there is no page),
// the print status (a failed print is loud and sends the customer to staff),
// the masked reminder number, up to three help articles of the ticket's
// service to read while waiting, and "done".
#include <algorithm>

#include "customer/help_library.h"
#include "customer/screens/customer_kit.h"
#include "customer/ticket_wording.h"

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
    case PrintStatus::Printing:
      return {"ticket.printing", p.info, false};
    case PrintStatus::Printed:
      return {"ticket.printed", p.success, false};
    case PrintStatus::Failed:
      return {"ticket.print_failed", p.danger, true};
    case PrintStatus::ScreenOnly:
      break;
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
  const std::string name = (service ? service_name(view, *service) : ticket.service_code) +
                           (ticket.priority ? " · " + view.tr("ticket.priority") : std::string());
  const std::string ahead = people_ahead_text(view.texts, view.state.language, ticket.people_ahead);
  const std::string wait = estimated_wait_text(view.texts, view.state.language, ticket.estimated_wait_min);
  const float inner = max.x - min.x - 2 * pad;
  ImFont* huge = ui.font(ui::FontRole::huge);
  float huge_size = huge->FontSize;
  const float wait_h = wrapped_height(ui, wait, ui::FontRole::body, inner);
  const std::string reminder =
      ticket.phone_masked.empty() ? std::string() : view.tr("ticket.reminder", {ticket.phone_masked});
  const float reminder_h = reminder.empty() ? 0 : wrapped_height(ui, reminder, ui::FontRole::body, inner) + 0.3f * em;
  // The service and people ahead large where they fit beside a number of at least half size, else body.
  ui::FontRole name_role = fitting_role(ui, name, inner, 1);
  ui::FontRole ahead_role = fitting_role(ui, ahead, inner, 1);
  auto lines_height = [&] {
    return wrapped_height(ui, name, name_role, inner) + 0.4f * em + wrapped_height(ui, ahead, ahead_role, inner) +
           wait_h + reminder_h;
  };
  if (max.y - min.y - pad - lines_height() < huge_size * 0.9f * 0.5f) name_role = ahead_role = ui::FontRole::body;
  const float name_h = wrapped_height(ui, name, name_role, inner);
  const float ahead_h = wrapped_height(ui, ahead, ahead_role, inner);
  const float text_h = lines_height();
  // The number gives up size (never below half) so the lines under it fit the card.
  const float room_for_label = max.y - min.y - pad - text_h;
  huge_size *= std::clamp(room_for_label / (huge_size * 0.9f), 0.5f, 1.0f);
  const float huge_h = huge_size * 0.9f;  // digits and capitals: no room kept for descenders
  const float content = huge_h + text_h;
  float y = min.y + std::max(pad * 0.5f, (max.y - min.y - content) / 2);
  ui.note_text(ticket.label, ui::FontRole::huge);
  const float label_w = huge->CalcTextSizeA(huge_size, FLT_MAX, 0, ticket.label.c_str()).x;
  draw->AddText(huge, huge_size, ImVec2(std::floor((min.x + max.x - label_w) / 2), y), u32(p.selected),
                ticket.label.c_str());
  y += huge_h;
  y += text_in_rect(ui, draw, name, name_role, u32(p.text), ImVec2(min.x + pad, y), ImVec2(max.x - pad, y + name_h),
                    Align::centre);
  y += 0.4f * em;
  y += text_in_rect(ui, draw, ahead, ahead_role, u32(p.text), ImVec2(min.x + pad, y), ImVec2(max.x - pad, y + ahead_h),
                    Align::centre);
  y += text_in_rect(ui, draw, wait, ui::FontRole::body, u32(p.text_muted), ImVec2(min.x + pad, y),
                    ImVec2(max.x - pad, y + wait_h), Align::centre);
  if (!reminder.empty()) {
    y += 0.3f * em;
    text_in_rect(ui, draw, reminder, ui::FontRole::body, u32(p.text), ImVec2(min.x + pad, y),
                 ImVec2(max.x - pad, y + reminder_h), Align::centre);
  }
}

// The QR card: the code, what it is for, the rating check digits, the time and store.
void qr_card(ui::TouchUi& ui, const CustomerView& view, const TicketView& ticket, ImVec2 min, ImVec2 max) {
  const float em = ui.em();
  const Palette& p = palette();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, u32(p.surface), 0.3f * em);
  const float pad = 0.6f * em;
  const float inner = max.x - min.x - 2 * pad;
  const std::string scan = ticket.page_url.empty() ? std::string() : view.tr("ticket.scan");
  std::string facts = view.tr("ticket.issued_at", {ticket.issued_local_time});
  if (!view.store_id.empty()) facts += " · " + view.tr("ticket.store", {view.store_id});
  const std::string check =
      ticket.rating_check.empty() ? std::string() : view.tr("ticket.rating_check", {ticket.rating_check});
  const float scan_h = scan.empty() ? 0 : wrapped_height(ui, scan, ui::FontRole::body, inner);
  const float check_h = check.empty() ? 0 : wrapped_height(ui, check, ui::FontRole::body, inner) + 0.3f * em;
  const float facts_h = wrapped_height(ui, facts, ui::FontRole::body, inner);
  const float texts_h = 0.3f * em + scan_h + check_h + 0.3f * em + facts_h;
  const float qr_room = std::min(inner, max.y - min.y - 2 * pad - texts_h);
  float y = min.y + std::max(pad, (max.y - min.y - qr_room - texts_h) / 2);
  const float side = draw_qr(draw, ImVec2(min.x + pad + (inner - qr_room) / 2, y), qr_room, qr_content(ticket));
  y += (side > 0 ? side : qr_room) + 0.3f * em;
  if (!scan.empty())
    y += text_in_rect(ui, draw, scan, ui::FontRole::body, u32(p.text), ImVec2(min.x + pad, y),
                      ImVec2(max.x - pad, y + scan_h), Align::centre);
  if (!check.empty()) {
    y += 0.3f * em;
    y += text_in_rect(ui, draw, check, ui::FontRole::body, u32(p.text), ImVec2(min.x + pad, y),
                      ImVec2(max.x - pad, y + check_h), Align::centre);
  }
  y += 0.3f * em;
  text_in_rect(ui, draw, facts, ui::FontRole::body, u32(p.text_muted), ImVec2(min.x + pad, y),
               ImVec2(max.x - pad, y + facts_h), Align::centre);
}

// The print status band. A failed print is loud: red, an alert mark drawn
// from shapes, a large headline, and what to do.
float status_band(ui::TouchUi& ui, const CustomerView& view, const TicketView& ticket, float width, bool draw_it) {
  const PrintLine line = print_line(ticket.print);
  const float em = ui.em();
  const float pad = 0.6f * em;
  const float text_x = line.alert ? 3.0f * em : pad;
  const float text_w = width - text_x - pad;
  const std::string headline = line.alert ? view.tr("ticket.print_failed_title") : std::string();
  const float headline_h = line.alert ? wrapped_height(ui, headline, ui::FontRole::large, text_w) : 0;
  const float message_h = wrapped_height(ui, view.tr(line.key), ui::FontRole::body, text_w);
  const float height = std::max(headline_h + message_h + 2 * pad, line.alert ? 3.4f * em : 2.6f * em);
  if (!draw_it) return height;
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + width, min.y + height);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, u32(line.fill), 0.3f * em);
  float y = min.y + (height - headline_h - message_h) / 2;
  if (line.alert) {
    draw->AddRect(min, max, u32(palette().selected), 0.3f * em, 0, 0.15f * em);
    draw_alert_badge(draw, ImVec2(min.x + 1.55f * em, (min.y + max.y) / 2), 0.95f * em, u32(palette().text),
                     u32(palette().danger));
    y += text_in_rect(ui, draw, headline, ui::FontRole::large, u32(palette().text), ImVec2(min.x + text_x, y),
                      ImVec2(max.x - pad, y + headline_h), Align::left);
  }
  text_in_rect(ui, draw, view.tr(line.key), ui::FontRole::body, u32(palette().text), ImVec2(min.x + text_x, y),
               ImVec2(max.x - pad, y + message_h), line.alert ? Align::left : Align::centre);
  ImGui::Dummy(ImVec2(width, height));
  return height;
}

// "While you wait": the articles as tiles under a heading, side by side in a
// row or (`column`) one above the other.
constexpr ArticleTile kOfferLook{ui::FontRole::body, 2, false};

// The height of the row of them.
float offers_row_height(const ui::TouchUi& ui, const std::vector<std::size_t>& offers) {
  if (offers.empty()) return 0;
  return line_height(ui, ui::FontRole::body) - 0.3f * ui.em() + article_tile_height(ui, kOfferLook);
}

void offers_block(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, const std::vector<std::size_t>& offers,
                  float width, bool column) {
  if (offers.empty()) return;
  const float em = ui.em();
  const float x = ImGui::GetCursorPosX();
  paragraph(ui, view.tr("ticket.while_you_wait"), ui::FontRole::body, palette().text_muted, Align::left, width);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 0.3f * em);  // the heading belongs to the tiles
  const int n = static_cast<int>(offers.size());
  const float tile_w = column ? width : cell_width(ui, width, n, 0.5f);
  for (int i = 0; i < n; ++i) {
    ImGui::SetCursorPosX(column ? x : x + static_cast<float>(i) * (tile_w + 0.5f * em));
    const KbArticle& article = view.state.help_library->articles[offers[static_cast<std::size_t>(i)]];
    article_tile(ui, view, emit, "ticket.help." + article.id, article,
                 ImVec2(tile_w, article_tile_height(ui, kOfferLook)), kOfferLook);
    if (!column && i + 1 < n) ImGui::SameLine(0, 0.5f * em);
  }
}

}  // namespace

void draw_ticket(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("ticket.your_number"), std::nullopt);
  if (!view.state.ticket) {  // not expected: the reducer shows this screen with a ticket
    if (button(ui, "ticket.done", view.tr("app.done"), ImVec2(0, 3.2f), Tone::primary)) emit(BackToWelcome{});
    return;
  }
  const TicketView& ticket = *view.state.ticket;
  const std::vector<std::size_t> offers =
      view.state.help_library ? help_for_service(*view.state.help_library, ticket.service_code, view.state.language)
                              : std::vector<std::size_t>();
  const float em = ui.em();
  const float width = avail_x();
  const float height = avail_y();
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const ImVec2 top_local = ImGui::GetCursorPos();
  constexpr float kDoneEm = 3.4f;
  if (wide_layout(ui)) {
    // Left: the number (and the articles to read beside it), then the print
    // status. Right: the QR code, then "done".
    const float right_w = std::max(11.0f * em, width * 0.34f);
    const float left_w = width - right_w - 0.6f * em;
    const float offers_w = offers.empty() ? 0 : left_w * 0.45f;
    const float number_w = offers.empty() ? left_w : left_w - offers_w - 0.6f * em;
    const float band_h = status_band(ui, view, ticket, left_w, false);
    number_card(ui, view, ticket, top, ImVec2(top.x + number_w, top.y + height - band_h - 0.5f * em));
    qr_card(ui, view, ticket, ImVec2(top.x + left_w + 0.6f * em, top.y),
            ImVec2(top.x + width, top.y + height - kDoneEm * em - 0.5f * em));
    ImGui::SetCursorPos(ImVec2(top_local.x + number_w + 0.6f * em, top_local.y));
    ImGui::BeginGroup();
    offers_block(ui, view, emit, offers, offers_w, true);
    ImGui::EndGroup();
    ImGui::SetCursorPos(ImVec2(top_local.x, top_local.y + height - band_h));
    status_band(ui, view, ticket, left_w, true);
    ImGui::SetCursorPos(ImVec2(top_local.x + left_w + 0.6f * em, top_local.y + height - kDoneEm * em));
    if (button(ui, "ticket.done", view.tr("app.done"), ImVec2(right_w / em, kDoneEm), Tone::primary))
      emit(BackToWelcome{});
  } else {
    const float band_h = status_band(ui, view, ticket, width, false);
    const float offers_h = offers.empty() ? 0 : offers_row_height(ui, offers) + 0.5f * em;
    const float cards_h = height - band_h - kDoneEm * em - 1.5f * em - offers_h;
    const float number_h = std::min(cards_h * 0.45f, 12.0f * em);
    number_card(ui, view, ticket, top, ImVec2(top.x + width, top.y + number_h));
    qr_card(ui, view, ticket, ImVec2(top.x, top.y + number_h + 0.5f * em), ImVec2(top.x + width, top.y + cards_h));
    ImGui::SetCursorPos(ImVec2(top_local.x, top_local.y + cards_h + 0.5f * em));
    offers_block(ui, view, emit, offers, width, false);
    ImGui::SetCursorPos(ImVec2(top_local.x, top_local.y + cards_h + 0.5f * em + offers_h));
    status_band(ui, view, ticket, width, true);
    if (button(ui, "ticket.done", view.tr("app.done"), ImVec2(0, kDoneEm), Tone::primary)) emit(BackToWelcome{});
  }
}

}  // namespace kiosk::customer::kit
