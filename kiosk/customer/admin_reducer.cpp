// The staff corner's reducer (see admin_reducer.h). A PIN answer or figures
// arriving after the screen has gone (idle wipe, Back) are dropped: a late
// "right PIN" must never open the admin screen for the next customer.
#include "customer/admin_reducer.h"

#include <algorithm>

namespace kiosk::customer {
namespace {

void open(CustomerState& s, Screen screen, EpochMs now) {
  s.screen = screen;
  s.screen_since = now;
}

// Asks the worker for the figures; the screen says "checking…" until they come.
std::vector<Effect> read_figures(AdminFlow& admin, EpochMs now) {
  admin.figures.reset();
  admin.health.reset();
  admin.read_at = now;
  return {ReadAdminFigures{}};
}

// StaffBook's refusal: a wrong PIN, a lockout (for how long), or the store
// could not be read.
void refuse(kit::StaffLoginForm& login, const StaffPinChecked& checked) {
  if (checked.error_code == "wrong-pin") {
    kit::refuse_login(login, kit::LoginRefusal::WrongPin);
  } else if (checked.error_code == "locked-out") {
    const EpochMs minutes = std::max<EpochMs>(1, (checked.locked_ms + 59'999) / 60'000);  // rounded up
    kit::refuse_login(login, kit::LoginRefusal::LockedOut, static_cast<int>(minutes));
  } else {
    kit::refuse_login(login, kit::LoginRefusal::Other);
  }
}

}  // namespace

std::optional<std::vector<Effect>> reduce_admin(CustomerState& s, const Action& action, EpochMs now) {
  AdminFlow& admin = s.admin;
  if (const StaffHold* hold = std::get_if<StaffHold>(&action)) {
    if (hold->down && s.screen == Screen::Welcome)
      admin.hold_since = now;
    else
      admin.hold_since.reset();
    return std::vector<Effect>{};
  }
  if (const LoginInput* input = std::get_if<LoginInput>(&action)) {
    if (s.screen != Screen::StaffLogin) return std::vector<Effect>{};
    std::optional<kit::LoginAttempt> attempt = kit::apply_login_input(admin.login, *input);
    if (!attempt) return std::vector<Effect>{};
    return std::vector<Effect>{CheckStaffPin{std::move(attempt->name), std::move(attempt->pin)}};
  }
  if (const StaffPinChecked* checked = std::get_if<StaffPinChecked>(&action)) {
    if (s.screen != Screen::StaffLogin || !admin.login.busy) return std::vector<Effect>{};
    if (checked->error_code.empty()) {
      admin.login = {};  // the PIN is forgotten at once
      open(s, Screen::Admin, now);
      return read_figures(admin, now);
    }
    refuse(admin.login, *checked);
    return std::vector<Effect>{};
  }
  if (std::holds_alternative<RefreshAdmin>(action)) {
    const bool reading = !admin.figures || !admin.health;
    if (s.screen != Screen::Admin || reading) return std::vector<Effect>{};
    return read_figures(admin, now);
  }
  if (const AdminFiguresRead* read = std::get_if<AdminFiguresRead>(&action)) {
    if (s.screen == Screen::Admin) admin.figures = read->figures;
    return std::vector<Effect>{};
  }
  if (const AdminHealthRead* read = std::get_if<AdminHealthRead>(&action)) {
    if (s.screen == Screen::Admin) admin.health = read->health;
    return std::vector<Effect>{};
  }
  return std::nullopt;
}

void admin_tick(CustomerState& s, EpochMs now, const CustomerTimings& t) {
  if (s.screen != Screen::Welcome || !s.admin.hold_since || now - *s.admin.hold_since < t.staff_hold) return;
  s.admin = {};
  open(s, Screen::StaffLogin, now);
}

std::optional<EpochMs> admin_deadline(const CustomerState& s, const CustomerTimings& t) {
  if (s.screen != Screen::Welcome || !s.admin.hold_since) return std::nullopt;
  return *s.admin.hold_since + t.staff_hold;
}

}  // namespace kiosk::customer
