// The staff corner through the real screens (headless ImGui, real fonts), the
// real worker and a real store file: a staff member made with StaffBook holds
// the welcome title, types a wrong PIN and then the right one, and the admin
// screen's figures are the ones the store itself reports (store health, sync
// status, printer state); refresh and close; five wrong PINs lock the account.
// Devices: the code the screen shows enrols a device through DeviceBook, and
// a device revoked on the screen (after its confirmation) is refused.
#include <doctest/doctest.h>

#include "core/program_version.h"
#include "customer_harness.h"
#include "http/key_pin.h"
#include "http_server/tls_identity.h"
#include "staff/device_book.h"
#include "staff/staff_book.h"
#include "store/printer_state.h"
#include "store/store_health.h"
#include "sync/sync_store.h"

using namespace kiosk;
using kiosk::customer::Screen;
using kiosk::test::CustomerHarness;

namespace {

void add_staff(CustomerHarness& h, const std::string& name, const std::string& pin) {
  StaffPolicy cheap;
  cheap.pin_cost = PinHashCost::fastest_for_tests();
  REQUIRE(StaffBook(*h.store.store, h.store.clock, cheap).add(name, pin, StaffRole::Counter).ok());
}

// A finger on `id` for `ms`, with frames drawn as the kiosk's loop would.
void hold(CustomerHarness& h, const std::string& id, EpochMs ms) {
  h.wait_ms(1000);
  const std::optional<ui::WidgetRect> rect = h.ui.widgets().find(id);
  REQUIRE_MESSAGE(rect, "no widget \"" << id << "\" on screen");
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = rect->centre();
  io.MouseDown[0] = true;
  h.wait_ms(50);
  h.app->apply_taps(h.now);
  h.wait_ms(ms);
  io.MouseDown[0] = false;
  h.wait_ms(50);
  h.app->apply_taps(h.now);
}

// Letter keys capitalise each word by themselves: "WANG FANG" types "Wang
// Fang". An empty `name` keeps the one typed before.
void type_login(CustomerHarness& h, const std::string& name, const std::string& pin) {
  if (!name.empty()) {
    h.tap("login.name");
    h.tap("key.clear");
    for (char c : name) h.tap(c == ' ' ? "key.space" : std::string("key.") + c);
  }
  h.tap("login.pin");
  h.tap("key.clear");
  for (char c : pin) h.tap(std::string("key.") + c);
  h.tap("login.submit");
}

int sessions(CustomerHarness& h) {
  Statement& q = h.store.store->db().prepare("SELECT count(*) FROM staff_session");
  q.step();
  const int n = q.int32(0);
  q.reset();
  return n;
}

}  // namespace

