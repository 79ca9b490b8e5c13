// The staff corner's rules with an injected clock: the 3 s hold on the welcome
// title, the name and PIN form, wrong PIN and lockout, the admin screen and
// its refresh, and the ways out (close, idle wipe, a late answer dropped);
// the Devices screen: a code shown and counted down until it expires, revoke
// asked first, back to the admin screen, late answers dropped.
#include <doctest/doctest.h>

#include "customer/customer_reducer.h"

using namespace kiosk;
using namespace kiosk::customer;

namespace {

struct StaffCorner {
  CustomerState state;
  CustomerTimings timings;
  EpochMs now = 5'000'000;

  std::vector<Effect> at(EpochMs later, const Action& action) {
    now += later;
    return reduce(state, action, now, timings);
  }
  // Holds the welcome title long enough.
  void open_login() {
    at(1000, StaffHold{true});
    at(timings.staff_hold, Tick{});
  }
  // Clears both fields, types the name and PIN, and submits.
  std::vector<Effect> type_and_submit(const std::string& name, const std::string& pin) {
    for (const auto& [field, text] : {std::pair{kit::LoginField::Name, name}, std::pair{kit::LoginField::Pin, pin}}) {
      at(1000, kit::FocusLoginField{field});
      at(100, kit::LoginKey{'*'});
      for (char c : text) at(100, kit::LoginKey{c});
    }
    return at(100, kit::SubmitLogin{});
  }
  // Hold, type, and the worker's "right PIN": the admin screen.
  void open_admin() {
    open_login();
    type_and_submit("Wang", "12345");
    at(300, StaffPinChecked{});
    REQUIRE(state.screen == Screen::Admin);
  }
};

template <class E>
const E* only(const std::vector<Effect>& effects) {
  return effects.size() == 1 ? std::get_if<E>(&effects.front()) : nullptr;
}

}  // namespace

TEST_CASE("the staff login opens only after the welcome title is held for 3 s") {
  StaffCorner k;
  k.at(1000, StaffHold{true});
  k.at(k.timings.staff_hold - 1, Tick{});
  CHECK(k.state.screen == Screen::Welcome);
  REQUIRE(next_deadline(k.state, k.now, k.timings));
  CHECK(*next_deadline(k.state, k.now, k.timings) == k.now + 1);  // the loop wakes for it
  k.at(1, Tick{});
  CHECK(k.state.screen == Screen::StaffLogin);
  CHECK(k.state.admin.login.field == kit::LoginField::Name);

  StaffCorner quick;  // a tap, or a hold let go too soon, opens nothing
  quick.at(1000, StaffHold{true});
  quick.at(1500, StaffHold{false});
  quick.at(5000, Tick{});
  CHECK(quick.state.screen == Screen::Welcome);

  StaffCorner just_back;  // a lift right after a screen change is not taken for a double tap's second half
  just_back.at(1000, OpenTakeNumber{});
  just_back.at(1000, BackToWelcome{});
  just_back.at(100, StaffHold{true});
  just_back.at(100, StaffHold{false});
  just_back.at(5000, Tick{});
  CHECK(just_back.state.screen == Screen::Welcome);

  StaffCorner elsewhere;  // not from another screen
  elsewhere.at(1000, OpenTakeNumber{});
  elsewhere.at(1000, StaffHold{true});
  elsewhere.at(5000, Tick{});
  CHECK(elsewhere.state.screen == Screen::TakeNumber);
}

TEST_CASE("name and PIN: keys by field, the PIN checked on the worker, a wrong PIN said and cleared") {
  StaffCorner k;
  k.open_login();
  k.at(1000, kit::SubmitLogin{});
  CHECK(k.state.admin.login.refusal == kit::LoginRefusal::NeedName);
  k.at(1000, kit::LoginKey{' '});  // no leading space
  k.at(100, kit::LoginKey{'5'});   // no digit in a name
  CHECK(k.state.admin.login.name.empty());
  const std::vector<Effect> short_pin = k.type_and_submit("Li Na", "12");
  CHECK(short_pin.empty());
  CHECK(k.state.admin.login.refusal == kit::LoginRefusal::NeedPin);
  const std::vector<Effect> submitted = k.type_and_submit("Wang ", "1234x5");
  const CheckStaffPin* check = only<CheckStaffPin>(submitted);
  REQUIRE(check);
  CHECK(check->name == "Wang");
  CHECK(check->pin == "12345");
  CHECK(k.state.admin.login.busy);
  CHECK(k.at(100, kit::SubmitLogin{}).empty());  // one check at a time
  k.at(100, kit::LoginKey{'9'});
  CHECK(k.state.admin.login.pin == "12345");  // the keys wait while checking

  k.at(300, StaffPinChecked{"wrong-pin"});
  CHECK(k.state.screen == Screen::StaffLogin);
  CHECK(k.state.admin.login.refusal == kit::LoginRefusal::WrongPin);
  CHECK(k.state.admin.login.pin.empty());
  CHECK(k.state.admin.login.name == "Wang ");
  CHECK(k.state.admin.login.field == kit::LoginField::Pin);
  CHECK_FALSE(k.state.admin.login.busy);
}

