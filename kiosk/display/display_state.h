// The calling display's state, owned by the UI thread: the calls it has seen
// (newest first), the waiting count per service, whether the store node can
// be reached, and the language shown first. Only ticket labels, counters and
// counts: nothing personal ever gets in here (see node_json.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/language.h"
#include "core/clock.h"
#include "core/store_time_zone.h"
#include "kit/device_enrolment.h"

namespace kiosk::display {

// One call or recall as the store node's /events tells it, or the early end
// of a call (a no-show, a transfer: the ticket leaves the board).
struct CallEvent {
  long long seq = 0;
  bool recall = false;
  std::string ticket;   // "A012"
  std::string service;  // "A"
  int counter = 0;
  EpochMs at = 0;  // when the counter called (the node's clock)
  bool ends_call = false;
};

// A call on the board: the event, and when this display received it live
// (0 for calls replayed at start-up, which are listed but never highlighted).
struct BoardCall {
  CallEvent event;
  EpochMs arrived_at = 0;
};

struct ServiceCount {
  std::string code;
  std::string name_zh;
  std::string name_en;
  int waiting = 0;
};

enum class Connection { Connecting, Online, Offline };

// zh / en: that language first, the other beside it; both: the first language
// alternates (DisplayTimings::language_turn).
enum class LanguageChoice { Zh, En, Both };

struct DisplayTimings {
  EpochMs highlight = 8000;       // a new call stands out this long
  EpochMs blink_period = 500;     // while highlighted, its card blinks with this half-period
  EpochMs language_turn = 10000;  // --lang both: how long each language leads
};

// The board keeps the current call and the five before it.
constexpr std::size_t kEarlierCalls = 5;
constexpr std::size_t kKeptCalls = 1 + kEarlierCalls;

struct DisplayState {
  kit::DeviceEnrolment device;   // not enrolled or a wrong server: an enrol screen instead of the board
  std::vector<BoardCall> calls;  // newest first; one entry per ticket (its latest call)
  long long last_seq = 0;        // the newest event applied; older or equal ones are ignored
  std::vector<ServiceCount> services;
  bool queue_loaded = false;
  bool history_loaded = false;  // the calls made before start-up have been replayed
  Connection connection = Connection::Connecting;
  EpochMs offline_since = 0;
  LanguageChoice language = LanguageChoice::Zh;
  EpochMs started_at = 0;
  std::optional<StoreTimeZone> zone;  // the store's, from /queue: the board's clock shows its time
};

}  // namespace kiosk::display
