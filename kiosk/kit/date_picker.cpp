// The big-button date picker (see date_picker.h).
#include "kit/date_picker.h"

#include <algorithm>
#include <cstdio>

#include "kit/touch_kit.h"

namespace kiosk::kit {
namespace {

struct Ymd {
  int year = 1970, month = 1, day = 1;
};

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::optional<Ymd> parse(const std::string& date) {
  Ymd d;
  if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2d-%2d", &d.year, &d.month, &d.day) != 3)
    return std::nullopt;
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  return d;
}

std::string format(const Ymd& d) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
  return text;
}

}  // namespace

std::string step_date(const std::string& date, DatePart part, int delta, const std::string& start,
                      const std::string& latest) {
  Ymd d = parse(date).value_or(parse(start).value_or(Ymd{}));
  if (part == DatePart::Year) d.year += delta;
  if (part == DatePart::Month) {
    const int months = d.year * 12 + (d.month - 1) + delta;
    d.year = months / 12;
    d.month = months % 12 + 1;
  }
  if (part == DatePart::Day) {
    d.day += delta;
    if (d.day < 1) d.day = days_in_month(d.year, d.month);
    if (d.day > days_in_month(d.year, d.month)) d.day = 1;
  }
  d.day = std::min(d.day, days_in_month(d.year, d.month));
  const std::string stepped = format(d);
  if (stepped < "1970-01-01") return "1970-01-01";
  return !latest.empty() && stepped > latest ? latest : stepped;
}

std::optional<std::string> date_picker(ui::TouchUi& ui, std::string_view id, const std::string& date,
                                       const std::string& start, const std::string& latest,
                                       const DatePickerLabels& labels, float width_px) {
  const float em = ui.em();
  const Ymd shown = parse(date).value_or(parse(start).value_or(Ymd{}));
  // Side by side (a label over each "- value +") where three fit, else one row each.
  const bool across = width_px >= 27.0f * em;
  const float gap = 0.6f * em;
  const float group_w = across ? (width_px - 2 * gap) / 3 : width_px;
  const float label_w = across ? 0 : std::min(5.0f * em, width_px * 0.25f);
  const float label_h = across ? line_height(ui, ui::FontRole::body) + 0.2f * em : 0;
  const float button_w =
      std::min(3.0f * em, (group_w - label_w) * 0.27f);  // the value keeps room for a year in the large font
  const float value_w = group_w - label_w - 2 * button_w - 0.8f * em;
  std::optional<std::string> picked;
  const struct {
    DatePart part;
    const char* name;
    std::string_view label;
    int value;
  } parts[] = {{DatePart::Year, "year", labels.year, shown.year},
               {DatePart::Month, "month", labels.month, shown.month},
               {DatePart::Day, "day", labels.day, shown.day}};
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (int i = 0; i < 3; ++i) {
    const auto& part = parts[i];
    const ImVec2 at = across ? ImVec2(origin.x + float(i) * (group_w + gap), origin.y)
                             : ImVec2(origin.x, origin.y + float(i) * 3.0f * em);
    if (across)
      text_in_rect(ui, draw, part.label, ui::FontRole::body, u32(palette().text_muted), at,
                   ImVec2(at.x + group_w, at.y + label_h), Align::centre);
    else
      text_in_rect(ui, draw, part.label, ui::FontRole::body, u32(palette().text_muted), at,
                   ImVec2(at.x + label_w, at.y + 2.6f * em), Align::left);
    const ImVec2 row(at.x + label_w, at.y + label_h);
    ImGui::SetCursorScreenPos(row);
    const std::string base = std::string(id) + "." + part.name;
    if (button(ui, base + ".less", "-", ImVec2(button_w / em, 2.6f), Tone::normal))
      picked = step_date(date, part.part, -1, start, latest);
    const ImVec2 value_at(row.x + button_w + 0.4f * em, row.y);
    draw->AddRectFilled(value_at, ImVec2(value_at.x + value_w, value_at.y + 2.6f * em), u32(palette().surface),
                        0.25f * em);
    text_in_rect(ui, draw, date.empty() ? std::string() : std::to_string(part.value), ui::FontRole::large,
                 u32(palette().text), value_at, ImVec2(value_at.x + value_w, value_at.y + 2.6f * em), Align::centre);
    ImGui::SetCursorScreenPos(ImVec2(value_at.x + value_w + 0.4f * em, row.y));
    if (button(ui, base + ".more", "+", ImVec2(button_w / em, 2.6f), Tone::normal))
      picked = step_date(date, part.part, +1, start, latest);
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + (across ? label_h + 3.0f * em : 9.0f * em)));
  ImGui::Dummy(ImVec2(0, 0));
  return picked;
}

}  // namespace kiosk::kit
