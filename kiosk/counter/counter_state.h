// Everything the counter console knows at one moment, owned by the UI thread.
// Screens read it; only counter_reducer changes it. Plain data, no behaviour.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/ime_types.h"
#include "app/language.h"
#include "app/link_status.h"
#include "core/clock.h"
#include "kit/device_enrolment.h"
#include "kit/staff_login_form.h"
#include "model/request_model.h"

namespace kiosk::counter {

using app::Language;

enum class Screen { Login, OpenCounter, Console, Request };
// A choice the console asks for before acting: how a visit ended, where to
// transfer it, why the counter pauses.
enum class Picker { None, Outcome, Transfer, PauseReason };

// One service of GET /queue.
struct ServiceLine {
  std::string code;
  std::string name_zh;
  std::string name_en;
  int waiting = 0;
  int counters_open = 0;
  std::optional<int> estimated_wait_min;  // nullopt: no open counter calls it now
  int wait_target_min = 0;
  std::optional<int> longest_wait_min{};  // the longest-waiting ticket so far; nullopt: nobody waits
};

// This console's counter as /queue (or a counter action) reports it.
struct CounterLine {
  std::string state;  // "open", "paused", "closed"
  std::string pause_reason;
  std::vector<std::string> services;
};

// The ticket in hand at this counter.
struct TicketLine {
  std::string id;
  std::string label;
  std::string service;
  std::string state;  // "called", "serving"
  int recalls = 0;
  bool priority = false;  // elderly, disabled, pregnant: the clerk should know at once
};

// A sentence for the staff: a translation key and the values for its "{}".
struct Message {
  std::string key;
  std::string value;
  std::string value2;
  bool empty() const { return key.empty(); }
};

using app::LinkStatus;

// The text fields of the staff's request form (typed on the physical keyboard).
enum class RequestField { Model, Serial, Description, Name, Phone, Address };
constexpr int kRequestFields = 6;

// The paper for the customer of a request just created at the counter.
enum class ReceiptState { NoPrinter, Printing, Printed, Failed };

// A repair or installation request logged by staff for a customer: a walk-in
// ("New request") or the ticket just finished with the outcome "request".
struct StaffRequest {
  RequestForm form;
  std::string ticket_id;  // the finished ticket it comes from, or empty
  std::string ticket_label;
  int page =
      0;  // 0 product (kind, product, problem), 1 details (model, serial, purchase, urgency), 2 customer, 3 visit
  RequestField focus = RequestField::Model;
  bool options_loaded = false;  // GET /products answered
  std::vector<ProductCategory> products;
  std::string today;                               // the store's business day
  std::string last_visit_day;                      // the last day a visit may be asked for
  bool busy = false;                               // on its way to the node
  std::string error_code;                          // the node's refusal (a validation code such as "phone-format")
  std::string error_message;                       // its English message, for codes without a translation
  std::string created_code;                        // once stored: the code to give the customer; the form is cleared
  ReceiptState receipt = ReceiptState::NoPrinter;  // of the request just created
};

struct CounterState {
  kit::DeviceEnrolment device;  // not enrolled or a wrong server: an enrol screen instead of `screen`
  Screen screen = Screen::Login;
  Language language = Language::Zh;
  kit::StaffLoginForm login;  // the staff login (kit/staff_login_form.h)
  std::string staff_name;     // empty: nobody logged in
  std::vector<ServiceLine> services;
  std::optional<CounterLine> counter;  // nullopt until /queue answered
  std::set<std::string> chosen;        // services toggled on the open-counter screen
  std::optional<TicketLine> ticket;
  std::vector<TicketLine> reprints;
  Picker picker = Picker::None;
  bool busy = false;  // a counter action is on its way: further presses do nothing
  Message error;      // the last refusal, in plain words
  Message note;       // what the last action did ("A001 finished")
  LinkStatus link;
  EpochMs queue_loaded_at = 0;
  bool queue_loading = false;
  StaffRequest request;
  app::ImeView ime;           // the request form's pinyin composition
  bool typing_pinyin = true;  // the layout for name, description and address (else letters)
  bool screen_keys = false;   // the on-screen keys under the focused field (a touch counter)
};

// Timings of the console (milliseconds).
struct CounterTimings {
  EpochMs queue_refresh = 3'000;
  EpochMs first_retry = 1'000;  // then doubled after each failure...
  EpochMs max_retry = 10'000;   // ...up to this
};

}  // namespace kiosk::counter
