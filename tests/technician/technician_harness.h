// The technician's tablet as the headless tests drive it
// (support/role_harness.h): the real reducer, worker, sync thread and screens
// on a real technician.db (tablet_fixture.h), the sync thread talking to the
// scripted HQ and, unless a test sets `sync_options` otherwise, running a
// round only when "Sync now" is tapped (a step's nudge waits an hour), so
// each test says when HQ is heard.
#pragma once

#include <functional>
#include <string>

#include "support/role_harness.h"
#include "tablet_fixture.h"
#include "technician/technician_app.h"

namespace kiosk::test {

class TechnicianHarness : public TabletFixture, public RoleHarness<technician::TechnicianApp> {
 public:
  TechnicianHarness();

  // Starts the tablet's app on the file as the test left it.
  void start_app(technician::Language language = technician::Language::Zh);
  // Types this name and PIN on the login screen and submits.
  void log_in(const std::string& name = kTechnicianName, const std::string& pin = kPin);
  // Taps "Sync now" and lets its round report (and what it asks read).
  void sync_now();
  // A finger drawing a zigzag across the signature pad on screen, then lifted.
  void sign_on_pad();
  // Draws and takes answers until `done` (the sync thread's included), at most 5 s.
  void wait_until(const std::function<bool()>& done);
  const technician::TechnicianState& state() const { return app->state(); }

  FieldSyncWorkerOptions sync_options;  // start_app() gives them to the sync thread
};

}  // namespace kiosk::test
