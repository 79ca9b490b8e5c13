// The calling display's worker (app/serial_worker.h): its one effect enrols
// the display with the node (remote/node_device.h); its idle work follows the store node's call events with a long poll
// (/events?after=SEQ&wait=S) and refreshes the waiting counts (/queue) after
// each poll, i.e. after every event and every few seconds. Each new event goes to `on_call` (the Announcer) and, as an
// action, to `post` (the UI's inbox); the UI never waits for the network. When the node cannot be reached it posts
// NodeUnreachable and retries with backoff (1 s, doubling, at most 10 s), continuing from the last seq seen: nothing
// missed, nothing doubled. Once following, it prints {"following": URL, "after_seq": N} on stdout.
// While the display is not enrolled it asks nothing; a call refused because of the device (not
// enrolled, revoked, a wrong server) posts kit::DeviceRefused and the follower waits for a new enrolment.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "app/serial_worker.h"
#include "core/clock.h"
#include "display/display_actions.h"
#include "remote/node_device.h"

namespace kiosk::display {

struct NodeFollowerConfig {
  std::string store_url;                           // "https://127.0.0.1:8700"
  std::string data_dir;                            // where the enrolment is kept
  std::optional<remote::NodeEnrolment> enrolment;  // as the display starts; nullopt: not enrolled
  int poll_wait_s = 4;                             // each long poll's wait, also the queue refresh period (the HTTP
                                                   // client drops a transfer silent for 5 s, so stay below that)
  EpochMs retry_min_ms = 1000;
  EpochMs retry_max_ms = 10000;
};

using Post = std::function<void(Action)>;
using OnCall = std::function<void(const CallEvent&)>;
using NodeFollower = app::SerialWorker<Effect>;

// Who the display is to the store node (kind "display", named "Display" unless the code's label names it).
remote::DeviceIdentity display_device(const NodeFollowerConfig& config);

// The runner a NodeFollower makes on its thread: one poll round each time it
// is idle. At start-up the calls already made (up to the board's five earlier
// ones) are posted as history: shown, never announced. A NodeFollower's
// destruction returns once the poll in progress has ended (at most
// poll_wait_s and a bit).
app::EffectRunner<Effect> follow_node(NodeFollowerConfig config, Post post, OnCall on_call);

}  // namespace kiosk::display
