// The staff corner's reducer (see admin_reducer.h). A PIN answer or figures
// arriving after the screen has gone (idle wipe, Back) are dropped: a late
// "right PIN" must never open the admin screen for the next customer.
#include "customer/admin_reducer.h"

#include <cctype>

namespace kiosk::customer {
namespace {

constexpr std::size_t kMaxNameChars = 40;
constexpr std::size_t kMinPinDigits = 4;
constexpr std::size_t kMaxPinDigits = 8;

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

void type(StaffLogin& login, char key) {
  std::string& text = login.field == StaffField::Name ? login.name : login.pin;
  const unsigned char c = static_cast<unsigned char>(key);
  const bool allowed = login.field == StaffField::Name ? std::isalpha(c) || (key == ' ' && !text.empty())
                                                       : std::isdigit(c) != 0;
  const std::size_t max = login.field == StaffField::Name ? kMaxNameChars : kMaxPinDigits;
  if (key == '<' && !text.empty()) text.pop_back();
  else if (key == '*') text.clear();
  else if (allowed && text.size() < max) text += key;
  login.error.clear();
}

std::vector<Effect> submit(StaffLogin& login) {
  if (login.busy) return {};
  std::string name = login.name;  // never starts with a space (type() refuses it)
  while (!name.empty() && name.back() == ' ') name.pop_back();
  if (name.empty()) {
    login.error = "need-name";
    login.field = StaffField::Name;
    return {};
  }
  if (login.pin.size() < kMinPinDigits) {
    login.error = "need-pin";
    login.field = StaffField::Pin;
    return {};
  }
  login.busy = true;
  login.error.clear();
  return {CheckStaffPin{name, login.pin}};
}

}  // namespace

std::optional<std::vector<Effect>> reduce_admin(CustomerState& s, const Action& action, EpochMs now) {
  AdminFlow& admin = s.admin;
  if (const StaffHold* hold = std::get_if<StaffHold>(&action)) {
    if (hold->down && s.screen == Screen::Welcome) admin.hold_since = now;
    else admin.hold_since.reset();
    return std::vector<Effect>{};
  }
  if (const FocusStaffField* focus = std::get_if<FocusStaffField>(&action)) {
    if (s.screen == Screen::StaffLogin && !admin.login.busy) admin.login.field = focus->field;
    return std::vector<Effect>{};
  }
  if (const StaffKey* key = std::get_if<StaffKey>(&action)) {
    if (s.screen == Screen::StaffLogin && !admin.login.busy) type(admin.login, key->key);
    return std::vector<Effect>{};
  }
  if (std::holds_alternative<SubmitStaffPin>(action))
    return s.screen == Screen::StaffLogin ? submit(admin.login) : std::vector<Effect>{};
  if (const StaffPinChecked* checked = std::get_if<StaffPinChecked>(&action)) {
    if (s.screen != Screen::StaffLogin || !admin.login.busy) return std::vector<Effect>{};
    if (checked->error_code.empty()) {
      admin.login = {};  // the PIN is forgotten at once
      open(s, Screen::Admin, now);
      return read_figures(admin, now);
    }
    admin.login.busy = false;
    admin.login.error = checked->error_code;
    admin.login.locked_ms = checked->locked_ms;
    admin.login.pin.clear();
    admin.login.field = StaffField::Pin;
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
