// The on-screen text keys (text_keys.h).
#include "kit/text_keys.h"

#include <algorithm>

#include "kit/touch_kit.h"

namespace kiosk::kit {
namespace {

const char* const kKeyRows[] = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};

// A candidate's button text: its digit first where that digit picks it.
std::string candidate_label(const app::CandidateView& c, bool numbered) {
  if (!numbered || c.index >= app::kImeSelectKeys) return c.text;
  return std::to_string(c.index + 1) + " " + c.text;
}

// The first candidate of each page: as many buttons as fit `width`, greedily.
std::vector<std::size_t> page_starts(ui::TouchUi& ui, const std::vector<app::CandidateView>& candidates, bool numbered,
                                     float width, float min_w) {
  std::vector<std::size_t> starts{0};
  float used = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const float w =
        std::max(min_w, text_width(ui, candidate_label(candidates[i], numbered), ui::FontRole::large) + 1.2f * ui.em());
    if (used > 0 && used + w > width) {
      starts.push_back(i);
      used = 0;
    }
    used += w + 0.3f * ui.em();
  }
  return starts;
}

}  // namespace

void candidate_bar(ui::TouchUi& ui, const app::ImeView& ime, std::string_view type_here, float width, float height_em,
                   const TextKeysEvents& events, bool numbered) {
  const float em = ui.em();
  const Palette& p = palette();
  const float x = ImGui::GetCursorPosX();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height_em * em), u32(p.surface), 0.2f * em);
  if (ime.preedit.empty()) {
    text_in_rect(ui, draw, type_here, ui::FontRole::body, u32(p.text_disabled), ImVec2(at.x + 0.6f * em, at.y),
                 ImVec2(at.x + width, at.y + height_em * em), Align::left);
    ImGui::Dummy(ImVec2(width, height_em * em));
    return;
  }
  // The syllables on the left, then the page of candidates, then the page buttons.
  const float preedit_w = std::min(width * 0.3f, text_width(ui, ime.preedit, ui::FontRole::body) + 1.2f * em);
  text_in_rect(ui, draw, ime.preedit, ui::FontRole::body, u32(p.selected), ImVec2(at.x + 0.6f * em, at.y),
               ImVec2(at.x + preedit_w, at.y + height_em * em), Align::left);
  const float paging_w = 2 * 3.2f * em + 0.6f * em;
  const float bar_w = width - preedit_w - paging_w;
  const std::vector<std::size_t> starts = page_starts(ui, ime.candidates, numbered, bar_w, 2.6f * em);
  const std::size_t page = std::min<std::size_t>(static_cast<std::size_t>(ime.page), starts.size() - 1);
  const std::size_t end = page + 1 < starts.size() ? starts[page + 1] : ime.candidates.size();
  ImGui::SetCursorPosX(x + preedit_w);
  for (std::size_t i = starts[page]; i < end; ++i) {
    const app::CandidateView& c = ime.candidates[i];
    const std::string label = candidate_label(c, numbered);
    const float w = std::max(2.6f * em, text_width(ui, label, ui::FontRole::large) + 1.2f * em);
    if (button(ui, "cand." + std::to_string(i), label, ImVec2(w / em, height_em),
               i == 0 ? Tone::primary : Tone::normal))
      events.pick(c.index);
    ImGui::SameLine(0, 0.3f * em);
  }
  ImGui::SetCursorPosX(x + width - paging_w + 0.6f * em);
  if (button(ui, "cand.less", "◀", ImVec2(3.2f, height_em), page > 0 ? Tone::normal : Tone::disabled) && page > 0)
    events.turn_page(-1);
  ImGui::SameLine(0, 0);
  const bool more = page + 1 < starts.size();
  if (button(ui, "cand.more", "▶", ImVec2(3.2f, height_em), more ? Tone::normal : Tone::disabled) && more)
    events.turn_page(+1);
}

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

void text_keys(ui::TouchUi& ui, const app::ImeView& ime, const TextKeysLayout& layout, const TextKeysWords& words,
               float width, float height, const TextKeysEvents& events) {
  const float em = ui.em(), gap_px = 0.2f * em;
  const bool pinyin = layout.pinyin;
  const float key_h =
      std::clamp((height - 6 * gap_px) / 6 / em, 1.0f, 3.0f);  // fits the height: 1.8 em and more at 1280x800
  const ImVec2 origin = ImGui::GetCursorPos();
  if (pinyin) candidate_bar(ui, ime, words.type_here, width, key_h, events);
  ImGui::SetCursorPos(ImVec2(origin.x, origin.y + key_h * em + gap_px));
  key_rows(ui, {kKeyRows[0], kKeyRows[1], kKeyRows[2], kKeyRows[3]}, "kb.", width, key_h, events.key);
  // Bottom row: layout, comma, space, full stop, delete (10 units and 4 gaps wide);
  // for a model or serial number '-' and '/' instead of the comma and full stop.
  const float unit = (width - 4 * gap_px) / 10;
  float x = origin.x;
  const float y = ImGui::GetCursorPosY();
  auto key = [&](const char* id, std::string_view label, float units, Tone tone) {
    ImGui::SetCursorPos(ImVec2(x, y));
    const float w = units * unit;
    const bool tapped = button(ui, id, label, ImVec2(w / em, key_h), tone, ui::FontRole::body);
    x += w + gap_px;
    return tapped;
  };
  if (key("kb.layout", pinyin ? words.letters : words.pinyin, 2, layout.can_switch ? Tone::normal : Tone::disabled) &&
      layout.can_switch)
    events.switch_layout();
  const bool code = layout.code_field;
  if (code ? key("kb.dash", "-", 1, Tone::normal) : key("kb.comma", pinyin ? "，" : ",", 1, Tone::normal))
    events.key(code ? '-' : ',');
  if (key("kb.space", words.space, 4, Tone::normal)) events.key(' ');
  if (code ? key("kb.slash", "/", 1, Tone::normal) : key("kb.period", pinyin ? "。" : ".", 1, Tone::normal))
    events.key(code ? '/' : '.');
  if (key("kb.del", words.del, 2, Tone::normal)) events.key('<');
  ImGui::SetCursorPos(ImVec2(origin.x, y + key_h * em + gap_px));
}

}  // namespace kiosk::kit
