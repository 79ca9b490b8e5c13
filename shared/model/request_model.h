// Plain structs of repair and installation requests: what a customer asks for,
// the request as stored with its lifecycle state and version, the events of
// its history, and the product / problem catalogue the form offers. Names of
// the enums as stored and printed; no behaviour beyond naming.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"

namespace kiosk {

enum class RequestKind { Repair, Installation };

enum class RequestState {
  Received,
  Assigned,
  Scheduled,
  OnTheWay,
  OnSite,
  WaitingForParts,
  Done,
  Closed,
  Cancelled,
  Reopened
};

enum class Urgency { Normal, Urgent };

// Preferred visit windows in the store's local time: morning 09-12,
// afternoon 12-18, evening 18-21.
enum class TimeWindow { Morning, Afternoon, Evening };

// A problem a product can have ("no-power": 无法开机 / Won't power on), or
// for an installation what kind of job it is ("install-new": 新机安装). The
// form offers it for the kinds of request it is for.
struct ProblemCategory {
  std::string code;
  std::string name_zh;
  std::string name_en;
  bool for_repair = true;
  bool for_installation = false;
};

// A product category of the catalogue with the problems the form offers for it.
struct ProductCategory {
  std::string code;  // "air-conditioner"
  std::string name_zh;
  std::string name_en;
  std::vector<ProblemCategory> problems;  // in display order
};

// What the customer (or staff on their behalf) typed, before validation.
struct RequestForm {
  RequestKind kind = RequestKind::Repair;
  std::string product;        // product category code
  std::string model;          // optional
  std::string serial;         // optional
  std::string purchase_date;  // optional, YYYY-MM-DD
  std::string problem;        // problem category code, one of the product's
  std::string description;    // optional free text
  std::string contact_name;
  std::string phone;                      // as typed; stored as digits
  bool on_site = true;                    // a technician visits; installation always does
  std::string address;                    // required on site
  std::string preferred_date;             // required on site, YYYY-MM-DD in the store's time zone
  std::optional<TimeWindow> time_window;  // required on site
  Urgency urgency = Urgency::Normal;
  bool consent = false;  // the customer agreed to the privacy notice (PIPL)
};

// One change of a request's state, kept for good.
struct RequestEvent {
  std::string id;     // UUID (travels to HQ)
  std::string actor;  // who made the change: "customer", "kioskctl", a staff name
  EpochMs at = 0;
  std::optional<RequestState> from;  // none for the request's creation
  RequestState to = RequestState::Received;
  std::string note;
  int version = 1;  // the request's version after this change
};

struct Request {
  std::string id;    // UUID, stable across devices
  std::string code;  // what the customer holds: "R7K2-9QX"
  RequestKind kind = RequestKind::Repair;
  std::string product;
  std::string model;
  std::string serial;
  std::string purchase_date;
  std::string problem;
  std::string description;
  std::string contact_name;
  std::string phone;  // digits; shown only masked
  bool on_site = true;
  std::string address;
  std::string preferred_date;
  std::optional<TimeWindow> time_window;
  Urgency urgency = Urgency::Normal;
  EpochMs consent_at = 0;
  RequestState state = RequestState::Received;
  int version = 1;             // grows with every state change (HQ commands carry it)
  std::string assignee;        // the technician, once assigned
  std::string scheduled_date;  // once scheduled
  std::optional<TimeWindow> scheduled_window;
  EpochMs created_at = 0;
  EpochMs updated_at = 0;
  std::optional<EpochMs> closed_at;  // when it last became closed or cancelled
  std::optional<EpochMs> purged_at;  // personal fields erased (privacy purge)
  std::vector<RequestEvent> events;  // oldest first (filled where asked for)
};

const char* to_string(RequestKind kind);
const char* to_string(RequestState state);
const char* to_string(Urgency urgency);
const char* to_string(TimeWindow window);
std::optional<RequestKind> request_kind_from(const std::string& name);
std::optional<RequestState> request_state_from(const std::string& name);
std::optional<Urgency> urgency_from(const std::string& name);
std::optional<TimeWindow> time_window_from(const std::string& name);

// "received, assigned, ..." for messages listing what is accepted.
std::string request_state_names();

// The catalogue as the form offers it for one kind of request: a problem for
// that kind, a product with at least one, and its problems for that kind.
bool offered_for(const ProblemCategory& problem, RequestKind kind);
bool offered_for(const ProductCategory& product, RequestKind kind);
std::vector<ProblemCategory> problems_for(const ProductCategory& product, RequestKind kind);

// Local hours [start, end) of a window.
int window_start_hour(TimeWindow window);
int window_end_hour(TimeWindow window);

}  // namespace kiosk
