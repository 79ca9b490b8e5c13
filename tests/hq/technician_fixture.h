// A real hq with store S1 syncing to it (`kioskctl sync`) and a technician of
// S1 (made at HQ) with a tablet token: the ground the technician tests stand
// on (test_technician_feed, test_technician_day).
#pragma once

#include <string>
#include <vector>

#include "hq/hq_fixture.h"

namespace kiosk::test {

struct TechnicianField {
  HqFixture hq;
  std::string store;  // S1's data directory
  std::string technician, tablet;

  TechnicianField();
  // A staff member of S1 made at HQ; their id.
  std::string staff(const std::string& name, const std::string& role);
  // A tablet for `staff_id` (hq device add --technician); its token.
  std::string tablet_of(const std::string& staff_id);
  // A home visit the day after tomorrow, uploaded and given to `to` at HQ.
  std::string assigned_request(const std::string& to);
  void sync();  // the store's round; required to go through
  // The feed as `token` reads it from the start, every kind or one kind.
  Json changes(const std::string& token);
  std::vector<Json> of_kind(const std::string& token, const std::string& kind);
  // One command from a device, with `data`; HQ's whole answer.
  HqAnswer step(const std::string& token, const std::string& code, const std::string& action, int from_version,
                const Json& data);
  Json on_store(const std::string& code);  // kioskctl request show
};

}  // namespace kiosk::test
