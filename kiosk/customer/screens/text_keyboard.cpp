// The on-screen text keyboard of the request form: the pinyin candidate bar
// (large buttons, paged to the width), a row of digits, three rows of letters
// and a bottom row (layout switch, comma, space, full stop, delete); and the tappable text
// field that shows what is typed with the pinyin being composed after it.
// Keys emit TextKey; the reducer sends them to the IME or into the field.
#include "customer/screens/screen_kit.h"

namespace kiosk::customer::kit {
namespace {

const char* const kKeyRows[] = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};

// The first candidate of each page: as many buttons as fit `width`, greedily.
std::vector<std::size_t> page_starts(ui::TouchUi& ui, const std::vector<CandidateView>& candidates, float width,
                                     float min_w) {
  std::vector<std::size_t> starts{0};
  float used = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const float w = std::max(min_w, text_width(ui, candidates[i].text, ui::FontRole::large) + 1.2f * ui.em());
    if (used > 0 && used + w > width) {
      starts.push_back(i);
      used = 0;
    }
    used += w + 0.3f * ui.em();
  }
  return starts;
}

void candidate_bar(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width, float height_em) {
  const float em = ui.em();
  const ImeView& ime = view.state.ime;
  const Palette& p = palette();
  const float x = ImGui::GetCursorPosX();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height_em * em), u32(p.surface), 0.2f * em);
  if (ime.preedit.empty()) {
    text_in_rect(ui, draw, view.tr("keys.type_here"), ui::FontRole::body, u32(p.text_disabled),
                 ImVec2(at.x + 0.6f * em, at.y), ImVec2(at.x + width, at.y + height_em * em), Align::left);
    ImGui::Dummy(ImVec2(width, height_em * em));
    return;
  }
  // The syllables on the left, then the page of candidates, then the page buttons.
  const float preedit_w = std::min(width * 0.3f, text_width(ui, ime.preedit, ui::FontRole::body) + 1.2f * em);
  text_in_rect(ui, draw, ime.preedit, ui::FontRole::body, u32(p.selected), ImVec2(at.x + 0.6f * em, at.y),
               ImVec2(at.x + preedit_w, at.y + height_em * em), Align::left);
  const float paging_w = 2 * 3.2f * em + 0.6f * em;
  const float bar_w = width - preedit_w - paging_w;
  const std::vector<std::size_t> starts = page_starts(ui, ime.candidates, bar_w, 2.6f * em);
  const std::size_t page = std::min<std::size_t>(static_cast<std::size_t>(ime.page), starts.size() - 1);
  const std::size_t end = page + 1 < starts.size() ? starts[page + 1] : ime.candidates.size();
  ImGui::SetCursorPosX(x + preedit_w);
  for (std::size_t i = starts[page]; i < end; ++i) {
    const CandidateView& c = ime.candidates[i];
    const float w = std::max(2.6f * em, text_width(ui, c.text, ui::FontRole::large) + 1.2f * em);
    if (button(ui, "cand." + std::to_string(i), c.text, ImVec2(w / em, height_em), i == 0 ? Tone::primary : Tone::normal))
      emit(PickCandidate{c.index});
    ImGui::SameLine(0, 0.3f * em);
  }
  ImGui::SetCursorPosX(x + width - paging_w + 0.6f * em);
  if (button(ui, "cand.less", "◀", ImVec2(3.2f, height_em), page > 0 ? Tone::normal : Tone::disabled) && page > 0)
    emit(TurnCandidatePage{-1});
  ImGui::SameLine(0, 0);
  const bool more = page + 1 < starts.size();
  if (button(ui, "cand.more", "▶", ImVec2(3.2f, height_em), more ? Tone::normal : Tone::disabled) && more)
    emit(TurnCandidatePage{+1});
}

}  // namespace

void key_rows(ui::TouchUi& ui, const std::vector<std::string>& rows, const std::string& id_prefix, float width,
              float key_h_em, const std::function<void(char)>& on_key) {
  const float em = ui.em(), gap_px = 0.2f * em;
  std::size_t widest = 1;
  for (const std::string& row : rows) widest = std::max(widest, row.size());
  const float key_w = cell_width(ui, width, static_cast<int>(widest), gap_px / em);
  const ImVec2 origin = ImGui::GetCursorPos();
  float y = origin.y;
  for (const std::string& row : rows) {
    // Shorter rows are centred, as on a keyboard.
    float x = origin.x + (width - static_cast<float>(row.size()) * (key_w + gap_px) + gap_px) / 2;
    for (char key : row) {
      ImGui::SetCursorPos(ImVec2(x, y));
      if (button(ui, id_prefix + key, std::string(1, key), ImVec2(key_w / em, key_h_em), Tone::normal)) on_key(key);
      x += key_w + gap_px;
    }
    y += key_h_em * em + gap_px;
  }
  ImGui::SetCursorPos(ImVec2(origin.x, y));
}

