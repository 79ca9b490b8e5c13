// The staff's request form: four pages (product, details, customer, visit)
// chosen with big tabs, the kiosk's pickers (kit/choice_tiles.h,
// kit/date_picker.h) for kind, product, problem, dates, window and urgency,
// and text fields (request_fields.h) typed on the physical keyboard (Tab to
// the next field, Backspace; pinyin for Chinese with Enter and Esc) or on the
// on-screen keys. Send and Cancel stay at the bottom, the typing row above
// them; the refusal in plain words above the form; once stored, the code and
// what became of the receipt in the form's place.
#include <GLFW/glfw3.h>

#include <set>

#include "core/phone.h"
#include "counter/request_form_reducer.h"
#include "counter/screens/request_fields.h"
#include "kit/choice_tiles.h"
#include "kit/date_picker.h"
#include "requests/request_validation.h"

namespace kiosk::counter::screens {
namespace {

// UTF-8 of one typed character.
std::string utf8(unsigned c) {
  std::string out;
  if (c < 0x80)
    out += char(c);
  else if (c < 0x800)
    out += {char(0xC0 | (c >> 6)), char(0x80 | (c & 0x3F))};
  else
    out += {char(0xE0 | (c >> 12)), char(0x80 | ((c >> 6) & 0x3F)), char(0x80 | (c & 0x3F))};
  return out;
}

// The text fields of each page, in Tab order.
std::vector<RequestField> fields_of_page(int page) {
  switch (page) {
    case 1:
      return {RequestField::Model, RequestField::Serial};
    case 2:
      return {RequestField::Name, RequestField::Phone, RequestField::Description};
    case 3:
      return {RequestField::Address};
    default:
      return {};
  }
}

// Typed characters go to the focused field; Backspace deletes; Tab moves on within the page.
void read_keys(const StaffRequest& r, bool composing, const Emit& emit) {
  const ImGuiIO& io = ImGui::GetIO();
  std::string typed;
  for (ImWchar c : io.InputQueueCharacters)
    if (c >= 0x20 && c != 0x7F) typed += utf8(c);
  if (!typed.empty()) emit(RequestTyped{typed});
  if (ImGui::IsKeyPressed(GLFW_KEY_BACKSPACE)) emit(RequestTyped{"\b"});
  if (composing && ImGui::IsKeyPressed(GLFW_KEY_ENTER)) emit(RequestTyped{"\n"});     // keeps the letters as typed
  if (composing && ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) emit(RequestTyped{"\x1b"});  // drops them
  const std::vector<RequestField> fields = fields_of_page(r.page);
  if (ImGui::IsKeyPressed(GLFW_KEY_TAB) && !fields.empty()) {
    std::size_t at = 0;
    while (at < fields.size() && fields[at] != r.focus) ++at;
    emit(FocusRequestField{fields[(at + 1) % fields.size()]});
  }
}

const std::string& name_in(const CounterView& view, const std::string& zh, const std::string& en) {
  return view.state.language == Language::Zh ? zh : en;
}

// A question and its tiles; the action of the tile tapped.
template <class Make>
void tiles(ui::TouchUi& ui, const Emit& emit, std::string_view question, std::vector<ChoiceTile> shown, float width,
           float height, int columns, Make action_of) {
  paragraph(ui, question, ui::FontRole::body, palette().text_muted, Align::left, width);
  const int tapped = choice_tiles(ui, shown, width, height, columns, 4.0f);
  if (tapped >= 0) emit(action_of(std::size_t(tapped)));
}

DatePickerLabels date_labels(const CounterView& view) {
  return {view.tr("counter.request.year"), view.tr("counter.request.month"), view.tr("counter.request.day")};
}

// The kind, the product and its problem.
void product_page(ui::TouchUi& ui, const CounterView& view, const Emit& emit, float width, float height) {
  const float em = ui.em();
  const StaffRequest& r = view.state.request;
  const RequestForm& f = r.form;
  const float left_w = (width - 1.0f * em) / 2, right_w = left_w;
  const ImVec2 top = ImGui::GetCursorPos();
  ImGui::BeginGroup();
  const RequestKind kinds[] = {RequestKind::Repair, RequestKind::Installation};
  tiles(ui, emit, view.tr("counter.request.kind"),
        {{"req.kind.repair", view.tr("counter.request.kind.repair"), f.kind == RequestKind::Repair},
         {"req.kind.installation", view.tr("counter.request.kind.installation"), f.kind == RequestKind::Installation}},
        left_w, 2.6f * em, 2, [&](std::size_t i) { return Action(ChooseRequestKind{kinds[i]}); });
  // The products and problems offered for the kind chosen (an installation: the products that are installed).
  std::vector<ChoiceTile> products;
  std::vector<std::string> product_codes;
  const ProductCategory* chosen = nullptr;
  for (const ProductCategory& p : r.products) {
    if (!offered_for(p, f.kind)) continue;
    products.push_back({"req.product." + p.code, name_in(view, p.name_zh, p.name_en), f.product == p.code});
    product_codes.push_back(p.code);
    if (f.product == p.code) chosen = &p;
  }
  if (!r.options_loaded)
    paragraph(ui, view.tr("counter.request.loading"), ui::FontRole::body, palette().text_muted, Align::left);
  const float product_h = std::max(2.6f * em, top.y + height - ImGui::GetCursorPosY() - 1.8f * em);
  tiles(ui, emit, view.tr("counter.request.product"), products, left_w, product_h, 3,
        [&](std::size_t i) { return Action(ChooseRequestProduct{product_codes[i]}); });
  ImGui::EndGroup();
  ImGui::SetCursorPos(ImVec2(top.x + left_w + 1.0f * em, top.y));
  ImGui::BeginGroup();
  if (chosen) {
    const std::vector<ProblemCategory> offered = problems_for(*chosen, f.kind);
    std::vector<ChoiceTile> problems;
    for (const ProblemCategory& q : offered)
      problems.push_back({"req.problem." + q.code, name_in(view, q.name_zh, q.name_en), f.problem == q.code});
    const char* question =
        f.kind == RequestKind::Installation ? "counter.request.installation" : "counter.request.problem";
    tiles(ui, emit, view.tr(question), problems, right_w, height - 1.6f * em, 3,
          [&](std::size_t i) { return Action(ChooseRequestProblem{offered[i].code}); });
  }
  ImGui::EndGroup();
}

// The model and serial number, the urgency; the purchase date.
void details_page(ui::TouchUi& ui, const CounterView& view, const Emit& emit, float width) {
  const float em = ui.em();
  const StaffRequest& r = view.state.request;
  const RequestForm& f = r.form;
  const float left_w = (width - 1.0f * em) / 2, right_w = left_w;
  const ImVec2 top = ImGui::GetCursorPos();
  ImGui::BeginGroup();
  text_field(ui, view, emit, RequestField::Model, left_w, 2.4f);
  text_field(ui, view, emit, RequestField::Serial, left_w, 2.4f);
  const Urgency urgencies[] = {Urgency::Normal, Urgency::Urgent};
  tiles(ui, emit, view.tr("counter.request.urgency"),
        {{"req.urgency.normal", view.tr("counter.request.urgency.normal"), f.urgency == Urgency::Normal},
         {"req.urgency.urgent", view.tr("counter.request.urgency.urgent"), f.urgency == Urgency::Urgent}},
        left_w, 2.6f * em, 2, [&](std::size_t i) { return Action(ChooseRequestUrgency{urgencies[i]}); });
  ImGui::EndGroup();
  ImGui::SetCursorPos(ImVec2(top.x + left_w + 1.0f * em, top.y));
  ImGui::BeginGroup();
  paragraph(ui,
            view.tr("counter.request.purchase") + "  " +
                (f.purchase_date.empty() ? view.tr("counter.request.unknown") : f.purchase_date),
            ui::FontRole::body, palette().text_muted, Align::left, right_w);
  if (std::optional<std::string> date =
          date_picker(ui, "req.purchase", f.purchase_date, r.today, r.today, date_labels(view), right_w))
    emit(SetRequestPurchaseDate{*date});
  if (button(ui, "req.purchase.unknown", view.tr("counter.request.unknown"), ImVec2(right_w / em, 2.4f),
             f.purchase_date.empty() ? Tone::selected : Tone::normal, ui::FontRole::body))
    emit(SetRequestPurchaseDate{""});
  ImGui::EndGroup();
}

// The contact (phone masked unless typed in), the description, the customer's consent.
void customer_page(ui::TouchUi& ui, const CounterView& view, const Emit& emit, float width) {
  const float em = ui.em();
  const RequestForm& f = view.state.request.form;
  const float left_w = (width - 1.0f * em) / 2, right_w = left_w;
  const ImVec2 top = ImGui::GetCursorPos();
  ImGui::BeginGroup();
  text_field(ui, view, emit, RequestField::Name, left_w, 2.4f);
  text_field(ui, view, emit, RequestField::Phone, left_w, 2.4f);
  paragraph(
      ui,
      view.tr(view.state.request.ticket_id.empty() ? "counter.request.phone_hint" : "counter.request.phone_hint_ticket",
              {std::to_string(kMobileDigits)}),
      ui::FontRole::body, palette().text_muted, Align::left, left_w);
  ImGui::EndGroup();
  ImGui::SetCursorPos(ImVec2(top.x + left_w + 1.0f * em, top.y));
  ImGui::BeginGroup();
  text_field(ui, view, emit, RequestField::Description, right_w, 4.0f);
  gap(ui, 0.3f);
  if (toggle(ui, "req.consent", view.tr("counter.request.consent"), f.consent, ImVec2(right_w / em, 3.2f)))
    emit(ToggleRequestConsent{});
  ImGui::EndGroup();
}

// On site or a drop-off; the address, the day and the time of day of the visit.
void visit_page(ui::TouchUi& ui, const CounterView& view, const Emit& emit, float width) {
  const float em = ui.em();
  const StaffRequest& r = view.state.request;
  const RequestForm& f = r.form;
  const float left_w = (width - 1.0f * em) / 2, right_w = left_w;
  const ImVec2 top = ImGui::GetCursorPos();
  ImGui::BeginGroup();
  if (toggle(ui, "req.on_site", view.tr("counter.request.on_site"), f.on_site, ImVec2(left_w / em, 2.6f)))
    emit(ToggleRequestOnSite{});
  if (f.on_site) {
    text_field(ui, view, emit, RequestField::Address, left_w, 2.4f);
    const TimeWindow windows[] = {TimeWindow::Morning, TimeWindow::Afternoon, TimeWindow::Evening};
    std::vector<ChoiceTile> shown;
    for (TimeWindow w : windows)
      shown.push_back({std::string("req.window.") + to_string(w),
                       view.tr(std::string("counter.request.window.") + to_string(w)), f.time_window == w});
    tiles(ui, emit, view.tr("counter.request.window"), shown, left_w, 2.6f * em, 3,
          [&](std::size_t i) { return Action(ChooseRequestWindow{windows[i]}); });
  }
  ImGui::EndGroup();
  if (!f.on_site) return;
  ImGui::SetCursorPos(ImVec2(top.x + left_w + 1.0f * em, top.y));
  ImGui::BeginGroup();
  paragraph(ui, view.tr("counter.request.visit") + "  " + (f.preferred_date.empty() ? "–" : f.preferred_date),
            ui::FontRole::body, palette().text_muted, Align::left, right_w);
  if (std::optional<std::string> date =
          date_picker(ui, "req.visit", f.preferred_date, r.today, r.last_visit_day, date_labels(view), right_w))
    emit(SetRequestVisitDate{*date});
  ImGui::EndGroup();
}

bool ends_with(const std::string& text, std::string_view end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

// The refusal in plain words: its own sentence, or the field's label in a
// sentence per kind of text problem (with the domain's limit); else the node's message.
std::string refusal_text(const CounterView& view, const StaffRequest& r) {
  const std::string& code = r.error_code;
  static const std::set<std::string, std::less<>> kOwnSentence{
      "phone-format",           "phone-not-digits",         "phone-empty",
      "serial-character",       "purchase-date-future",     "purchase-date-format",
      "preferred-date-empty",   "preferred-date-past",      "preferred-date-too-far",
      "preferred-window-empty", "preferred-window-past",    "consent-required",
      "unknown-product",        "unknown-problem",          "problem-not-for-kind",
      "installation-on-site",   "ticket-already-requested", "ticket-not-done",
      "ticket-not-today"};
  if (kOwnSentence.count(code)) return view.tr("counter.request.error." + code, {error_limit(code)});
  if (const std::optional<RequestField> field = field_of_error(code)) {
    const std::string& label = view.tr(field_label_key(*field));
    if (ends_with(code, "-empty")) return view.tr("counter.request.error.empty", {label});
    if (ends_with(code, "-too-long")) return view.tr("counter.request.error.too-long", {label, error_limit(code)});
    return view.tr("counter.request.error.character", {label});
  }
  return view.tr("counter.request.error.other", {r.error_message});
}

// What became of the customer's paper, and what the clerk does about it.
const char* receipt_key(ReceiptState receipt) {
  switch (receipt) {
    case ReceiptState::Printing:
      return "counter.request.receipt.printing";
    case ReceiptState::Printed:
      return "counter.request.receipt.printed";
    case ReceiptState::Failed:
      return "counter.request.receipt.failed";
    case ReceiptState::NoPrinter:
      break;
  }
  return "counter.request.receipt.no_printer";
}

// Stored: the code large, what became of the receipt, and where to go next
// (the form was cleared: nothing personal stays on screen).
void draw_created(ui::TouchUi& ui, const CounterView& view, const Emit& emit) {
  const StaffRequest& r = view.state.request;
  const float em = ui.em();
  const Palette& p = palette();
  const float width = avail_x();
  banner(ui, view.tr("counter.request.created", {r.created_code}), p.success, ui::FontRole::large);
  gap(ui, 0.3f);
  banner(ui, view.tr(receipt_key(r.receipt)), r.receipt == ReceiptState::Failed ? p.danger : p.info);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.5f * em, avail_y() - 3.0f * em));
  const float w = cell_width(ui, width, 2, 0.5f) / em;
  if (button(ui, "req.cancel", view.tr("counter.request.back"), ImVec2(w, 2.6f), Tone::normal, ui::FontRole::body))
    emit(CloseRequestForm{});
  ImGui::SameLine(0, 0.5f * em);
  if (button(ui, "req.another", view.tr("counter.request.another"), ImVec2(w, 2.6f), Tone::primary,
             ui::FontRole::body)) {
    emit(CloseRequestForm{});
    emit(OpenRequestForm{});
  }
}

}  // namespace

