// The customer's text keyboard (kit/text_keys.h with the kiosk's words, keys
// as TextKey: the request form's text steps and Help's search) and the
// tappable text field that shows what is typed with the pinyin being composed
// after it.
#include "customer/screens/customer_kit.h"
#include "kit/text_keys.h"

namespace kiosk::customer::kit {

void draw_text_keyboard(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, KeyLayout keys, bool code_field,
                        float width, float height) {
  const TextKeysLayout layout{keys == KeyLayout::Pinyin, code_field, view.state.ime.available};
  const TextKeysWords words{view.tr("keys.type_here"), view.tr("keys.letters"), view.tr("keys.pinyin"),
                            view.tr("keys.space"), view.tr("keys.delete")};
  const TextKeysEvents events{[&](char key) { emit(TextKey{key}); }, [&](int index) { emit(PickCandidate{index}); },
                              [&](int delta) { emit(TurnCandidatePage{delta}); }, [&] { emit(SwitchLayout{}); }};
  text_keys(ui, view.state.ime, layout, words, width, height, events);
}

bool text_box(ui::TouchUi& ui, const CustomerView& view, std::string_view id, const std::string& text,
              std::string_view hint, ImVec2 size, bool focused) {
  const float em = ui.em();
  const Palette& p = palette();
  const Tile t = tile(ui, id, ImVec2(size.x / em, size.y / em), Tone::normal);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(t.min, t.max, u32(p.surface), 0.25f * em);
  draw->AddRect(t.min, t.max, u32(focused ? p.primary : p.tile), 0.25f * em, 0, 0.12f * em);
  const std::string preedit = focused ? view.state.ime.preedit : std::string();
  const ImVec2 inner_min(t.min.x + 0.6f * em, t.min.y + 0.2f * em), inner_max(t.max.x - 0.6f * em, t.max.y - 0.2f * em);
  if (text.empty() && preedit.empty()) {
    text_in_rect(ui, draw, hint, ui::FontRole::body, u32(p.text_disabled), inner_min, inner_max, Align::left);
  } else {
    // The end of the text (what was typed last) with the composition after it, in as many lines as fit.
    ImFont* font = ui.font(ui::FontRole::body);
    const std::string shown = text + (focused ? "▏" : "");
    ui.note_text(shown + preedit);
    std::vector<std::string_view> lines = wrap_lines(font, font->FontSize, shown, inner_max.x - inner_min.x);
    const std::size_t fit =
        std::max<std::size_t>(1, static_cast<std::size_t>((inner_max.y - inner_min.y) / font->FontSize));
    if (lines.size() > fit) lines.erase(lines.begin(), lines.end() - static_cast<long>(fit));
    float y = inner_min.y + (inner_max.y - inner_min.y - static_cast<float>(lines.size()) * font->FontSize) / 2;
    for (std::size_t i = 0; i < lines.size(); ++i, y += font->FontSize) {
      draw->AddText(font, font->FontSize, ImVec2(inner_min.x, y), u32(p.text), lines[i].data(),
                    lines[i].data() + lines[i].size());
      if (i + 1 == lines.size() && !preedit.empty()) {
        const float after = inner_min.x + text_width(font, font->FontSize, lines[i]) + 0.2f * em;
        draw->AddText(font, font->FontSize, ImVec2(after, y), u32(p.selected), preedit.c_str());
        draw->AddLine(ImVec2(after, y + font->FontSize),
                      ImVec2(after + text_width(font, font->FontSize, preedit), y + font->FontSize), u32(p.selected),
                      0.06f * em);
      }
    }
  }
  return t.clicked;
}

void draw_text_field(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, TextTarget target,
                     const std::string& text, std::string_view hint, ImVec2 size, bool focused) {
  static const char* const kIds[] = {"field.description", "field.name", "field.address", "field.model", "field.serial"};
  if (text_box(ui, view, kIds[static_cast<int>(target)], text, hint, size, focused)) emit(FocusText{target});
}

}  // namespace kiosk::customer::kit
