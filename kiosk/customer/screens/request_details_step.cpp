// The request form's details step: the purchase date (optional; picked with
// the kit's big-button date picker, never after today, or "not known") and
// the urgency (normal or urgent, two big tiles), back/next at the bottom.
#include "customer/screens/customer_kit.h"
#include "kit/date_picker.h"

namespace kiosk::customer::kit {

void draw_details_step(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  const float em = ui.em();
  const RequestFlow& r = view.state.request;
  const RequestDraft& d = r.draft;
  step_heading(ui, view, view.tr("request.details_question"), ui::FontRole::body);
  const float width = avail_x();
  const Palette& p = palette();

  // The purchase date (its parts shown on the picker; "not known" lit while empty): the
  // store's today is the first day the visit picker offers.
  const std::string today = r.days.empty() ? std::string() : r.days.front().date;
  if (std::optional<std::string> date =
          date_picker(ui, "purchase", d.purchase_date, today, today,
                      {view.tr("date.year"), view.tr("date.month"), view.tr("date.day_part")}, width))
    emit(SetPurchaseDate{*date});
  gap(ui, 0.3f);

  // "Not known" beside the urgency on a wide screen, above it otherwise.
  const bool wide = wide_layout(ui);
  const float unknown_w = wide ? cell_width(ui, width, 3, 0.5f) : width;
  const float urgency_w = wide ? width - unknown_w - 0.5f * em : width;
  const ImVec2 row = ImGui::GetCursorPos();
  const float label_h = line_height(ui, ui::FontRole::body) + 0.2f * em;
  ImGui::SetCursorPos(ImVec2(row.x, row.y + (wide ? label_h : 0)));  // level with the urgency tiles beside it
  if (toggle(ui, "purchase.unknown", view.tr("request.purchase_unknown"), d.purchase_date.empty(),
             ImVec2(unknown_w / em, 2.6f)))
    emit(SetPurchaseDate{""});
  if (wide) ImGui::SetCursorPos(ImVec2(row.x + unknown_w + 0.5f * em, row.y));
  ImGui::BeginGroup();
  paragraph(ui, view.tr("request.urgency_label"), ui::FontRole::body, p.text, Align::left, urgency_w);
  std::vector<PickerTile> tiles;
  for (Urgency u : {Urgency::Normal, Urgency::Urgent})
    tiles.push_back({std::string("urgency.") + to_string(u), view.tr(std::string("request.urgency.") + to_string(u)),
                     d.urgency == u, ChooseUrgency{u}});
  choice_grid(ui, emit, tiles, urgency_w, 2.6f * em, 2, 5.0f);
  ImGui::EndGroup();

  if (avail_y() > 2.7f * em) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + avail_y() - 2.7f * em);
  const float buttons_w = std::min(width, 26.0f * em);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + width - buttons_w);
  step_buttons(ui, view, emit, buttons_w);
}

}  // namespace kiosk::customer::kit
