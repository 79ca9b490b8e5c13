// The shared screen kit: palette and style, layout in font units, wrapped
// text through the coverage check, tones on TouchUi::big_button, entry boxes.
#include "kit/touch_kit.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/text.h"
#include "kit/shapes.h"

namespace kiosk::kit {

// [SECTION] Palette and style

const Palette& palette() {
  static const Palette colours;
  return colours;
}

ScreenStyle::ScreenStyle(float em) {
  const Palette& p = palette();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, p.background);
  ImGui::PushStyleColor(ImGuiCol_Text, p.text);
  ImGui::PushStyleColor(ImGuiCol_Button, p.tile);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.tile_pressed);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.8f * em, 0.6f * em));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.5f * em, 0.5f * em));
}

ScreenStyle::~ScreenStyle() {
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(4);
}

// [SECTION] Layout

float avail_x() { return ImGui::GetContentRegionAvail().x; }
float avail_y() { return ImGui::GetContentRegionAvail().y; }

bool wide_layout(const ui::TouchUi& ui) { return avail_x() >= 28 * ui.em(); }

int columns_for(const ui::TouchUi& ui, float width_px, float min_em, float gap_em, int count, int max_columns) {
  if (count <= 0) return 1;
  const float em = ui.em();
  int columns = static_cast<int>((width_px + gap_em * em) / ((min_em + gap_em) * em));
  columns = std::clamp(columns, 1, std::max(1, std::min(max_columns, count)));
  const int rows = (count + columns - 1) / columns;
  return (count + rows - 1) / rows;  // balanced: 8 in at most 5 columns is 4 + 4, not 5 + 3
}

float cell_width(const ui::TouchUi& ui, float width_px, int columns, float gap_em) {
  return (width_px - static_cast<float>(columns - 1) * gap_em * ui.em()) / static_cast<float>(columns);
}

void gap(const ui::TouchUi& ui, float em) { ImGui::Dummy(ImVec2(0, em * ui.em())); }

// [SECTION] Text

namespace {

bool is_wide_character(char32_t c) { return c >= 0x2E80; }

// Characters a line must not start with (Chinese line-breaking rules, simplified).
bool is_closing_punctuation(char32_t c) {
  switch (c) {
    case 0x3001:
    case 0x3002:
    case 0xFF0C:
    case 0xFF0E:
    case 0xFF1A:
    case 0xFF1B:
    case 0xFF01:
    case 0xFF1F:
    case 0xFF09:
    case 0x300B:
    case 0x300D:
    case 0x201D:
    case 0x2019:
    case 0x2026:
    case 0x00B7:
    case ')':
    case ',':
    case '.':
    case ':':
    case ';':
    case '!':
    case '?':
      return true;
    default:
      return false;
  }
}

}  // namespace

float text_width(ImFont* font, float size, std::string_view text) {
  if (text.empty()) return 0;
  return font->CalcTextSizeA(size, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
}

std::vector<std::string_view> wrap_lines(ImFont* font, float size, std::string_view text, float width_px) {
  std::vector<std::string_view> lines;
  std::size_t line_start = 0;
  std::size_t break_end = std::string_view::npos;  // the line may end here...
  std::size_t break_next = 0;                      // ...and the next start here
  float width = 0;
  const float scale = size / font->FontSize;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = 0;
    const std::size_t length = utf8_decode_at(text, pos, c);
    if (c == '\n') {
      lines.push_back(text.substr(line_start, pos - line_start));
      line_start = pos + length;
      break_end = std::string_view::npos;
      width = 0;
      pos += length;
      continue;
    }
    if (pos == line_start && c == ' ') {  // no spaces at the start of a wrapped line
      line_start = pos + length;
      pos += length;
      continue;
    }
    if (c == ' ') {
      break_end = pos;
      break_next = pos + length;
    } else if (is_wide_character(c) && !is_closing_punctuation(c) && pos > line_start) {
      break_end = pos;
      break_next = pos;
    }
    const float advance = font->GetCharAdvance(static_cast<ImWchar>(c <= 0xFFFF ? c : '?')) * scale;
    if (width + advance > width_px + 1.0f && pos > line_start && c != ' ') {  // 1 px: rounding
      if (break_end != std::string_view::npos && break_end > line_start) {
        lines.push_back(text.substr(line_start, break_end - line_start));
        line_start = break_next;
      } else {
        lines.push_back(text.substr(line_start, pos - line_start));
        line_start = pos;
      }
      while (line_start < text.size() && text[line_start] == ' ') ++line_start;
      break_end = std::string_view::npos;
      width = line_start <= pos ? text_width(font, size, text.substr(line_start, pos - line_start)) : 0;
    }
    width += advance;
    pos += length;
  }
  if (line_start < text.size()) lines.push_back(text.substr(line_start));
  return lines;
}

