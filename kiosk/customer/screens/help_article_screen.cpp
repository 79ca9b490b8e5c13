// One help article: its title, answer and numbered steps in the largest type
// that fits (large first: readable from a step away), its QR code when HQ has
// a public address ("scan to take these steps with you": the article's page on
// the phone), and "did this help?" with two big answers along the bottom. Read
// while waiting for a number, the answers go back to the ticket.
#include "customer/help_library.h"
#include "customer/screens/customer_kit.h"

namespace kiosk::customer::kit {
namespace {

constexpr float kAnswerBarEm = 3.4f;  // the answers' height

// The text's sizes, largest first; the first whose text fits is drawn (the
// smallest, clipped, when none does).
struct TextSize {
  ui::FontRole title, answer, steps;
  float scale;  // of the body font
};
constexpr TextSize kSizes[] = {{ui::FontRole::large, ui::FontRole::large, ui::FontRole::large, 1.0f},
                               {ui::FontRole::large, ui::FontRole::body, ui::FontRole::large, 1.0f},
                               {ui::FontRole::large, ui::FontRole::body, ui::FontRole::body, 1.0f},
                               {ui::FontRole::large, ui::FontRole::body, ui::FontRole::body, 0.9f},
                               {ui::FontRole::large, ui::FontRole::body, ui::FontRole::body, 0.8f},
                               {ui::FontRole::body, ui::FontRole::body, ui::FontRole::body, 0.8f},
                               {ui::FontRole::body, ui::FontRole::body, ui::FontRole::body, 0.7f},
                               {ui::FontRole::body, ui::FontRole::body, ui::FontRole::body, 0.6f}};

float scale_of(ui::FontRole role, const TextSize& size) { return role == ui::FontRole::body ? size.scale : 1.0f; }

// A step's number in a filled circle, its text beside it; returns the step's height.
float step_height(ui::TouchUi& ui, const std::string& step, const TextSize& size, float width) {
  const float scale = scale_of(size.steps, size);
  const float badge = line_height(ui, size.steps, scale);
  return std::max(badge, wrapped_height(ui, step, size.steps, width - badge - 0.5f * ui.em(), scale));
}

float text_height(ui::TouchUi& ui, const KbText& text, const TextSize& size, float width) {
  const float em = ui.em();
  float h = wrapped_height(ui, text.title, size.title, width, scale_of(size.title, size)) + 0.4f * em +
            wrapped_height(ui, text.answer, size.answer, width, scale_of(size.answer, size));
  for (const std::string& step : text.steps) h += 0.4f * em + step_height(ui, step, size, width);
  return h;
}

// The title, the answer and the steps in `min`..`max`, as large as they fit.
void article_text(ui::TouchUi& ui, const KbText& text, ImVec2 min, ImVec2 max) {
  const float em = ui.em();
  const Palette& p = palette();
  const float width = max.x - min.x;
  TextSize size = kSizes[std::size(kSizes) - 1];
  for (const TextSize& candidate : kSizes) {
    if (text_height(ui, text, candidate, width) <= max.y - min.y) {
      size = candidate;
      break;
    }
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(min, max, true);
  float y = min.y;
  auto block = [&](std::string_view words, ui::FontRole role, float x, ImU32 colour) {
    const float scale = scale_of(role, size);
    const float h = wrapped_height(ui, words, role, max.x - x, scale);
    text_in_rect(ui, draw, words, role, colour, ImVec2(x, y), ImVec2(max.x, y + h), Align::left, scale);
    return h;
  };
  y += block(text.title, size.title, min.x, u32(p.selected)) + 0.4f * em;
  y += block(text.answer, size.answer, min.x, u32(p.text));
  for (std::size_t i = 0; i < text.steps.size(); ++i) {
    y += 0.4f * em;
    const float scale = scale_of(size.steps, size);
    const float badge = line_height(ui, size.steps, scale);
    const float h = step_height(ui, text.steps[i], size, width);
    const ImVec2 centre(min.x + badge / 2, y + badge / 2);
    draw->AddCircleFilled(centre, badge * 0.45f, u32(p.primary), 32);
    text_in_rect(ui, draw, std::to_string(i + 1), size.steps, u32(p.text), ImVec2(min.x, y),
                 ImVec2(min.x + badge, y + badge), Align::centre, scale * 0.8f);
    block(text.steps[i], size.steps, min.x + badge + 0.5f * em, u32(p.text));
    y += h;
  }
  draw->PopClipRect();
}

// The QR code of `url` with the words under it, centred in `min`..`max`; the
// caption beside the code instead where the box is wide and low.
void qr_block(ui::TouchUi& ui, const CustomerView& view, const std::string& url, ImVec2 min, ImVec2 max) {
  const float em = ui.em();
  const Palette& p = palette();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, u32(p.surface), 0.3f * em);
  const float pad = 0.6f * em;
  const std::string& scan = view.tr("help.scan");
  const float w = max.x - min.x - 2 * pad, h = max.y - min.y - 2 * pad;
  if (w > 2 * h) {  // beside
    const float side = draw_qr(draw, ImVec2(min.x + pad, min.y + pad), h, url);
    text_in_rect(ui, draw, scan, ui::FontRole::large, u32(p.text), ImVec2(min.x + 2 * pad + side, min.y + pad),
                 ImVec2(max.x - pad, max.y - pad), Align::left);
    return;
  }
  const float scan_h = wrapped_height(ui, scan, ui::FontRole::body, w);
  const float room = std::min(w, h - scan_h - 0.3f * em);
  const float top = min.y + pad + std::max(0.0f, (h - room - 0.3f * em - scan_h) / 2);
  const float side = draw_qr(draw, ImVec2(min.x + pad + (w - room) / 2, top), room, url);
  const float y = top + side + 0.3f * em;
  text_in_rect(ui, draw, scan, ui::FontRole::body, u32(p.text), ImVec2(min.x + pad, y), ImVec2(max.x - pad, y + scan_h),
               Align::centre);
}

// "Did this help?" and the two answers across `width`: in one row on a wide
// screen, else the question above the answers.
float answer_bar_height(ui::TouchUi& ui, bool wide) {
  return (wide ? 0.0f : line_height(ui, ui::FontRole::large) + 0.3f * ui.em()) + kAnswerBarEm * ui.em();
}

void answer_bar(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width, bool wide) {
  const float em = ui.em();
  const std::string& question = view.tr("help.did_it_help");
  const bool waiting = view.state.help.source == KbSource::Ticket;
  const std::string& yes = view.tr("help.yes");
  const std::string& no = view.tr(waiting ? "help.no_waiting" : "help.no");
  const float question_w = wide ? std::min(width * 0.3f, text_width(ui, question, ui::FontRole::large) + 1.0f * em) : 0;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float question_h = wide ? kAnswerBarEm * em : line_height(ui, ui::FontRole::large);
  text_in_rect(ui, ImGui::GetWindowDrawList(), question, fitting_role(ui, question, wide ? question_w : width, 1),
               u32(palette().text), at, ImVec2(at.x + (wide ? question_w : width), at.y + question_h), Align::left);
  ImGui::SetCursorScreenPos(wide ? ImVec2(at.x + question_w, at.y) : ImVec2(at.x, at.y + question_h + 0.3f * em));
  const float rest = width - question_w - 0.5f * em;
  const float yes_w = rest * 0.38f, no_w = rest - yes_w;
  if (button(ui, "help.yes", yes, ImVec2(yes_w / em, kAnswerBarEm), Tone::primary,
             fitting_role(ui, yes, yes_w - em, 1)))
    emit(AnswerHelp{true});
  ImGui::SameLine(0, 0.5f * em);
  if (button(ui, "help.no", no, ImVec2(no_w / em, kAnswerBarEm), Tone::normal, fitting_role(ui, no, no_w - em, 1)))
    emit(AnswerHelp{false});
}

}  // namespace

void draw_help_article(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("help.title"), HelpBack{});
  const CustomerState& s = view.state;
  if (!s.help.article) return;
  const KbText& text = s.help.article->text(s.language == Language::En);
  const std::string url = help_page_url(s.public_url, s.help.article->id, s.language);
  const float em = ui.em();
  const float width = avail_x();
  const bool wide = wide_layout(ui);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const ImVec2 top_local = ImGui::GetCursorPos();
  const float body_h = avail_y() - answer_bar_height(ui, wide) - 0.6f * em;
  const ImVec2 bottom(top.x + width, top.y + body_h);
  if (url.empty()) {
    article_text(ui, text, top, bottom);
  } else if (wide) {  // the code on the right
    const float qr_w = std::min(9.5f * em, width * 0.3f);
    article_text(ui, text, top, ImVec2(bottom.x - qr_w - 0.8f * em, bottom.y));
    const float qr_h = std::min(
        body_h, qr_w + 0.3f * em + wrapped_height(ui, view.tr("help.scan"), ui::FontRole::body, qr_w - 1.2f * em));
    qr_block(ui, view, url, ImVec2(bottom.x - qr_w, top.y), ImVec2(bottom.x, top.y + qr_h));
  } else {  // the code under the text, its words beside it
    const float qr_h = std::min(9.0f * em, body_h * 0.35f);
    article_text(ui, text, top, ImVec2(bottom.x, bottom.y - qr_h - 0.6f * em));
    qr_block(ui, view, url, ImVec2(top.x, bottom.y - qr_h), bottom);
  }
  ImGui::SetCursorPos(ImVec2(top_local.x, top_local.y + body_h + 0.6f * em));
  answer_bar(ui, view, emit, width, wide);
}

void draw_help_thanks(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  thanks_screen(ui, view, emit, view.tr("help.title"), view.tr("help.thanks"), view.tr("help.thanks_sub"));
}

}  // namespace kiosk::customer::kit