TEST_CASE("locked out: the wait is kept for the message, in minutes rounded up; the right PIN opens the admin screen") {
  StaffCorner k;
  k.open_login();
  k.type_and_submit("Wang", "0000");
  k.at(300, StaffPinChecked{"locked-out", 4 * 60'000 + 5'000});
  CHECK(k.state.admin.login.refusal == kit::LoginRefusal::LockedOut);
  CHECK(k.state.admin.login.locked_minutes == 5);

  k.type_and_submit("Wang", "12345");
  const std::vector<Effect> opened = k.at(300, StaffPinChecked{});
  CHECK(only<ReadAdminFigures>(opened));
  CHECK(k.state.screen == Screen::Admin);
  CHECK(k.state.admin.login.pin.empty());  // forgotten at once
  CHECK(k.state.admin.login.name.empty());
  CHECK_FALSE(k.state.admin.figures);
  CHECK_FALSE(k.state.admin.health);
}

TEST_CASE("the admin screen: figures, then health; refresh once they are in; close") {
  StaffCorner k;
  k.open_admin();
  CHECK(k.at(100, RefreshAdmin{}).empty());  // still reading
  AdminFigures figures;
  figures.version = "1.2.3";
  figures.pending = 4;
  k.at(100, AdminFiguresRead{figures});
  REQUIRE(k.state.admin.figures);
  CHECK(k.state.admin.figures->pending == 4);
  CHECK_FALSE(k.state.admin.health);  // "checking…"
  k.at(100, AdminHealthRead{{1000, 2000, 3000, "ok"}});
  REQUIRE(k.state.admin.health);
  CHECK(k.state.admin.health->integrity == "ok");

  CHECK(only<ReadAdminFigures>(k.at(1000, RefreshAdmin{})));
  CHECK_FALSE(k.state.admin.figures);
  CHECK_FALSE(k.state.admin.health);
  k.at(100, AdminFiguresRead{figures});
  k.at(100, AdminHealthRead{{1000, 2000, 3000, "ok"}});

  k.at(1000, BackToWelcome{});
  CHECK(k.state.screen == Screen::Welcome);
  CHECK_FALSE(k.state.admin.figures);
  k.at(100, AdminHealthRead{{1, 2, 3, "ok"}});  // late: dropped
  CHECK_FALSE(k.state.admin.health);
}

TEST_CASE("idle: the admin screen and the login go back to Welcome; a late right PIN opens nothing") {
  StaffCorner k;
  k.open_admin();
  k.at(k.timings.idle_quiet + k.timings.idle_countdown, Tick{});
  CHECK(k.state.screen == Screen::Welcome);

  StaffCorner late;
  late.open_login();
  late.type_and_submit("Wang", "12345");
  late.at(late.timings.idle_quiet + late.timings.idle_countdown, Tick{});
  CHECK(late.state.screen == Screen::Welcome);
  late.at(100, StaffPinChecked{});
  CHECK(late.state.screen == Screen::Welcome);
}

namespace {

EnrolledDevice device(const std::string& id, const std::string& name, std::optional<EpochMs> revoked_at = {}) {
  return EnrolledDevice{id, name, DeviceKind::Counter, 1'000'000, std::nullopt, revoked_at};
}

// The admin screen, then Devices with two devices read (one revoked).
void open_devices(StaffCorner& k) {
  k.open_admin();
  REQUIRE(only<ReadDevices>(k.at(1000, OpenDevices{})));
  REQUIRE(k.state.screen == Screen::Devices);
  k.at(100, DevicesRead{
                DevicesView{{device("d1", "Counter 2"), device("d0", "Old display", 2'000'000)}, "AB12-CD34", "", ""}});
  REQUIRE(k.state.admin.devices.read);
}

}  // namespace