float line_height(const ui::TouchUi& ui, ui::FontRole role, float scale) {
  return ui.font(role)->FontSize * scale * 1.2f;
}

float wrapped_height(ui::TouchUi& ui, std::string_view text, ui::FontRole role, float width_px, float scale) {
  ImFont* font = ui.font(role);
  return static_cast<float>(wrap_lines(font, font->FontSize * scale, text, width_px).size()) *
         line_height(ui, role, scale);
}

ui::FontRole fitting_role(ui::TouchUi& ui, std::string_view text, float width_px, int max_lines,
                          ui::FontRole preferred) {
  ImFont* font = ui.font(preferred);
  std::size_t start = 0;
  while (start <= text.size()) {  // every space-separated word must fit on its own
    const std::size_t end = std::min(text.find(' ', start), text.size());
    const std::string_view word = text.substr(start, end - start);
    const bool chinese =
        std::any_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xE0; });
    if (!chinese && text_width(font, font->FontSize, text.substr(start, end - start)) > width_px)
      return ui::FontRole::body;
    start = end + 1;
  }
  if (static_cast<int>(wrap_lines(font, font->FontSize, text, width_px).size()) > max_lines) return ui::FontRole::body;
  return preferred;
}

float text_width(ui::TouchUi& ui, std::string_view text, ui::FontRole role, float scale) {
  ImFont* font = ui.font(role);
  return text_width(font, font->FontSize * scale, text);
}

namespace {

void draw_lines(ui::TouchUi& ui, ImDrawList* draw, const std::vector<std::string_view>& lines, ui::FontRole role,
                ImU32 colour, ImVec2 top_left, float width, Align align, float scale = 1.0f) {
  ImFont* font = ui.font(role);
  const float size = font->FontSize * scale;
  const float step = line_height(ui, role, scale);
  const float lead = (step - size) / 2;
  float y = top_left.y;
  for (std::string_view line : lines) {
    const float x =
        align == Align::centre ? top_left.x + std::max(0.0f, (width - text_width(font, size, line)) / 2) : top_left.x;
    draw->AddText(font, size, ImVec2(std::floor(x), std::floor(y + lead)), colour, line.data(),
                  line.data() + line.size());
    y += step;
  }
}

}  // namespace

void paragraph(ui::TouchUi& ui, std::string_view text, ui::FontRole role, const ImVec4& colour, Align align,
               float width_px) {
  ui.note_text(text, role);
  const float width = width_px > 0 ? width_px : avail_x();
  ImFont* font = ui.font(role);
  const std::vector<std::string_view> lines = wrap_lines(font, font->FontSize, text, width);
  const ImVec2 top_left = ImGui::GetCursorScreenPos();
  draw_lines(ui, ImGui::GetWindowDrawList(), lines, role, u32(colour), top_left, width, align);
  ImGui::Dummy(ImVec2(width, static_cast<float>(lines.size()) * line_height(ui, role)));
}

float text_in_rect(ui::TouchUi& ui, ImDrawList* draw, std::string_view text, ui::FontRole role, ImU32 colour,
                   ImVec2 min, ImVec2 max, Align align, float scale) {
  ui.note_text(text, role);
  ImFont* font = ui.font(role);
  const float width = max.x - min.x;
  const std::vector<std::string_view> lines = wrap_lines(font, font->FontSize * scale, text, width);
  const float height = static_cast<float>(lines.size()) * line_height(ui, role, scale);
  draw->PushClipRect(min, max, true);
  draw_lines(ui, draw, lines, role, colour, ImVec2(min.x, min.y + (max.y - min.y - height) / 2), width, align, scale);
  draw->PopClipRect();
  return height;
}

// [SECTION] Buttons

