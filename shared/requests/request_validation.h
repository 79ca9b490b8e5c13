// Validation of a request form, field by field, before anything is stored:
// the catalogue (product, and a problem offered for that product), text rules
// (request_text.h), the phone (Chinese mobile or landline), dates in the
// store's time zone (a purchase not in the future; a preferred visit from
// now to kMaxDaysAhead days ahead, its window not over yet) and consent.
// Pure: the catalogue, zone and time are passed in.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "core/store_time_zone.h"
#include "model/request_model.h"
#include "requests/request_text.h"

namespace kiosk {

constexpr int kMaxDaysAhead = 60;  // how far ahead a visit may be asked for
constexpr std::size_t kMaxDescriptionChars = 500;
constexpr std::size_t kMaxNameChars = 40;
constexpr std::size_t kMaxAddressChars = 120;
constexpr std::size_t kMaxModelChars = 40;
constexpr std::size_t kMaxSerialChars = 40;
constexpr std::size_t kMaxNoteChars = 500;  // a transition's note (4 bytes a character at most: HQ's 2000 bytes)

// The form's text fields with their limits (request_text.h). Forms check
// typing with these and restate the limits from them, never from a copy.
extern const TextField kModelField;
extern const TextField kSerialField;
extern const TextField kDescriptionField;
extern const TextField kNameField;
extern const TextField kAddressField;
extern const TextField kNoteField;  // a transition's note, on any device

// The last day a visit may be asked for or scheduled on, in the store's zone.
std::string last_visit_day(const StoreTimeZone& zone, EpochMs now);

// The serial number's characters: letters A-Z, digits, '-' and '/' ("serial-character").
std::optional<Error> check_serial_characters(const std::string& serial);
// An optional purchase date: empty, or YYYY-MM-DD not after `today`
// ("purchase-date-format", "purchase-date-future").
std::optional<Error> check_purchase_date(const std::string& date, const std::string& today);

// The number a refusal's message states, as text: a field's character limit
// for "<field>-too-long", kMaxDaysAhead for "preferred-date-too-far",
// kMobileDigits for "phone-format"; "" for codes that state none.
std::string error_limit(const std::string& code);

// The request as it will be stored (phone as digits, consent_at = now), all
// but its id, code, state and version; or the first problem found, an
// InvalidArgument error (Refused "consent-required" without consent) whose
// code names the field: "description-too-long", "phone-format",
// "preferred-date-past", "unknown-problem"...
Result<Request> validate_request(const RequestForm& form, const std::vector<ProductCategory>& catalog,
                                 const StoreTimeZone& zone, EpochMs now);

// The date and window of a visit, asked for or scheduled: a date from today to
// kMaxDaysAhead days ahead, today only while the window is not over. `field`
// ("preferred", "scheduled") starts the error codes: "preferred-date-past",
// "scheduled-window-empty"...
std::optional<Error> check_visit_date(const std::string& field, const std::string& date,
                                      std::optional<TimeWindow> window, const StoreTimeZone& zone, EpochMs now);

}  // namespace kiosk
