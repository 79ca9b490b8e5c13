// The request form's picking steps: repair or installation (two big tiles with
// a line each), the product (the store's catalogue), the problem (the
// product's own list; for an installation the kinds of installation, and only
// the products that are installed). A tap chooses and moves on; Back under the
// product and problem tiles goes one step back.
#include "customer/screens/customer_kit.h"
#include "paper/request_wording.h"

namespace kiosk::customer::kit {

using paper::find_product;
namespace {

const std::string& name_of(const CustomerView& view, const std::string& zh, const std::string& en) {
  return view.state.language == Language::Zh ? zh : en;
}

// The catalogue is still on its way, or the store has none: say so instead of an empty grid.
bool loading(ui::TouchUi& ui, const CustomerView& view) {
  if (!view.state.request.products.empty()) return false;
  const bool none = view.state.request.options_loaded;
  paragraph(ui, view.tr(none ? "request.no_products" : "request.loading"), ui::FontRole::large,
            none ? palette().text : palette().text_muted, Align::centre);
  return true;
}

// The step's own Back (one step back) under the tiles; Home is on the top bar.
constexpr float kBackRowEm = 3.2f;
void back_row(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  const float em = ui.em();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.4f * em);
  const float w = cell_width(ui, avail_x(), 2, 0.4f) / em;
  if (button(ui, "request.previous", view.tr("request.previous"), ImVec2(w, 2.6f), Tone::normal, ui::FontRole::body))
    emit(PreviousStep{});
}

}  // namespace

void draw_kind_step(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  step_heading(ui, view, view.tr("request.kind_question"));
  const float em = ui.em();
  const Palette& p = palette();
  const float width = avail_x();
  const bool wide = wide_layout(ui);
  const float tile_w = wide ? cell_width(ui, width, 2, 0.8f) : width;
  const float tile_h = std::min(wide ? avail_y() - 0.5f * em : (avail_y() - 1.0f * em) / 2, 10.0f * em);
  const std::optional<RequestKind> chosen = view.state.request.draft.kind;
  int i = 0;
  for (RequestKind kind : {RequestKind::Repair, RequestKind::Installation}) {
    if (i++ && wide) ImGui::SameLine(0, 0.8f * em);
    const std::string key = std::string("request.kind.") + to_string(kind);
    const Tile t = tile(ui, "kind." + std::string(to_string(kind)), ImVec2(tile_w / em, tile_h / em),
                        chosen == kind ? Tone::selected : Tone::normal);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 ink = u32(chosen == kind ? p.text_on_selected : p.text);
    const float mid = (t.min.y + t.max.y) / 2;
    text_in_rect(ui, draw, view.tr(key), ui::FontRole::large, ink, ImVec2(t.min.x + em, t.min.y + em),
                 ImVec2(t.max.x - em, mid), Align::centre);
    text_in_rect(ui, draw, view.tr(key + "_hint"), ui::FontRole::body, ink, ImVec2(t.min.x + em, mid),
                 ImVec2(t.max.x - em, t.max.y - em), Align::centre);
    if (t.clicked) emit(ChooseKind{kind});
  }
}

void draw_product_step(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  step_heading(ui, view, view.tr("request.product_question"));
  if (loading(ui, view)) return;
  const RequestKind kind = view.state.request.draft.kind.value_or(RequestKind::Repair);
  std::vector<PickerTile> tiles;
  for (const ProductCategory& product : view.state.request.products)
    if (offered_for(product, kind))  // an installation lists the products that are installed
      tiles.push_back({"product." + product.code, name_of(view, product.name_zh, product.name_en),
                       view.state.request.draft.product == product.code, ChooseProduct{product.code}});
  choice_grid(ui, emit, tiles, avail_x(), avail_y() - kBackRowEm * ui.em(), 4);
  back_row(ui, view, emit);
}

void draw_problem_step(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  const RequestFlow& r = view.state.request;
  const ProductCategory* product = find_product(r.products, r.draft.product);
  const RequestKind kind = r.draft.kind.value_or(RequestKind::Repair);
  const std::string question =
      view.tr(kind == RequestKind::Installation ? "request.installation_question" : "request.problem_question");
  step_heading(ui, view, product ? name_of(view, product->name_zh, product->name_en) + " · " + question : question);
  if (loading(ui, view) || !product) return;
  std::vector<PickerTile> tiles;
  for (const ProblemCategory& problem : problems_for(*product, kind))
    tiles.push_back({"problem." + problem.code, name_of(view, problem.name_zh, problem.name_en),
                     r.draft.problem == problem.code, ChooseProblem{problem.code}});
  choice_grid(ui, emit, tiles, avail_x(), avail_y() - kBackRowEm * ui.em(), 4);
  back_row(ui, view, emit);
}

}  // namespace kiosk::customer::kit
