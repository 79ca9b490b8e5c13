// What the technician's screens share: the top bar, the message bands, the
// sync line with "Sync now", the wording of a job (product, problem, visit,
// state) and the screens' entry points, beside the kiosk-wide kit (visible
// here unqualified).
#pragma once

#include <string>
#include <string_view>

#include "kit/touch_kit.h"
#include "technician/screens/technician_screens.h"

namespace kiosk::technician::screens {

using namespace kiosk::kit;

// Title on the left; language switch (and logout once logged in) on the right.
void top_bar(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit, std::string_view title);
// The last refusal (red) or what the last step did (green), if any.
void message_bands(ui::TouchUi& ui, const TechnicianView& view);
// "Last synced 14:02 · 3 waiting to send", the last round's failure in words
// under it, and "Sync now" on the right.
void sync_line(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit);

std::string product_of(const TechnicianView& view, const JobLine& job);
std::string problem_of(const TechnicianView& view, const JobLine& job);
// "2026-11-24 afternoon" (or "no date yet").
std::string visit_of(const TechnicianView& view, const JobLine& job);
const std::string& state_name(const TechnicianView& view, const std::string& state);

void draw_login(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit);
void draw_jobs(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit);
void draw_job(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit);
void draw_complete(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit);
void draw_sign(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit);

}  // namespace kiosk::technician::screens