void draw_text_keyboard(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width, float height) {
  const float em = ui.em(), gap_px = 0.2f * em;
  const bool pinyin = view.state.request.layout == KeyLayout::Pinyin;
  const float key_h = std::clamp((height - 6 * gap_px) / 6 / em, 1.0f, 3.0f);  // fits the height: 1.8 em and more at 1280x800
  const ImVec2 origin = ImGui::GetCursorPos();
  if (pinyin) candidate_bar(ui, view, emit, width, key_h);
  ImGui::SetCursorPos(ImVec2(origin.x, origin.y + key_h * em + gap_px));
  key_rows(ui, {kKeyRows[0], kKeyRows[1], kKeyRows[2], kKeyRows[3]}, "kb.", width, key_h,
           [&](char key) { emit(TextKey{key}); });
  // Bottom row: layout, comma, space, full stop, delete (10 units and 4 gaps wide);
  // for a model or serial number '-' and '/' instead of the comma and full stop.
  const float unit = (width - 4 * gap_px) / 10;
  float x = origin.x;
  const float y = ImGui::GetCursorPosY();
  auto key = [&](const char* id, const std::string& label, float units, Tone tone, const Action& action) {
    ImGui::SetCursorPos(ImVec2(x, y));
    const float w = units * unit;
    if (button(ui, id, label, ImVec2(w / em, key_h), tone, ui::FontRole::body)) emit(action);
    x += w + gap_px;
  };
  const bool can_switch = view.state.ime.available;
  key("kb.layout", view.tr(pinyin ? "keys.letters" : "keys.pinyin"), 2, can_switch ? Tone::normal : Tone::disabled,
      SwitchLayout{});
  const bool code = is_code_field(view.state.request.target);
  if (code) key("kb.dash", "-", 1, Tone::normal, TextKey{'-'});
  else key("kb.comma", pinyin ? "，" : ",", 1, Tone::normal, TextKey{','});
  key("kb.space", view.tr("keys.space"), 4, Tone::normal, TextKey{' '});
  if (code) key("kb.slash", "/", 1, Tone::normal, TextKey{'/'});
  else key("kb.period", pinyin ? "。" : ".", 1, Tone::normal, TextKey{'.'});
  key("kb.del", view.tr("keys.delete"), 2, Tone::normal, TextKey{'<'});
  ImGui::SetCursorPos(ImVec2(origin.x, y + key_h * em + gap_px));
}

void draw_text_field(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, TextTarget target,
                     const std::string& text, std::string_view hint, ImVec2 size, bool focused) {
  const float em = ui.em();
  const Palette& p = palette();
  static const char* const kIds[] = {"field.description", "field.name", "field.address", "field.model", "field.serial"};
  const Tile t = tile(ui, kIds[static_cast<int>(target)], ImVec2(size.x / em, size.y / em), Tone::normal);
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
    const std::size_t fit = std::max<std::size_t>(1, static_cast<std::size_t>((inner_max.y - inner_min.y) / font->FontSize));
    if (lines.size() > fit) lines.erase(lines.begin(), lines.end() - static_cast<long>(fit));
    float y = inner_min.y + (inner_max.y - inner_min.y - static_cast<float>(lines.size()) * font->FontSize) / 2;
    for (std::size_t i = 0; i < lines.size(); ++i, y += font->FontSize) {
      draw->AddText(font, font->FontSize, ImVec2(inner_min.x, y), u32(p.text), lines[i].data(), lines[i].data() + lines[i].size());
      if (i + 1 == lines.size() && !preedit.empty()) {
        const float after = inner_min.x + text_width(font, font->FontSize, lines[i]) + 0.2f * em;
        draw->AddText(font, font->FontSize, ImVec2(after, y), u32(p.selected), preedit.c_str());
        draw->AddLine(ImVec2(after, y + font->FontSize), ImVec2(after + text_width(font, font->FontSize, preedit), y + font->FontSize),
                      u32(p.selected), 0.06f * em);
      }
    }
  }
  if (t.clicked) emit(FocusText{target});
}

}  // namespace kiosk::customer::kit
