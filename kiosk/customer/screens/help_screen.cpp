// Help: a search field on top (tap it for the kiosk's keys: pinyin with its
// candidate bar, or letters) and under it the categories as big tiles (each
// with its count), an open category's articles as large rows, or, while
// something is typed (the composition included), the search's results, best
// first. Rows and tiles come in pages. On a wide screen the field sits in the
// top bar and the open keys take the right of the screen beside the results;
// on a tall one the field is under the bar and the keys at the bottom.
#include "customer/help_library.h"
#include "customer/help_reducer.h"
#include "customer/screens/customer_kit.h"

namespace kiosk::customer::kit {
namespace {

constexpr float kGapEm = 0.4f;
constexpr float kPagerEm = 2.6f;
constexpr float kKeysMinEm = 21.8f;  // ten keys of 2 em and their gaps: the keys' narrowest

// Which page shows, of `count` items `per_page` a page.
struct Page {
  int index = 0, count = 1;
  std::size_t first = 0, end = 0;
};
Page page_of(int wanted, std::size_t count, std::size_t per_page) {
  per_page = std::max<std::size_t>(1, per_page);
  Page p;
  p.count = static_cast<int>(std::max<std::size_t>(1, (count + per_page - 1) / per_page));
  p.index = std::clamp(wanted, 0, p.count - 1);
  p.first = static_cast<std::size_t>(p.index) * per_page;
  p.end = std::min(count, p.first + per_page);
  return p;
}

// Previous, "page 2 of 5", next, across `width`; in a narrow column arrows and "2 / 5".
void pager(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, const Page& page, float width) {
  const float em = ui.em();
  const bool narrow = width < 16.0f * em;
  const float button_w = std::min(8.0f * em, width * 0.3f);
  const ImVec2 at = ImGui::GetCursorPos();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const bool has_previous = page.index > 0, has_next = page.index + 1 < page.count;
  const ui::FontRole role = narrow ? ui::FontRole::large : ui::FontRole::body;
  if (button(ui, "help.page.prev", narrow ? "◀" : view.tr("help.previous"), ImVec2(button_w / em, kPagerEm),
             has_previous ? Tone::normal : Tone::disabled, role) &&
      has_previous)
    emit(ShowHelpPage{page.index - 1});
  const std::string n = std::to_string(page.index + 1), of = std::to_string(page.count);
  text_in_rect(ui, ImGui::GetWindowDrawList(), narrow ? n + " / " + of : view.tr("help.page", {n, of}),
               ui::FontRole::body, u32(palette().text_muted), ImVec2(origin.x + button_w, origin.y),
               ImVec2(origin.x + width - button_w, origin.y + kPagerEm * em), Align::centre);
  ImGui::SetCursorPos(ImVec2(at.x + width - button_w, at.y));
  if (button(ui, "help.page.next", narrow ? "▶" : view.tr("help.next"), ImVec2(button_w / em, kPagerEm),
             has_next ? Tone::normal : Tone::disabled, role) &&
      has_next)
    emit(ShowHelpPage{page.index + 1});
}

// A line of muted text, centred in `width` (loading, nothing found...).
void note(ui::TouchUi& ui, std::string_view text, float width) {
  gap(ui, 1.0f);
  paragraph(ui, text, ui::FontRole::body, palette().text_muted, Align::centre, width);
}

// Articles (indices into the library) as rows filling `width` x `height`, a page at a time.
void article_rows(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, const std::vector<std::size_t>& rows,
                  float width, float height) {
  const HelpLibrary& library = *view.state.help_library;
  const float em = ui.em();
  // Wide rows: the title large, on two lines where four such rows fit the height, else one.
  // Narrow ones: the title in body type on two lines.
  const bool roomy = width >= 20 * em;
  ArticleTile look{roomy ? ui::FontRole::large : ui::FontRole::body, 2, true};
  if (roomy && height < 4 * (article_tile_height(ui, look) + kGapEm * em)) look.title_lines = 1;
  const float row_h = article_tile_height(ui, look);
  auto fitting = [&](float room) {
    return static_cast<std::size_t>(std::max(1.0f, (room + kGapEm * em) / (row_h + kGapEm * em)));
  };
  std::size_t per_page = fitting(height);
  const bool paged = rows.size() > per_page;
  if (paged) per_page = fitting(height - kPagerEm * em - kGapEm * em);
  const Page page = page_of(view.state.help.page, rows.size(), per_page);
  const float x = ImGui::GetCursorPosX();
  const float top = ImGui::GetCursorPosY();
  for (std::size_t i = page.first; i < page.end; ++i) {
    ImGui::SetCursorPosX(x);
    const KbArticle& article = library.articles[rows[i]];
    article_tile(ui, view, emit, "help.article." + article.id, article, ImVec2(width, row_h), look);
  }
  if (!paged) return;
  ImGui::SetCursorPos(ImVec2(x, top + height - kPagerEm * em));
  pager(ui, view, emit, page, width);
}

constexpr float kTilePadEm = 0.5f;

// A category as a tile: its name in `role`, its count under it.
void category_tile(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, const HelpCategory& category,
                   ImVec2 size_em, ui::FontRole role) {
  const float em = ui.em();
  const Palette& p = palette();
  const Tile t = tile(ui, "help.category." + category.key, size_em, Tone::normal);
  const float pad = kTilePadEm * em;
  const float inner = t.max.x - t.min.x - 2 * pad;
  const std::string name = help_category_name(view, category);
  const std::size_t n = category.articles.size();
  const std::string count = n == 1 ? view.tr("help.count_one") : view.tr("help.count", {std::to_string(n)});
  const float name_h = wrapped_height(ui, name, role, inner);
  const float count_h = line_height(ui, ui::FontRole::body);
  const float top = (t.min.y + t.max.y - name_h - count_h) / 2;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  text_in_rect(ui, draw, name, role, u32(p.text), ImVec2(t.min.x + pad, top), ImVec2(t.max.x - pad, top + name_h),
               Align::centre);
  text_in_rect(ui, draw, count, ui::FontRole::body, u32(p.text_muted), ImVec2(t.min.x + pad, top + name_h),
               ImVec2(t.max.x - pad, top + name_h + count_h), Align::centre);
  if (t.clicked) emit(OpenHelpCategory{category.key});
}

// The categories as a grid of tiles in `width` x `height`, a page at a time when they do not all fit.
void category_grid(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width, float height) {
  const std::vector<HelpCategory>& categories = view.state.help_library->categories;
  const float em = ui.em();
  constexpr float kMinTileEm = 3.4f, kMaxTileEm = 6.0f;
  const int count = static_cast<int>(categories.size());
  const int columns = columns_for(ui, width, 8.0f, 0.5f, count, 4);
  auto rows_fitting = [&](float room) {
    return std::max(1, static_cast<int>((room + 0.5f * em) / ((kMinTileEm + 0.5f) * em)));
  };
  int rows = (count + columns - 1) / columns;
  const bool paged = rows > rows_fitting(height);
  const float room = paged ? height - kPagerEm * em - kGapEm * em : height;
  if (paged) rows = rows_fitting(room);
  const Page page = page_of(view.state.help.page, categories.size(), static_cast<std::size_t>(rows * columns));
  const float tile_w = cell_width(ui, width, columns, 0.5f) / em;
  const float tile_h = std::clamp((room - static_cast<float>(rows - 1) * 0.5f * em) / static_cast<float>(rows) / em,
                                  kMinTileEm, kMaxTileEm);
  // One name size for every tile: large where every name fits in two lines above its count, else body.
  const float inner = (tile_w - 2 * kTilePadEm) * em;
  ui::FontRole role = ui::FontRole::large;
  for (const HelpCategory& c : categories) {
    const std::string name = help_category_name(view, c);
    if (fitting_role(ui, name, inner, 2) != ui::FontRole::large ||
        wrapped_height(ui, name, ui::FontRole::large, inner) + line_height(ui, ui::FontRole::body) >
            (tile_h - 2 * kTilePadEm) * em)
      role = ui::FontRole::body;
  }
  const ImVec2 top = ImGui::GetCursorPos();
  for (std::size_t i = page.first; i < page.end; ++i) {
    const int place = static_cast<int>(i - page.first);
    ImGui::SetCursorPos(ImVec2(top.x + static_cast<float>(place % columns) * (tile_w + 0.5f) * em,
                               top.y + static_cast<float>(place / columns) * (tile_h + 0.5f) * em));
    category_tile(ui, view, emit, categories[i], ImVec2(tile_w, tile_h), role);
  }
  if (!paged) return;
  ImGui::SetCursorPos(ImVec2(top.x, top.y + height - kPagerEm * em));
  pager(ui, view, emit, page, width);
}

// What fills the space under the field: the results while searching, else a
// category's articles, else the categories.
void help_content(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width, float height) {
  const CustomerState& s = view.state;
  if (!s.help_library) return note(ui, view.tr("help.loading"), width);
  if (help_searching(s)) {
    if (s.help.results.empty()) return note(ui, view.tr("help.no_results"), width);
    return article_rows(ui, view, emit, s.help.results, width, height);
  }
  if (s.help_library->categories.empty()) return note(ui, view.tr("help.none"), width);
  if (const HelpCategory* category = find_help_category(*s.help_library, s.help.category))
    return article_rows(ui, view, emit, category->articles, width, height);
  category_grid(ui, view, emit, width, height);
}

bool search_field(ui::TouchUi& ui, const CustomerView& view, ImVec2 size) {
  const HelpFlow& h = view.state.help;
  return text_box(ui, view, "help.search", h.query, view.tr("help.search_hint"), size, h.keyboard);
}

// "Hide the keys", `width` px by `height_em`.
void hide_keys(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width, float height_em) {
  if (button(ui, "help.keys_done", view.tr("help.hide_keys"), ImVec2(width / ui.em(), height_em), Tone::normal,
             ui::FontRole::body))
    emit(HideHelpKeys{});
}

void keys(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width, float height) {
  draw_text_keyboard(ui, view, emit, view.state.help.layout, false, width, height);
}

}  // namespace

void draw_help(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  const CustomerState& s = view.state;
  const HelpFlow& h = s.help;
  const bool inner = help_searching(s) || !h.category.empty();
  const std::optional<Action> back = inner ? Action(HelpBack{}) : Action(BackToWelcome{});
  const HelpCategory* category =
      s.help_library && !help_searching(s) ? find_help_category(*s.help_library, h.category) : nullptr;
  const std::string title = category ? help_category_name(view, *category) : view.tr("help.title");
  const float em = ui.em();
  const bool wide = wide_layout(ui);
  const BarSlot slot = bar_buttons(ui, view, emit, back);
  const float gap_px = kGapEm * em;
  if (wide) {
    // The field in the bar, after the title.
    const BarSlot title_slot{slot.min, ImVec2(slot.min.x + (slot.max.x - slot.min.x) * 0.45f, slot.max.y)};
    const float title_end = bar_title(ui, title_slot, title);
    const ImVec2 after = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(title_end + 1.0f * em, slot.min.y));
    if (search_field(ui, view, ImVec2(slot.max.x - title_end - 1.0f * em, slot.max.y - slot.min.y)))
      emit(FocusHelpSearch{});
    ImGui::SetCursorScreenPos(after);
    const float width = avail_x(), height = avail_y();
    if (!h.keyboard) return help_content(ui, view, emit, width, height);
    // The keys on the right (as narrow as they may be), the rows beside them.
    const float keys_w = std::max(kKeysMinEm * em, width * 0.6f);
    const float rows_w = width - keys_w - 0.6f * em;
    const ImVec2 top = ImGui::GetCursorPos();
    ImGui::BeginGroup();
    help_content(ui, view, emit, rows_w, height);
    ImGui::EndGroup();
    ImGui::SetCursorPos(ImVec2(top.x + rows_w + 0.6f * em, top.y));
    ImGui::BeginGroup();
    hide_keys(ui, view, emit, keys_w, 2.5f);
    keys(ui, view, emit, keys_w, avail_y());
    ImGui::EndGroup();
    return;
  }
  bar_title(ui, slot, title);
  const float width = avail_x();
  if (!h.keyboard) {
    if (search_field(ui, view, ImVec2(width, kBarEm * em))) emit(FocusHelpSearch{});
    gap(ui, kGapEm);
    return help_content(ui, view, emit, width, avail_y());
  }
  // The field and "hide the keys" side by side, the rows, the keys at the bottom.
  const float hide_w =
      std::min(width * 0.4f, text_width(ui, view.tr("help.hide_keys"), ui::FontRole::body) + 1.6f * em);
  if (search_field(ui, view, ImVec2(width - hide_w - gap_px, kBarEm * em))) emit(FocusHelpSearch{});
  ImGui::SameLine(0, gap_px);
  hide_keys(ui, view, emit, hide_w, kBarEm);
  gap(ui, kGapEm);
  const float room = avail_y();
  const float keys_h = std::min(room * 0.45f, 15.0f * em);
  const ImVec2 top = ImGui::GetCursorPos();
  help_content(ui, view, emit, width, room - keys_h - gap_px);
  ImGui::SetCursorPos(ImVec2(top.x, top.y + room - keys_h));
  keys(ui, view, emit, width, keys_h);
}

}  // namespace kiosk::customer::kit
