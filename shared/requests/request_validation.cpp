// Field checks of a request form (see request_validation.h), in the order the
// form asks for them, so the first message names the first wrong field.
#include "requests/request_validation.h"

#include <algorithm>

#include "core/phone.h"
#include "requests/request_text.h"

namespace kiosk {

const TextField kModelField{"model", "the model", kMaxModelChars};
const TextField kSerialField{"serial", "the serial number", kMaxSerialChars};
const TextField kDescriptionField{"description", "the description", kMaxDescriptionChars, false, true};
const TextField kNameField{"name", "the contact name", kMaxNameChars, true};
const TextField kAddressField{"address", "the address", kMaxAddressChars, true};

namespace {

constexpr EpochMs kDayMs = 86'400'000;

std::optional<Error> check_catalog(const RequestForm& form, const std::vector<ProductCategory>& catalog) {
  const auto product =
      std::find_if(catalog.begin(), catalog.end(), [&](const ProductCategory& p) { return p.code == form.product; });
  if (product == catalog.end())
    return invalid_argument("unknown product category \"" + form.product + "\"", "unknown-product");
  const auto& problems = product->problems;
  const auto problem =
      std::find_if(problems.begin(), problems.end(), [&](const ProblemCategory& p) { return p.code == form.problem; });
  if (problem == problems.end())
    return invalid_argument("\"" + form.problem + "\" is not a problem category of " + product->name_en,
                            "unknown-problem");
  if (!offered_for(*problem, form.kind))
    return invalid_argument("\"" + form.problem + "\" is not offered for " + to_string(form.kind) + " requests",
                            "problem-not-for-kind");
  return std::nullopt;
}

// The local hour of `now` in the store ("YYYY-MM-DD HH:MM").
int local_hour(const StoreTimeZone& zone, EpochMs now) { return std::stoi(zone.local_minute(now).substr(11, 2)); }

std::optional<Error> check_visit(const RequestForm& form, const StoreTimeZone& zone, EpochMs now) {
  if (!form.on_site) {
    if (!form.address.empty() || !form.preferred_date.empty() || form.time_window)
      return invalid_argument("an address, visit date and time window are only for on-site work", "not-on-site");
    return std::nullopt;
  }
  if (auto problem = check_request_text(kAddressField, form.address)) return problem;
  return check_visit_date("preferred", form.preferred_date, form.time_window, zone, now);
}

}  // namespace

std::optional<Error> check_visit_date(const std::string& field, const std::string& date,
                                      std::optional<TimeWindow> window, const StoreTimeZone& zone, EpochMs now) {
  auto wrong = [&](const std::string& problem, const std::string& message) {
    return invalid_argument("the " + field + " " + message, field + "-" + problem);
  };
  if (date.empty()) return wrong("date-empty", "date is missing (on-site work needs one)");
  if (!is_calendar_date(date)) return wrong("date-format", "date must be a date written YYYY-MM-DD");
  const std::string today = zone.business_day(now);
  if (date < today) return wrong("date-past", "date " + date + " is in the past (today is " + today + ")");
  const std::string last = zone.business_day(now + kMaxDaysAhead * kDayMs);
  if (date > last)
    return wrong("date-too-far",
                 "date may be at most " + std::to_string(kMaxDaysAhead) + " days ahead (until " + last + ")");
  if (!window) return wrong("window-empty", "time window is missing (morning, afternoon or evening)");
  if (date == today && local_hour(zone, now) >= window_end_hour(*window))
    return wrong("window-past",
                 std::string("time window is today's ") + to_string(*window) + ", which is already over");
  return std::nullopt;
}

std::optional<Error> check_serial_characters(const std::string& serial) {
  for (char c : serial)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '/'))
      return invalid_argument("the serial number may hold only letters A-Z, digits, '-' and '/'", "serial-character");
  return std::nullopt;
}

std::optional<Error> check_purchase_date(const std::string& date, const std::string& today) {
  if (date.empty()) return std::nullopt;
  if (!is_calendar_date(date))
    return invalid_argument("the purchase date must be a date written YYYY-MM-DD", "purchase-date-format");
  if (date > today) return invalid_argument("the purchase date " + date + " is in the future", "purchase-date-future");
  return std::nullopt;
}

std::string error_limit(const std::string& code) {
  for (const TextField* field : {&kModelField, &kSerialField, &kDescriptionField, &kNameField, &kAddressField})
    if (code == std::string(field->code) + "-too-long") return std::to_string(field->max_chars);
  if (code == "preferred-date-too-far") return std::to_string(kMaxDaysAhead);
  if (code == "phone-format" || code == "phone-not-mobile") return std::to_string(kMobileDigits);
  return {};
}

Result<Request> validate_request(const RequestForm& form, const std::vector<ProductCategory>& catalog,
                                 const StoreTimeZone& zone, EpochMs now) {
  if (form.kind == RequestKind::Installation && !form.on_site)
    return invalid_argument("an installation is always done on site", "installation-on-site");
  if (auto problem = check_catalog(form, catalog)) return *problem;
  if (auto problem = check_request_text(kModelField, form.model)) return *problem;
  if (auto problem = check_request_text(kSerialField, form.serial)) return *problem;
  if (auto problem = check_serial_characters(form.serial)) return *problem;
  if (auto problem = check_purchase_date(form.purchase_date, zone.business_day(now))) return *problem;
  if (auto problem = check_request_text(kDescriptionField, form.description)) return *problem;
  if (auto problem = check_request_text(kNameField, form.contact_name)) return *problem;
  Result<std::string> phone = normalize_phone(form.phone);
  if (!phone) return phone.error();
  if (auto problem = check_visit(form, zone, now)) return *problem;
  if (!form.consent) return refused("the customer has not agreed to the privacy notice", "consent-required");

  Request r;
  r.kind = form.kind;
  r.product = form.product;
  r.model = form.model;
  r.serial = form.serial;
  r.purchase_date = form.purchase_date;
  r.problem = form.problem;
  r.description = form.description;
  r.contact_name = form.contact_name;
  r.phone = phone.value();
  r.on_site = form.on_site;
  r.address = form.address;
  r.preferred_date = form.preferred_date;
  r.time_window = form.time_window;
  r.urgency = form.urgency;
  r.consent_at = now;
  r.created_at = now;
  r.updated_at = now;
  return r;
}

std::string last_visit_day(const StoreTimeZone& zone, EpochMs now) {
  return zone.business_day(now + kMaxDaysAhead * 86'400'000LL);
}

}  // namespace kiosk
