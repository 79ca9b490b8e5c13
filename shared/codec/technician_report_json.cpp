// A technician's report read from a step's data (see technician_report_json.h).
#include "codec/technician_report_json.h"

#include "codec/api_json.h"
#include "core/random_id.h"
#include "requests/request_text.h"

namespace kiosk {
namespace {

constexpr std::size_t kMaxReasons = 16, kMaxReasonBytes = 32, kMaxCommentBytes = 1000;

void check(const TextField& field, const std::string& text) {
  if (std::optional<Error> problem = check_request_text(field, text)) throw BadRequest("bad-field", problem->message);
}

}  // namespace

std::optional<TechnicianReport> technician_report_from(const nlohmann::json& data, const std::string& where) {
  if (!data.is_object() || !data.contains("actor")) return std::nullopt;
  const JsonBody body(data, where);
  TechnicianReport report;
  report.actor = body.text("actor", 256);
  check(kRequestActor, report.actor);
  if (body.has("note")) {
    report.note = body.text("note", 4 * kRequestNote.max_chars);
    check(kRequestNote, report.note);
  }
  if (body.has("confirmed_by_customer")) {
    const nlohmann::json& confirmed = data["confirmed_by_customer"];
    if (!confirmed.is_boolean())
      throw BadRequest("bad-field", "field \"" + where + "confirmed_by_customer\" must be true or false");
    report.confirmed_by_customer = confirmed.get<bool>();
  }
  if (body.has("rating") && !data["rating"].is_null()) {
    const JsonBody rating(data["rating"], where + "rating.");
    RatingInput input{
        int(rating.integer("score", 1, 5)),
        rating.has("reasons") ? rating.texts("reasons", kMaxReasons, kMaxReasonBytes) : std::vector<std::string>{},
        rating.has("comment") ? rating.text("comment", kMaxCommentBytes) : std::string(), RatedBy::TechnicianDevice};
    if (std::optional<Error> problem = check_rating_input(input)) throw BadRequest("bad-field", problem->message);
    report.rating = std::move(input);
  }
  if (body.has("signature") && !is_uuid(body.text("signature", 36)))
    throw BadRequest("bad-field", "field \"" + where + "signature\" must be the UUID of a signature record");
  return report;
}

}  // namespace kiosk
