// What the display tests share: the real translations, a store node fixture
// that can be stopped and started again on its port, counters calling through
// the API, and pumping a DisplayApp like the frame loop until a condition holds.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "display/display_app.h"
#include "node/node_fixture.h"
#include "support/kiosk_texts.h"

namespace kiosk::test {

std::string node_url(const NodeFixture& node);
// Stops the node's server and starts a new one on the same port and store.
void restart_node(NodeFixture& node);

// A counter's call through the API; returns the ticket label called. The
// counter's previous ticket (if any) is finished first.
std::string call_next(ApiClient& counter_client, int counter);

// Calls app.update() every few ms until `done` holds; false after `limit`.
bool pump_until(display::DisplayApp& app, const std::function<bool()>& done,
                std::chrono::milliseconds limit = std::chrono::seconds(20));

// The display as the fixture's enrolled device (its enrolment file goes to `data_dir`), polling fast.
display::DisplayAppConfig fast_config(const NodeFixture& node, const std::string& data_dir);

}  // namespace kiosk::test