TEST_CASE("Devices: a code is made once per tap, shown with its time left, and gone when it expires") {
  StaffCorner k;
  open_devices(k);
  CHECK(only<IssueDeviceCode>(k.at(1000, EnrolDevice{})));
  CHECK(k.at(1000, EnrolDevice{}).empty());  // one code at a time: the second tap waits for the first
  const EpochMs expires_at = k.now + 5 * 60'000;
  k.at(200, DeviceCodeIssued{{"483920", expires_at}});
  REQUIRE(k.state.admin.devices.code);
  CHECK(k.state.admin.devices.code->code == "483920");
  CHECK_FALSE(k.state.admin.devices.issuing);
  // The loop wakes each second for the countdown, and at the end.
  REQUIRE(next_deadline(k.state, k.now, k.timings));
  CHECK(*next_deadline(k.state, k.now, k.timings) <= k.now + 1000);
  k.now = expires_at - 1;
  k.state.last_activity = k.now;
  k.at(0, Tick{});
  CHECK(k.state.admin.devices.code);
  CHECK(*next_deadline(k.state, k.now, k.timings) == expires_at);
  k.at(1, Tick{});
  CHECK_FALSE(k.state.admin.devices.code);  // expired: off the screen
  CHECK(k.state.screen == Screen::Devices);

  CHECK(only<IssueDeviceCode>(k.at(1000, EnrolDevice{})));
  k.at(200, DeviceCodeRefused{"storage"});
  CHECK(k.state.admin.devices.code_error == "storage");
  CHECK_FALSE(k.state.admin.devices.issuing);
}

TEST_CASE("Devices: Revoke asks first; yes revokes once, cancel keeps it; a revoked device is not offered") {
  StaffCorner k;
  open_devices(k);
  CHECK(k.at(1000, AskRevokeDevice{"d0"}).empty());  // already revoked
  CHECK(k.state.admin.devices.confirming.empty());
  CHECK(k.at(1000, AskRevokeDevice{"nobody"}).empty());
  CHECK(k.state.admin.devices.confirming.empty());
  k.at(1000, AskRevokeDevice{"d1"});
  CHECK(k.state.admin.devices.confirming == "d1");
  k.at(1000, CancelRevokeDevice{});
  CHECK(k.state.admin.devices.confirming.empty());
  CHECK(k.at(1000, ConfirmRevokeDevice{}).empty());  // nothing asked: nothing revoked

  k.at(1000, AskRevokeDevice{"d1"});
  const std::vector<Effect> effects = k.at(1000, ConfirmRevokeDevice{});
  const RevokeDevice* revoke = only<RevokeDevice>(effects);
  REQUIRE(revoke);
  CHECK(revoke->device_id == "d1");
  CHECK(k.state.admin.devices.revoking);
  CHECK(k.state.admin.devices.confirming.empty());
  CHECK(k.at(1000, AskRevokeDevice{"d1"}).empty());  // the list waits for the answer
  CHECK(k.at(100, ConfirmRevokeDevice{}).empty());
  k.at(200, DevicesRead{DevicesView{
                {device("d1", "Counter 2", k.now), device("d0", "Old display", 2'000'000)}, "AB12-CD34", "", ""}});
  CHECK_FALSE(k.state.admin.devices.revoking);
  CHECK(k.state.admin.devices.read->devices.front().revoked_at);
}

TEST_CASE("Devices: back returns to the admin screen and forgets the code; late answers are dropped; idle wipes") {
  StaffCorner k;
  open_devices(k);
  k.at(1000, EnrolDevice{});
  k.at(200, DeviceCodeIssued{{"111222", k.now + 300'000}});
  CHECK(k.at(1000, CloseDevices{}).empty());
  CHECK(k.state.screen == Screen::Admin);
  CHECK_FALSE(k.state.admin.devices.code);

  REQUIRE(only<ReadDevices>(k.at(1000, OpenDevices{})));
  k.at(1000, EnrolDevice{});
  k.at(1000, CloseDevices{});
  k.at(200, DeviceCodeIssued{{"333444", k.now + 300'000}});  // after Back: never shown
  k.at(200, DevicesRead{DevicesView{}});
  CHECK_FALSE(k.state.admin.devices.code);
  CHECK_FALSE(k.state.admin.devices.read);
  CHECK(k.at(1000, OpenDevices{}).size() == 1);

  k.at(k.timings.idle_quiet + k.timings.idle_countdown, Tick{});
  CHECK(k.state.screen == Screen::Welcome);
  CHECK_FALSE(k.state.admin.devices.read);
  CHECK(k.at(1000, OpenDevices{}).empty());  // only from the admin screen
  CHECK(k.state.screen == Screen::Welcome);
}
