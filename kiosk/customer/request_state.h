// The customer's repair / installation request and "check my request" as the
// UI thread holds them: the form step by step, the text keyboard with its
// pinyin composition (a mirror of the IME worker's), and the status lookup.
// Plain data; only customer_reducer changes it.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/ime_types.h"
#include "core/clock.h"
#include "model/request_model.h"

namespace kiosk::customer {

// Model: the model and serial number (optional); Details: the purchase date
// (optional) and the urgency.
enum class FormStep { Kind, Product, Problem, Model, Details, Description, Contact, Address, When, Consent, Review };
constexpr int kFormSteps = 11;

// What the text keyboard types into, and how.
enum class TextTarget { Description, Name, Address, Model, Serial };

// A model or serial number (KFR-35GW/BpR3DN1): capital letters, digits, '-' and '/'.
inline bool is_code_field(TextTarget target) { return target == TextTarget::Model || target == TextTarget::Serial; }
enum class KeyLayout { Pinyin, Letters };

using app::CandidateView;
using app::ImeView;

// A day the visit picker offers (the worker lists them in the store's zone).
struct DayOption {
  std::string date;  // YYYY-MM-DD
  int weekday = 0;   // 0 Sunday .. 6 Saturday
};

struct RequestDraft {
  std::optional<RequestKind> kind;
  std::string product;
  std::string problem;
  std::string description;
  std::string name;
  std::string phone;  // accepted digits, shown masked
  std::string address;
  std::string date;
  std::optional<TimeWindow> window;
  bool consent = false;
  std::string model;
  std::string serial;
  std::string purchase_date;  // YYYY-MM-DD or empty (not known)
  Urgency urgency = Urgency::Normal;
};

enum class ReceiptStatus { ScreenOnly, Printing, Printed, Failed };

struct RequestFlow {
  FormStep step = FormStep::Kind;
  RequestDraft draft;
  TextTarget target = TextTarget::Description;
  KeyLayout layout = KeyLayout::Pinyin;
  bool phone_pad_open = false;
  std::string phone_typed;
  std::string phone_error;
  bool options_loaded = false;  // the catalogue and days have arrived (the catalogue may be empty)
  std::vector<ProductCategory> products;
  std::vector<DayOption> days;
  std::string error;  // error code of the last refusal, shown on its step
  bool submitting = false;
  bool confirming_leave = false;  // "Leave the request?" is asked in the step's place
  // Once stored:
  std::string code;
  ReceiptStatus receipt = ReceiptStatus::ScreenOnly;
};

struct TimelineStep {
  RequestState state = RequestState::Received;
  std::string local_time;  // "2026-11-23 14:05" in the store's zone
};

// "Check my request" as the customer sees it: no name, phone or address.
struct StatusView {
  std::string code;
  RequestKind kind = RequestKind::Repair;
  std::string product_zh, product_en;
  std::string problem_zh, problem_en;
  RequestState state = RequestState::Received;
  std::string scheduled_date;
  std::optional<TimeWindow> scheduled_window;
  std::vector<TimelineStep> timeline;  // oldest first
  bool ratable = false;                // done or closed and not rated yet: "Rate this job" is offered
};

// Rating a finished request from its status screen: five faces and reasons.
struct RequestRateFlow {
  std::string code;  // the request being rated
  int score = 0;     // 1..5 once a face is tapped
  std::set<std::string> reasons;
  std::string error;  // code of the last refusal ("already-rated"...)
  bool busy = false;  // the rating is being saved
};

struct CheckFlow {
  std::string code_typed;
  std::string last_four;
  bool typing_digits = false;  // the pad types the last four digits, else the code
  std::string error;
  EpochMs retry_at = 0;  // slowed down: no lookup before this
  bool busy = false;
  std::optional<StatusView> status;
};

}  // namespace kiosk::customer
