// Fuzzes the bodies HQ's browser pages send beyond JsonBody's fields
// (fuzz_api_json): the admin's follow-up settings, a dispatcher's recorded
// call, an article the admin saves in the console, and a phone's rating of
// a request. Each reader answers a value its rules accept or an error
// (BadRequest, or a Result's error), never anything else.
#include "codec/api_json.h"
#include "fuzz_input.h"
#include "hq/followup_api.h"
#include "hq/followup_settings.h"
#include "hq/public_request_api.h"
#include "kb/kb_article.h"

namespace {

void read_followup_settings(const kiosk::JsonBody& body) {
  const kiosk::Result<kiosk::hq::FollowupSettings> settings = kiosk::hq::followup_settings_from(body.json());
  if (!settings) kiosk::fuzz::require(!settings.error().message.empty(), "a settings refusal without words");
}

void read_followup_call(const kiosk::JsonBody& body) {
  try {
    const kiosk::hq::FollowupCall call = kiosk::hq::followup_call_from("F1", body);
    kiosk::fuzz::require(!call.score || (*call.score >= 1 && *call.score <= 5), "a call's score out of 1-5");
  } catch (const kiosk::BadRequest&) {
  }
}

void read_article(const kiosk::JsonBody& body) {
  const kiosk::Result<kiosk::KbArticle> article = kiosk::parse_kb_article(body.json());
  if (article) kiosk::fuzz::require(!article.value().id.empty(), "an article without an id");
}

void read_phone_rating(const kiosk::JsonBody& body) {
  try {
    const kiosk::RatingInput rating = kiosk::hq::phone_rating_from(body);
    if (!kiosk::check_rating_input(rating))
      kiosk::fuzz::require(rating.score >= 1 && rating.score <= 5, "a rating accepted with its score out of 1-5");
  } catch (const kiosk::BadRequest&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const kiosk::JsonBody body(kiosk::fuzz::input_text(data, size));
    read_followup_settings(body);
    read_followup_call(body);
    read_article(body);
    read_phone_rating(body);
  } catch (const kiosk::BadRequest&) {
  }
  return 0;
}