void draw_request_form(ui::TouchUi& ui, const CounterView& view, const Emit& emit) {
  const StaffRequest& r = view.state.request;
  top_bar(ui, view, emit,
          r.ticket_label.empty() ? view.tr("counter.request.title")
                                 : view.tr("counter.request.title_ticket", {r.ticket_label}));
  link_banner(ui, view);
  if (!r.created_code.empty()) return draw_created(ui, view, emit);
  read_keys(r, !view.state.ime.preedit.empty(), emit);
  const float em = ui.em();
  const Palette& p = palette();
  const float width = avail_x();
  if (!r.error_code.empty())
    banner(ui, refusal_text(view, r), p.danger);
  else if (!view.state.error.empty())
    banner(ui, view.tr(view.state.error), p.danger);
  // The page tabs.
  const char* const pages[] = {"product", "details", "customer", "visit"};
  const float tab_w = cell_width(ui, width, 4, 0.5f) / em;
  for (int page = 0; page < 4; ++page) {
    if (page) ImGui::SameLine(0, 0.5f * em);
    const std::string name = pages[page];
    if (button(ui, "req.page." + name, view.tr("counter.request.page." + name), ImVec2(tab_w, 2.4f),
               r.page == page ? Tone::selected : Tone::normal, ui::FontRole::body))
      emit(ShowRequestPage{page});
  }
  gap(ui, 0.3f);
  // Pages with text fields keep a typing row above the buttons; with the
  // on-screen keys on, the focused field and the keys take the page's place.
  const bool typing = !fields_of_page(r.page).empty();
  const float form_h = avail_y() - 3.2f * em - (typing ? (kTypingRowEm + 0.4f) * em : 0.0f);  // less the typing row
  const ImVec2 form_top = ImGui::GetCursorPos();
  if (typing && view.state.screen_keys)
    screen_keys_panel(ui, view, emit, width, form_h);
  else if (r.page == 0)
    product_page(ui, view, emit, width, form_h);
  else if (r.page == 1)
    details_page(ui, view, emit, width);
  else if (r.page == 2)
    customer_page(ui, view, emit, width);
  else
    visit_page(ui, view, emit, width);
  if (typing) {
    ImGui::SetCursorPos(ImVec2(form_top.x, form_top.y + form_h + 0.4f * em));
    typing_row(ui, view, emit, width);
  }
  // Cancel and send along the bottom.
  const float typing_h = typing ? (kTypingRowEm + 0.4f) * em : 0.0f;
  ImGui::SetCursorPos(ImVec2(form_top.x, form_top.y + form_h + typing_h + 0.4f * em));
  const float w = cell_width(ui, width, 2, 0.5f) / em;
  if (button(ui, "req.cancel", view.tr("counter.request.cancel"), ImVec2(w, 2.6f),
             r.busy ? Tone::disabled : Tone::normal, ui::FontRole::body))
    emit(CloseRequestForm{});
  ImGui::SameLine(0, 0.5f * em);
  if (button(ui, "req.send", view.tr(r.busy ? "counter.request.sending" : "counter.request.send"), ImVec2(w, 2.6f),
             r.busy || !r.options_loaded ? Tone::disabled : Tone::primary, ui::FontRole::body))
    emit(SubmitStaffRequest{});
}

}  // namespace kiosk::counter::screens
