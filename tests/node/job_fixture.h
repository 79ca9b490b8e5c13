// A store node with technicians and their jobs (the scheduled purge's tests):
// the default product catalogue, technicians "Zhang" (PIN 3690) and "Zhao"
// (PIN 4812) beside the counter staff of NodeFixture, and requests moved along
// by a dispatcher.
#pragma once

#include <string>

#include "node/node_fixture.h"
#include "requests/request_book.h"

namespace kiosk::test {

struct JobNode : NodeFixture {
  JobNode();
  // A new on-site request (of `contact`, phone `phone`), assigned to
  // `technician` and moved on to `state` (assigned, on-the-way, on-site...).
  Request job(const std::string& technician, RequestState state = RequestState::Assigned,
              const std::string& phone = "13812345678");
  // A single value of SQL, as text ("null" for NULL).
  std::string sql_text(const std::string& sql);

  RequestBook book{*store.store, store.clock};
};

}  // namespace kiosk::test
