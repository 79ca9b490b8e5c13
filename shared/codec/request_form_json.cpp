// Reading and writing a request form as JSON (see request_form_json.h).
#include "codec/request_form_json.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "requests/request_validation.h"

namespace kiosk {
namespace {

// Text may be up to 4 UTF-8 bytes a character: a longer value cannot be
// valid, so it is refused by size before the validator counts characters.
constexpr std::size_t kBytesPerChar = 4;
constexpr std::size_t kCodeBytes = 64;   // catalogue codes, enum names, dates
constexpr std::size_t kPhoneBytes = 32;  // digits with spaces or dashes

constexpr std::array<std::string_view, 15> kFields{
    "kind",  "product", "model",   "serial",         "purchase_date", "problem", "description", "contact_name",
    "phone", "on_site", "address", "preferred_date", "time_window",   "urgency", "consent"};

std::string optional_text(const JsonBody& body, const char* field, std::size_t max_bytes) {
  return body.has(field) ? body.text(field, max_bytes) : std::string();
}

bool optional_flag(const JsonBody& body, const char* field, bool fallback) {
  if (!body.has(field)) return fallback;
  const nlohmann::json& value = body.json().at(field);
  if (!value.is_boolean()) throw BadRequest("bad-field", std::string("field \"") + field + "\" must be true or false");
  return value.get<bool>();
}

// An enum field by name: `fallback` when absent, else one of `names`.
template <class E>
std::optional<E> optional_name(const JsonBody& body, const char* field, std::optional<E> (*from)(const std::string&),
                               const char* names, std::optional<E> fallback) {
  if (!body.has(field)) return fallback;
  const std::string name = body.text(field, kCodeBytes);
  std::optional<E> value = from(name);
  if (!value) throw BadRequest("bad-field", std::string("field \"") + field + "\" must be one of " + names);
  return value;
}

}  // namespace

RequestForm request_form_from(const JsonBody& body) {
  for (const auto& [name, value] : body.json().items())
    if (std::find(kFields.begin(), kFields.end(), name) == kFields.end())
      throw BadRequest("unknown-field", "no field \"" + name + "\" in a request form");
  RequestForm form;
  form.kind =
      *optional_name(body, "kind", request_kind_from, "repair, installation", std::optional(RequestKind::Repair));
  form.product = body.text("product", kCodeBytes);
  form.problem = body.text("problem", kCodeBytes);
  form.model = optional_text(body, "model", kMaxModelChars * kBytesPerChar);
  form.serial = optional_text(body, "serial", kMaxSerialChars * kBytesPerChar);
  form.purchase_date = optional_text(body, "purchase_date", kCodeBytes);
  form.description = optional_text(body, "description", kMaxDescriptionChars * kBytesPerChar);
  form.contact_name = body.text("contact_name", kMaxNameChars * kBytesPerChar);
  form.phone = optional_text(body, "phone", kPhoneBytes);
  form.on_site = optional_flag(body, "on_site", true);
  form.address = optional_text(body, "address", kMaxAddressChars * kBytesPerChar);
  form.preferred_date = optional_text(body, "preferred_date", kCodeBytes);
  form.time_window =
      optional_name(body, "time_window", time_window_from, "morning, afternoon, evening", std::optional<TimeWindow>());
  form.urgency = *optional_name(body, "urgency", urgency_from, "normal, urgent", std::optional(Urgency::Normal));
  form.consent = optional_flag(body, "consent", false);
  return form;
}

nlohmann::ordered_json request_form_json(const RequestForm& form) {
  nlohmann::ordered_json j{{"kind", to_string(form.kind)}, {"product", form.product}, {"problem", form.problem}};
  auto optional = [&](const char* field, const std::string& value) {
    if (!value.empty()) j[field] = value;
  };
  optional("model", form.model);
  optional("serial", form.serial);
  optional("purchase_date", form.purchase_date);
  optional("description", form.description);
  j["contact_name"] = form.contact_name;
  optional("phone", form.phone);  // none: the ticket's, where one is turned into a request
  j["on_site"] = form.on_site;
  optional("address", form.address);
  optional("preferred_date", form.preferred_date);
  if (form.time_window) j["time_window"] = to_string(*form.time_window);
  j["urgency"] = to_string(form.urgency);
  j["consent"] = form.consent;
  return j;
}

}  // namespace kiosk