namespace {

struct ToneColours {
  ImVec4 fill;
  ImVec4 pressed;
  ImVec4 text;
};

ToneColours colours_of(Tone tone) {
  const Palette& p = palette();
  switch (tone) {
    case Tone::primary:
      return {p.primary, p.primary_pressed, p.text};
    case Tone::selected:
      return {p.selected, p.selected_pressed, p.text_on_selected};
    case Tone::disabled:
      return {p.disabled, p.disabled, p.text_disabled};
    case Tone::danger:
      return {p.danger, p.danger, p.text};
    case Tone::normal:
      break;
  }
  return {p.tile, p.tile_pressed, p.text};
}

}  // namespace

bool button(ui::TouchUi& ui, std::string_view id, std::string_view label, ImVec2 size_em, Tone tone,
            ui::FontRole role) {
  const ToneColours c = colours_of(tone);
  ImGui::PushStyleColor(ImGuiCol_Button, c.fill);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, c.pressed);
  ImGui::PushStyleColor(ImGuiCol_Text, c.text);
  const bool clicked = ui.big_button(id, label, size_em, role);
  ImGui::PopStyleColor(3);
  return clicked;
}

Tile tile(ui::TouchUi& ui, std::string_view id, ImVec2 size_em, Tone tone) {
  Tile t;
  t.clicked = button(ui, id, "", size_em, tone);
  t.min = ImGui::GetItemRectMin();
  t.max = ImGui::GetItemRectMax();
  return t;
}

bool toggle(ui::TouchUi& ui, std::string_view id, std::string_view label, bool on, ImVec2 size_em, ui::FontRole role) {
  const Palette& p = palette();
  const Tile t = tile(ui, id, size_em, on ? Tone::selected : Tone::normal);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float em = ui.em();
  const float box = 1.1f * em;
  const ImVec2 box_min(t.min.x + 0.55f * em, (t.min.y + t.max.y - box) / 2);
  const ImVec2 box_max(box_min.x + box, box_min.y + box);
  if (on) {
    draw->AddRectFilled(box_min, box_max, u32(p.text_on_selected), 0.2f * em);
    draw_check(draw, ImVec2((box_min.x + box_max.x) / 2, (box_min.y + box_max.y) / 2), 0.8f * box, u32(p.selected),
               0.16f * em);
  } else {
    draw->AddRect(box_min, box_max, u32(p.text), 0.2f * em, 0, 0.12f * em);
  }
  text_in_rect(ui, draw, label, role, u32(on ? p.text_on_selected : p.text), ImVec2(box_max.x + 0.45f * em, t.min.y),
               ImVec2(t.max.x - 0.3f * em, t.max.y), Align::left);
  return t.clicked;
}

void banner(ui::TouchUi& ui, std::string_view text, const ImVec4& fill, ui::FontRole role, float width_px) {
  const float em = ui.em();
  const float width = width_px > 0 ? width_px : avail_x();
  const float pad = 0.6f * em;
  const float height = wrapped_height(ui, text, role, width - 2 * pad) + 2 * pad;
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + width, min.y + height);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, u32(fill), 0.25f * em);
  text_in_rect(ui, draw, text, role, u32(palette().text), ImVec2(min.x + pad, min.y), ImVec2(max.x - pad, max.y),
               Align::centre);
  ImGui::Dummy(ImVec2(width, height));
}

void entry_box(ui::TouchUi& ui, std::string_view typed, std::string_view hint, float width, const ImVec4& frame) {
  const float em = ui.em();
  const Palette& p = palette();
  const float height = 3.2f * em;
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + width, min.y + height);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, u32(p.surface), 0.25f * em);
  draw->AddRect(min, max, u32(frame), 0.25f * em, 0, 0.12f * em);
  const ImVec2 inner_min(min.x + 0.8f * em, min.y), inner_max(max.x - 0.8f * em, max.y);
  if (typed.empty())
    text_in_rect(ui, draw, hint, ui::FontRole::body, u32(p.text_disabled), inner_min, inner_max, Align::centre);
  else
    text_in_rect(ui, draw, typed, ui::FontRole::large, u32(p.text), inner_min, inner_max, Align::centre);
  ImGui::Dummy(ImVec2(width, height));
}

}  // namespace kiosk::kit
