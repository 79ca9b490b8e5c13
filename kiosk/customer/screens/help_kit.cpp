// What Help's screens and the ticket's "while you wait" share: text clipped
// to a few lines, an article's tile, a category's name.
#include "core/text.h"
#include "customer/screens/customer_kit.h"

namespace kiosk::customer::kit {
namespace {

constexpr const char* kEllipsis = "…";
constexpr float kTilePadEm = 0.35f;
constexpr float kAnswerScale = 0.9f;

// The first line of `text` (up to a newline).
std::string_view first_line(std::string_view text) { return text.substr(0, text.find('\n')); }

}  // namespace

std::string clipped_text(ui::TouchUi& ui, std::string_view text, ui::FontRole role, float width_px, int max_lines,
                         float scale) {
  ImFont* font = ui.font(role);
  const float size = font->FontSize * scale;
  const std::vector<std::string_view> lines = wrap_lines(font, size, text, width_px);
  std::string out;
  const std::size_t kept = std::min(lines.size(), static_cast<std::size_t>(std::max(1, max_lines)));
  for (std::size_t i = 0; i < kept; ++i) {
    if (i > 0) out += '\n';
    if (i + 1 < kept || kept == lines.size()) {
      out += lines[i];
      continue;
    }
    // The last line kept, with more after it: shortened until "…" fits.
    std::string last(lines[i]);
    while (!last.empty() && text_width(font, size, last + kEllipsis) > width_px) erase_last_character(last);
    while (!last.empty() && last.back() == ' ') last.pop_back();
    out += last + kEllipsis;
  }
  return out;
}

float article_tile_height(const ui::TouchUi& ui, const ArticleTile& look) {
  return 2 * kTilePadEm * ui.em() + static_cast<float>(look.title_lines) * line_height(ui, look.title_role) +
         (look.answer_line ? line_height(ui, ui::FontRole::body, kAnswerScale) : 0.0f);
}

void article_tile(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, const std::string& id,
                  const KbArticle& article, ImVec2 size, const ArticleTile& look) {
  const float em = ui.em();
  const Palette& p = palette();
  const Tile t = tile(ui, id, ImVec2(size.x / em, size.y / em), Tone::normal);
  const KbText& text = article.text(view.state.language == Language::En);
  const float pad = 0.6f * em;
  const float inner = t.max.x - t.min.x - 2 * pad;
  const std::string title = clipped_text(ui, text.title, look.title_role, inner, look.title_lines);
  const std::string answer =
      look.answer_line ? clipped_text(ui, first_line(text.answer), ui::FontRole::body, inner, 1, kAnswerScale) : "";
  const float title_h = wrapped_height(ui, title, look.title_role, inner);
  const float answer_h = answer.empty() ? 0 : line_height(ui, ui::FontRole::body, kAnswerScale);
  const float top = (t.min.y + t.max.y - title_h - answer_h) / 2;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  text_in_rect(ui, draw, title, look.title_role, u32(p.text), ImVec2(t.min.x + pad, top),
               ImVec2(t.max.x - pad, top + title_h), Align::left);
  if (!answer.empty())
    text_in_rect(ui, draw, answer, ui::FontRole::body, u32(p.text_muted), ImVec2(t.min.x + pad, top + title_h),
                 ImVec2(t.max.x - pad, top + title_h + answer_h), Align::left, kAnswerScale);
  if (t.clicked) emit(OpenHelpArticle{article.id});
}

std::string help_category_name(const CustomerView& view, const HelpCategory& category) {
  if (category.key == kHelpGeneral) return view.tr("help.general");
  if (category.key == kHelpOther) return view.tr("help.other");
  return view.state.language == Language::Zh ? category.name_zh : category.name_en;
}

}  // namespace kiosk::customer::kit