TEST_CASE("staff open the admin screen: wrong PIN, right PIN, the store's own figures, refresh, close") {
  CustomerHarness h;
  add_staff(h, "Wang Fang", "2468");
  REQUIRE(h.store.engine->issue({h.state().services.front().code, false, ""}).ok());  // one record waiting for HQ
  SyncStore sync(*h.store.store, h.store.clock);
  REQUIRE(sync.configure("http://127.0.0.1:9", "device-token").ok());
  REQUIRE(record_printer_status(*h.store.store, {PrinterState::PaperNearEnd, "roll low", h.now - 90'000}).ok());

  h.tap("staff.hold");  // a tap on the title opens nothing
  CHECK(h.state().screen == Screen::Welcome);
  hold(h, "staff.hold", 3000);
  REQUIRE(h.state().screen == Screen::StaffLogin);

  type_login(h, "WANG FANG", "1357");
  CHECK(h.state().admin.login.refusal == kit::LoginRefusal::WrongPin);
  CHECK(h.state().screen == Screen::StaffLogin);
  CHECK(h.shows("login.submit"));

  type_login(h, "", "2468");  // the name stays
  REQUIRE(h.state().screen == Screen::Admin);
  h.settle();               // the figures, asked for as the screen opened
  CHECK(sessions(h) == 0);  // the check opens no staff session
  REQUIRE(h.state().admin.figures);
  REQUIRE(h.state().admin.health);
  const customer::AdminFigures& f = *h.state().admin.figures;
  const customer::AdminHealth& health = *h.state().admin.health;
  const Result<SyncStatus> status = sync.status();
  const Result<StoreHealth> store_health = read_store_health(*h.store.store);
  REQUIRE(status.ok());
  REQUIRE(store_health.ok());
  CHECK(f.read_error.empty());
  CHECK(f.version == std::string(program_version()));
  CHECK(f.hq_configured);
  CHECK(f.pending == status.value().pending);
  CHECK(f.pending >= 1);
  CHECK(f.oldest_pending_age_ms.has_value() == status.value().oldest_pending_age_ms.has_value());
  CHECK(f.commands_waiting == status.value().commands_waiting);
  CHECK(f.last_sync_at == status.value().last_sync_at);
  CHECK(f.printer_state == "paper-near-end");
  CHECK(f.printer_message == "roll low");
  CHECK(health.integrity == "ok");
  CHECK(health.integrity == store_health.value().integrity);
  CHECK(health.database_bytes == store_health.value().database_bytes);
  CHECK(health.disk_total_bytes == store_health.value().disk_total_bytes);
  CHECK(health.disk_free_bytes > 0);

  REQUIRE(record_printer_status(*h.store.store, {PrinterState::Ok, "", h.now}).ok());
  h.tap("admin.refresh");
  h.settle();
  REQUIRE(h.state().admin.figures);
  CHECK(h.state().admin.figures->printer_state == "ok");
  CHECK(h.state().admin.health);
  h.tap("admin.close");
  CHECK(h.state().screen == Screen::Welcome);
}

TEST_CASE("five wrong PINs lock the account: the kiosk says for how long; the idle wipe closes the login") {
  CustomerHarness h(customer::Language::En);
  add_staff(h, "Li Na", "8642");
  hold(h, "staff.hold", 3000);
  REQUIRE(h.state().screen == Screen::StaffLogin);
  for (int i = 0; i < 4; ++i) {
    type_login(h, i == 0 ? "LI NA" : "", "1111");
    CHECK(h.state().admin.login.refusal == kit::LoginRefusal::WrongPin);
  }
  type_login(h, "", "1111");
  CHECK(h.state().admin.login.refusal == kit::LoginRefusal::LockedOut);
  CHECK(h.state().admin.login.locked_minutes >= 5);  // more than 4 min, rounded up
  CHECK(h.state().admin.login.locked_minutes <= (StaffPolicy{}.lockout_ms + 59'999) / 60'000);
  type_login(h, "", "8642");  // even the right PIN, while locked
  CHECK(h.state().admin.login.refusal == kit::LoginRefusal::LockedOut);
  CHECK(h.state().screen == Screen::StaffLogin);

  h.wait_ms(h.app->role().config.timings.idle_quiet + h.app->role().config.timings.idle_countdown);
  CHECK(h.state().screen == Screen::Welcome);
  CHECK(h.state().admin.login.name.empty());
}

TEST_CASE(
    "Devices: the code shown enrols a device; the node's fingerprint; a device revoked on the screen is refused") {
  CustomerHarness h(customer::Language::En);
  add_staff(h, "Wang Fang", "2468");
  const Result<http_server::TlsIdentity> identity =  // as the kiosk's store node makes it on its first start
      http_server::load_or_create_tls_identity(http_server::node_tls_dir(h.store.dir.path()), "S1");
  REQUIRE(identity);
  DeviceBook book(*h.store.store, h.store.clock);
  const Result<EnrolCode> earlier = book.issue_code("Display hall");
  REQUIRE(earlier);
  const Result<Enrolment> display = book.enrol(earlier.value().code, DeviceKind::Display, "display");
  REQUIRE(display);

  hold(h, "staff.hold", 3000);
  type_login(h, "WANG FANG", "2468");
  REQUIRE(h.state().screen == Screen::Admin);
  h.tap("admin.devices");
  REQUIRE(h.state().screen == Screen::Devices);
  const customer::DevicesFlow& d = h.state().admin.devices;
  REQUIRE(d.read);
  CHECK(d.read->error.empty());
  CHECK(d.read->fingerprint == http::fingerprint_of_pin(identity.value().pin));
  REQUIRE(d.read->devices.size() == 1);
  CHECK(d.read->devices[0].name == "Display hall");
  CHECK(h.shows("devices.revoke." + display.value().device.id));

  h.tap("devices.enrol");
  REQUIRE(d.code);
  CHECK(d.code->code.size() == 6);
  CHECK(book.open_codes().value() == 1);
  const Result<Enrolment> counter = book.enrol(d.code->code, DeviceKind::Counter, "Counter 2");
  REQUIRE(counter);  // the code on the screen is the store's
  CHECK(counter.value().device.name == "Counter 2");

  h.tap("devices.revoke." + display.value().device.id);
  CHECK(h.shows("devices.revoke_yes"));
  CHECK(book.authenticate(display.value().token).ok());  // asked, not yet revoked
  h.tap("devices.revoke_cancel");
  CHECK(book.authenticate(display.value().token).ok());
  h.tap("devices.revoke." + display.value().device.id);
  h.tap("devices.revoke_yes");
  const Result<EnrolledDevice> refused = book.authenticate(display.value().token);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == "device-revoked");
  CHECK(book.authenticate(counter.value().token).ok());
  REQUIRE(d.read);
  CHECK(d.read->devices.size() == 2);  // the counter enrolled meanwhile, and the display, revoked
  CHECK_FALSE(h.shows("devices.revoke." + display.value().device.id));

  h.tap("back");
  CHECK(h.state().screen == Screen::Admin);
  CHECK_FALSE(h.state().admin.devices.code);
}
