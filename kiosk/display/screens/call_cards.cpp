// The board's calls: the current one very large (amber and blue blinking while
// it is new, "called again" on a recall) and the five before it.
#include <algorithm>

#include "display/display_reducer.h"
#include "display/screens/display_kit.h"

namespace kiosk::display {
void draw_current_call(const BoardPainter& p, ImVec2 min, ImVec2 max) {
  const kit::Palette& colours = kit::palette();
  const BoardView& view = p.view();
  const float em = p.em();
  if (view.state.calls.empty()) {
    p.card(min, max, colours.surface);
    const Bilingual none = p.tr("display.no_calls");
    const float mid = (min.y + max.y) / 2;
    p.text(none.lead, ui::FontRole::large, colours.text_muted, ImVec2(min.x + em, mid - p.line(ui::FontRole::large)),
           ImVec2(max.x - em, mid), kit::Align::centre);
    p.text(none.other, ui::FontRole::body, colours.text_muted, ImVec2(min.x + em, mid),
           ImVec2(max.x - em, mid + p.line(ui::FontRole::body)), kit::Align::centre);
    return;
  }
  const BoardCall& call = view.state.calls.front();
  const bool bright = blink_on(call, view.now, view.timings);
  const bool fresh = is_highlighted(call, view.now, view.timings);
  p.card(min, max, bright ? colours.selected : fresh ? colours.primary : colours.surface);
  const ImVec4 ink = bright ? colours.text_on_selected : colours.text;
  const ImVec4 faint = bright ? colours.text_on_selected : colours.text_muted;

  // What is there: a tag line, the label, the counter in the leading language, then in the other.
  const Bilingual tag = p.tr(call.event.recall ? "display.called_again" : "display.now_calling");
  const std::string counter = std::to_string(call.event.counter);
  const Bilingual where = p.tr("display.go_to_counter", {counter});
  const float pad = 0.7f * em;
  const float inner_w = max.x - min.x - 2 * pad;
  const float tag_h = p.line(ui::FontRole::body);
  const float other_h = p.line(ui::FontRole::body, 1.1f);
  // The label and the counter line shrink together when the card is short, so the label stays the largest.
  const float room = max.y - min.y - 2 * pad - tag_h - other_h;
  const float both = std::min(1.0f, room / (p.line(ui::FontRole::huge) + p.line(ui::FontRole::large)));
  const float where_scale = std::min(both, p.fit(where.lead, ui::FontRole::large, inner_w, 1.0f, 0.4f));
  const float where_h = p.line(ui::FontRole::large, where_scale);
  const float label_room = room - where_h;
  const float label_scale = std::min({label_room / p.line(ui::FontRole::huge), 1.0f,
                                      p.fit(call.event.ticket, ui::FontRole::huge, inner_w, 1.0f, 0.3f)});
  const float label_h = p.line(ui::FontRole::huge, label_scale);
  float y = min.y + pad + std::max(0.0f, (label_room - label_h) / 2);

  const std::string tag_text = tag.lead + "  " + tag.other;
  p.text(tag_text, ui::FontRole::body, call.event.recall && !bright ? colours.selected : faint,
         ImVec2(min.x + pad, min.y + pad), ImVec2(max.x - pad, min.y + pad + tag_h), kit::Align::centre);
  y = std::max(y, min.y + pad + tag_h);
  p.text(call.event.ticket, ui::FontRole::huge, ink, ImVec2(min.x + pad, y), ImVec2(max.x - pad, y + label_h),
         kit::Align::centre, label_scale);
  y += label_h;
  p.text(where.lead, ui::FontRole::large, ink, ImVec2(min.x + pad, y), ImVec2(max.x - pad, y + where_h),
         kit::Align::centre, where_scale);
  y += where_h;
  p.text(where.other, ui::FontRole::body, faint, ImVec2(min.x + pad, y), ImVec2(max.x - pad, y + other_h),
         kit::Align::centre, 1.1f);
}

void draw_earlier_calls(const BoardPainter& p, ImVec2 min, ImVec2 max) {
  const kit::Palette& colours = kit::palette();
  const BoardView& view = p.view();
  const float em = p.em();
  const float pad = 0.6f * em;
  p.card(min, max, colours.surface);
  const Bilingual heading = p.tr("display.earlier_calls");
  const float heading_h = p.line(ui::FontRole::body);
  p.text(heading.lead + "  " + heading.other, ui::FontRole::body, colours.text_muted, ImVec2(min.x + pad, min.y + pad),
         ImVec2(max.x - pad, min.y + pad + heading_h), kit::Align::left);
  const float top = min.y + pad + heading_h + 0.2f * em;
  const float row_h = std::min(p.line(ui::FontRole::large, 0.8f), (max.y - pad - top) / kEarlierCalls);
  const float label_scale = std::min(0.8f, row_h / p.line(ui::FontRole::large));
  const float inner_w = max.x - min.x - 2 * pad;
  for (std::size_t i = 1; i < view.state.calls.size(); ++i) {
    const BoardCall& call = view.state.calls[i];
    const float y = top + static_cast<float>(i - 1) * row_h;
    if (i > 1)
      p.draw_list()->AddLine(ImVec2(min.x + pad, y), ImVec2(max.x - pad, y), kit::u32(colours.tile), 0.05f * em);
    if (is_highlighted(call, view.now, view.timings))
      p.draw_list()->AddRectFilled(ImVec2(min.x + 0.2f * em, y + 0.1f * em),
                                   ImVec2(max.x - 0.2f * em, y + row_h - 0.1f * em), kit::u32(colours.tile),
                                   0.25f * em);
    const float label_w = p.width(call.event.ticket, ui::FontRole::large, label_scale);
    p.text(call.event.ticket, ui::FontRole::large, call.event.recall ? colours.selected : colours.text,
           ImVec2(min.x + pad, y), ImVec2(min.x + pad + label_w, y + row_h), kit::Align::left, label_scale);
    // The counter on one line at the right, as large as the label allows: the
    // leading language, and the other one smaller before it.
    const Bilingual where = p.tr("display.counter", {std::to_string(call.event.counter)});
    const float right_w = inner_w - label_w - em;
    const float other_scale = std::min(0.75f, 0.9f * row_h / p.line(ui::FontRole::body));
    const float other_w = p.width(where.other, ui::FontRole::body, other_scale);
    const float lead_scale =
        p.fit(where.lead, ui::FontRole::large, right_w - other_w - 0.5f * em, 0.8f * label_scale, 0.3f);
    const float lead_w = p.width(where.lead, ui::FontRole::large, lead_scale);
    p.text(where.lead, ui::FontRole::large, colours.text, ImVec2(max.x - pad - lead_w, y),
           ImVec2(max.x - pad, y + row_h), kit::Align::left, lead_scale);
    const float other_right = max.x - pad - lead_w - 0.5f * em;
    p.text(where.other, ui::FontRole::body, colours.text_muted, ImVec2(other_right - other_w, y),
           ImVec2(other_right, y + row_h), kit::Align::left, other_scale);
  }
}

}  // namespace kiosk::display
