// The request form's text fields, typing row and on-screen keys (request_fields.h).
#include "counter/screens/request_fields.h"

#include "core/phone.h"
#include "counter/request_typing.h"
#include "kit/text_keys.h"

namespace kiosk::counter::screens {
namespace {

const char* const kFieldIds[kRequestFields] = {"req.model", "req.serial", "req.description",
                                               "req.name",  "req.phone",  "req.address"};
const char* const kFieldKeys[kRequestFields] = {"counter.request.model",       "counter.request.serial",
                                                "counter.request.description", "counter.request.name",
                                                "counter.request.phone",       "counter.request.address"};

TextKeysEvents key_events(const Emit& emit) {
  return {[emit](char key) { emit(RequestTyped{key == '<' ? std::string("\b") : std::string(1, key)}); },
          [emit](int index) { emit(PickRequestCandidate{index}); },
          [emit](int delta) { emit(TurnRequestCandidatePage{delta}); }, [emit] { emit(SwitchRequestLayout{}); }};
}

}  // namespace

const char* field_label_key(RequestField field) { return kFieldKeys[int(field)]; }

void text_field(ui::TouchUi& ui, const CounterView& view, const Emit& emit, RequestField field, float width,
                float height_em) {
  const float em = ui.em();
  const Palette& p = palette();
  const CounterState& s = view.state;
  const bool focused = s.request.focus == field;
  const std::string& value = field_text(s.request.form, field);
  paragraph(ui, view.tr(kFieldKeys[int(field)]), ui::FontRole::body, p.text_muted, Align::left, width);
  const Tile t = tile(ui, kFieldIds[int(field)], ImVec2(width / em, height_em), Tone::normal);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(t.min, t.max, u32(p.surface), 0.25f * em);
  draw->AddRect(t.min, t.max, u32(focused ? p.primary : p.tile), 0.25f * em, 0, 0.12f * em);
  const std::string shown = field == RequestField::Phone && !focused && !value.empty() ? mask_phone(value) : value;
  const std::string preedit = focused ? s.ime.preedit : std::string();
  const ImVec2 min(t.min.x + 0.5f * em, t.min.y), max(t.max.x - 0.5f * em, t.max.y);
  if (preedit.empty()) {
    text_in_rect(ui, draw, shown + (focused ? "▏" : ""), ui::FontRole::body, u32(p.text), min, max, Align::left);
  } else {  // the text, then the pinyin being composed, underlined
    ImFont* font = ui.font(ui::FontRole::body);
    ui.note_text(shown + preedit);
    const float text_w = std::min(text_width(font, font->FontSize, shown), (max.x - min.x) * 0.6f);
    text_in_rect(ui, draw, shown, ui::FontRole::body, u32(p.text), min, ImVec2(min.x + text_w + 0.1f * em, max.y),
                 Align::left);
    const float x = min.x + text_w + 0.2f * em, y = (min.y + max.y - font->FontSize) / 2;
    draw->AddText(font, font->FontSize, ImVec2(x, y), u32(p.selected), preedit.c_str());
    draw->AddLine(ImVec2(x, y + font->FontSize),
                  ImVec2(x + text_width(font, font->FontSize, preedit), y + font->FontSize), u32(p.selected),
                  0.06f * em);
  }
  if (t.clicked) emit(FocusRequestField{field});
}

void typing_row(ui::TouchUi& ui, const CounterView& view, const Emit& emit, float width) {
  const float em = ui.em();
  const CounterState& s = view.state;
  const float button_w = 7.0f * em;
  const bool chinese_field = s.request.focus == RequestField::Name || s.request.focus == RequestField::Description ||
                             s.request.focus == RequestField::Address;
  const float bar_w = width - 2 * (button_w + 0.4f * em);
  const ImVec2 at = ImGui::GetCursorPos();
  if (!s.screen_keys && typing_pinyin(s))
    candidate_bar(ui, s.ime, view.tr("counter.request.pinyin_hint"), bar_w, kTypingRowEm, key_events(emit),
                  /*numbered=*/true);
  ImGui::SetCursorPos(ImVec2(at.x + bar_w + 0.4f * em, at.y));
  if (!s.screen_keys && chinese_field && s.ime.available &&
      button(ui, "req.layout", view.tr(s.typing_pinyin ? "keys.letters" : "keys.pinyin"),
             ImVec2(button_w / em, kTypingRowEm), Tone::normal, ui::FontRole::body))
    emit(SwitchRequestLayout{});
  ImGui::SetCursorPos(ImVec2(at.x + width - button_w, at.y));
  if (button(ui, "req.keys", view.tr(s.screen_keys ? "counter.request.keys_off" : "counter.request.keys_on"),
             ImVec2(button_w / em, kTypingRowEm), s.screen_keys ? Tone::selected : Tone::normal, ui::FontRole::body))
    emit(ToggleScreenKeys{});
}

void screen_keys_panel(ui::TouchUi& ui, const CounterView& view, const Emit& emit, float width, float height) {
  const CounterState& s = view.state;
  const ImVec2 top = ImGui::GetCursorPos();
  text_field(ui, view, emit, s.request.focus, width, 2.4f);
  gap(ui, 0.3f);
  const bool code = s.request.focus == RequestField::Model || s.request.focus == RequestField::Serial;
  const TextKeysLayout layout{typing_pinyin(s), code, s.ime.available};
  const TextKeysWords words{view.tr("counter.request.pinyin_hint"), view.tr("keys.letters"), view.tr("keys.pinyin"),
                            view.tr("keys.space"), view.tr("keys.delete")};
  text_keys(ui, s.ime, layout, words, width, top.y + height - ImGui::GetCursorPosY(), key_events(emit));
}

}  // namespace kiosk::counter::screens
