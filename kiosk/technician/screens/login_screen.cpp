// Login on the technician's tablet: the kit's staff login (kit/staff_login.h)
// under the tablet's top bar, checked offline against the tablet's database.
// Where nobody can log in yet, the screen says why in words and what to do
// instead of the keys: the tablet is not set up for HQ (the kioskctl command
// to run, then connect once), HQ's technician has not come yet (connect and
// Sync now), or HQ revoked the tablet (its jobs were deleted; set it up again).
#include "kit/staff_login.h"
#include "technician/screens/technician_kit.h"

namespace kiosk::technician::screens {
namespace {

// A set-up instruction: the title in a band, what to do, and the command to run.
void instructions(ui::TouchUi& ui, const TechnicianView& view, std::string_view title, const ImVec4& band,
                  std::string_view steps_key, bool with_command) {
  const float em = ui.em();
  const float width = avail_x();
  banner(ui, title, band, ui::FontRole::large);
  gap(ui, 0.4f);
  paragraph(ui, view.tr(steps_key), ui::FontRole::body, palette().text, Align::left, width);
  if (!with_command) return;
  gap(ui, 0.3f);
  const std::string command = view.tr("tech.setup.command", {view.data_dir.empty() ? "DIR" : view.data_dir});
  const float pad = 0.6f * em;
  const float height = wrapped_height(ui, command, ui::FontRole::body, width - 2 * pad) + 2 * pad;
  const ImVec2 min = ImGui::GetCursorScreenPos(), max(min.x + width, min.y + height);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, u32(palette().surface), 0.25f * em);
  text_in_rect(ui, draw, command, ui::FontRole::body, u32(palette().text), ImVec2(min.x + pad, min.y),
               ImVec2(max.x - pad, max.y), Align::left);
  ImGui::Dummy(ImVec2(width, height));
}

}  // namespace

void draw_login(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit) {
  const TabletStatus& tablet = view.state.tablet;
  top_bar(ui, view, emit, view.tr("staff.login.title.technician"));
  const bool can_log_in = !tablet.read || (tablet.configured && tablet.has_technician);
  if (tablet.revoked || !can_log_in) {
    if (tablet.revoked)
      instructions(ui, view, view.tr("tech.revoked.title"), palette().danger, "tech.revoked.steps", true);
    else if (!tablet.configured)
      instructions(ui, view, view.tr("tech.setup.title"), palette().info, "tech.setup.steps", true);
    else
      instructions(ui, view, view.tr("tech.setup.waiting_title"), palette().info, "tech.setup.waiting", false);
    gap(ui, 0.8f);
    sync_line(ui, view, emit);  // a round after the set-up brings the technician
    return;
  }
  if (std::optional<LoginInput> tapped = staff_login_panel(ui, view.state.login, view.texts, view.state.language))
    emit(*tapped);
}

}  // namespace kiosk::technician::screens
