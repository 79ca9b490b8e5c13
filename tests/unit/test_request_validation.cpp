// Validation of the request form, field by field: emoji, a 5,000-character
// description, control characters, wrong phone formats, dates in the past in
// the store's time zone, the catalogue and consent. Each refusal names the
// field in a stable code and says what is wrong.
#include <doctest/doctest.h>

#include <string>

#include "requests/request_validation.h"
#include "store/product_catalog.h"
#include "support/test_store.h"

using namespace kiosk;
using kiosk::test::utc_ms;

namespace {

const char* kCatalog = R"(
{"problem":"not-cooling","zh":"不制冷","en":"Not cooling"}
{"problem":"broken-screen","zh":"屏幕损坏","en":"Broken screen"}
{"problem":"other","zh":"其他","en":"Other"}
{"problem":"install-new","zh":"新机安装","en":"New installation","kinds":["installation"]}
{"product":"air-conditioner","zh":"空调","en":"Air conditioners","problems":["not-cooling","other","install-new"]}
{"product":"phone","zh":"手机","en":"Mobile phones","problems":["broken-screen","other"]}
)";

const std::vector<ProductCategory>& catalog() {
  static const std::vector<ProductCategory> products = parse_product_catalog(kCatalog, "test").value();
  return products;
}

const StoreTimeZone& shanghai() {
  static const StoreTimeZone zone = StoreTimeZone::load("Asia/Shanghai").value();
  return zone;
}

// 2026-11-23 09:00 in Shanghai.
const EpochMs kNow = utc_ms(2026, 11, 23, 1, 0);

RequestForm form() {
  RequestForm f;
  f.product = "air-conditioner";
  f.problem = "not-cooling";
  f.description = "不制冷";
  f.contact_name = "Li Na";
  f.phone = "138-1234-5678";
  f.address = "1 Century Avenue";
  f.preferred_date = "2026-11-24";
  f.time_window = TimeWindow::Morning;
  f.consent = true;
  return f;
}

Error refusal(const RequestForm& f, const StoreTimeZone& zone = shanghai(), EpochMs now = kNow) {
  Result<Request> r = validate_request(f, catalog(), zone, now);
  REQUIRE_FALSE(r.ok());
  return r.error();
}

std::string repeat(const std::string& piece, int times) {
  std::string s;
  for (int i = 0; i < times; ++i) s += piece;
  return s;
}

}  // namespace

TEST_CASE("a good form becomes a request to store: phone as digits, consent time") {
  Result<Request> r = validate_request(form(), catalog(), shanghai(), kNow);
  REQUIRE(r.ok());
  CHECK(r.value().phone == "13812345678");
  CHECK(r.value().consent_at == kNow);
  CHECK(r.value().created_at == kNow);
  CHECK(r.value().description == "不制冷");
  RequestForm landline = form();
  landline.phone = "021 6888 1234";
  CHECK(validate_request(landline, catalog(), shanghai(), kNow).value().phone == "02168881234");
}

TEST_CASE("emoji and other characters the fonts cannot draw are refused by field") {
  RequestForm f = form();
  f.description = "空调坏了😡";
  Error e = refusal(f);
  CHECK(e.kind == ErrorKind::InvalidArgument);
  CHECK(e.code == "description-unsupported-character");
  CHECK(e.message == "the description contains a character the kiosk cannot show or print, such as an emoji (U+1F621)");
  f = form();
  f.contact_name = "Li \u2764\uFE0F";  // heart + variation selector
  CHECK(refusal(f).code == "name-unsupported-character");
  f = form();
  f.address = "Room 5\u200B";  // zero-width space
  CHECK(refusal(f).code == "address-unsupported-character");
  f = form();
  f.model = "\xEE\x80\x80";  // private use U+E000
  CHECK(refusal(f).code == "model-unsupported-character");
  f = form();
  f.description = "Ni hǎo, 维修：空调（客厅）￥300 — “急”";  // pinyin tones and CJK/full-width punctuation pass
  CHECK(validate_request(f, catalog(), shanghai(), kNow).ok());
}

TEST_CASE("a 5,000-character description is refused with its length; 500 characters pass") {
  RequestForm f = form();
  f.description = repeat("修", 5000);
  const Error e = refusal(f);
  CHECK(e.code == "description-too-long");
  CHECK(e.message == "the description is 5000 characters long; at most 500 are allowed");
  f.description = repeat("修", 500);
  CHECK(validate_request(f, catalog(), shanghai(), kNow).ok());
  f.contact_name = repeat("a", 41);
  CHECK(refusal(f).code == "name-too-long");
  f = form();
  f.address = repeat("路", 121);
  CHECK(refusal(f).code == "address-too-long");
}

TEST_CASE("control characters and broken UTF-8 are refused; a newline only in the description") {
  RequestForm f = form();
  f.contact_name = "Li\x07Na";
  Error e = refusal(f);
  CHECK(e.code == "name-control-character");
  CHECK(e.message == "the contact name contains a control character (U+0007)");
  f.contact_name = "Li\nNa";
  CHECK(refusal(f).code == "name-control-character");
  f = form();
  f.address = "Road\t1";
  CHECK(refusal(f).code == "address-control-character");
  f = form();
  f.description = "first line\nsecond line";
  CHECK(validate_request(f, catalog(), shanghai(), kNow).ok());
  f.description = "bad \xC2\x85 next line";  // U+0085
  CHECK(refusal(f).code == "description-control-character");
  f.description = "bad \xFF byte";
  CHECK(refusal(f).code == "description-not-utf8");
  f = form();
  f.contact_name = "";
  CHECK(refusal(f).code == "name-empty");
  f = form();
  f.serial = "SN 01";
  CHECK(refusal(f).code == "serial-character");
}

TEST_CASE("wrong phone formats are refused with the format's reason") {
  const std::vector<std::pair<std::string, std::string>> cases{{"", "phone-empty"},
                                                               {"12345", "phone-format"},
                                                               {"1381234567", "phone-format"},
                                                               {"23812345678", "phone-format"},
                                                               {"12812345678", "phone-format"},
                                                               {"138123456789", "phone-format"},
                                                               {"138abc45678", "phone-not-digits"},
                                                               {"+8613812345678", "phone-not-digits"},
                                                               {"0012345678", "phone-format"}};
  for (const auto& [typed, code] : cases) {
    CAPTURE(typed);
    RequestForm f = form();
    f.phone = typed;
    CHECK(refusal(f).code == code);
  }
}

TEST_CASE("dates in the store's time zone: no visit in the past, no purchase in the future") {
  RequestForm f = form();
  f.preferred_date = "2026-11-22";
  Error e = refusal(f);
  CHECK(e.code == "preferred-date-past");
  CHECK(e.message == "the preferred date 2026-11-22 is in the past (today is 2026-11-23)");
  f.preferred_date = "2026-11-23";  // today, 09:00: the morning window is still open
  CHECK(validate_request(f, catalog(), shanghai(), kNow).ok());
  const EpochMs one_pm = utc_ms(2026, 11, 23, 5, 0);
  CHECK(refusal(f, shanghai(), one_pm).code == "preferred-window-past");
  f.time_window = TimeWindow::Afternoon;
  CHECK(validate_request(f, catalog(), shanghai(), one_pm).ok());
  f.preferred_date = "2027-01-23";  // 61 days ahead
  CHECK(refusal(f).code == "preferred-date-too-far");
  f.preferred_date = "2026-02-30";
  CHECK(refusal(f).code == "preferred-date-format");
  f.preferred_date = "";
  CHECK(refusal(f).code == "preferred-date-empty");
  f = form();
  f.time_window.reset();
  CHECK(refusal(f).code == "preferred-window-empty");
  f = form();
  f.purchase_date = "2026-11-24";
  CHECK(refusal(f).code == "purchase-date-future");
  f.purchase_date = "24/11/2026";
  CHECK(refusal(f).code == "purchase-date-format");

  // 03:00 UTC is 11:00 on the 23rd in Shanghai but 22:00 on the 22nd in New York.
  const StoreTimeZone new_york = StoreTimeZone::load("America/New_York").value();
  const EpochMs t = utc_ms(2026, 11, 23, 3, 0);
  f = form();
  f.preferred_date = "2026-11-22";
  f.time_window = TimeWindow::Evening;
  CHECK(refusal(f, shanghai(), t).code == "preferred-date-past");
  CHECK(refusal(f, new_york, t).code == "preferred-window-past");  // today there, but 18-21 is over
  f.preferred_date = "2026-11-23";
  f.time_window = TimeWindow::Morning;
  CHECK(validate_request(f, catalog(), new_york, t).ok());  // tomorrow there
}

TEST_CASE("catalogue, on-site rules and consent") {
  RequestForm f = form();
  f.product = "spaceship";
  CHECK(refusal(f).code == "unknown-product");
  f = form();
  f.problem = "broken-screen";  // a phone's problem, not an air conditioner's
  Error e = refusal(f);
  CHECK(e.code == "unknown-problem");
  CHECK(e.message == "\"broken-screen\" is not a problem category of Air conditioners");
  f = form();
  f.kind = RequestKind::Installation;  // with a repair's problem ("not cooling")
  CHECK(refusal(f).code == "problem-not-for-kind");
  f.problem = "install-new";
  CHECK(validate_request(f, catalog(), shanghai(), kNow).ok());
  f.kind = RequestKind::Repair;  // and the other way round
  CHECK(refusal(f).code == "problem-not-for-kind");
  f = form();
  f.kind = RequestKind::Installation;
  f.problem = "install-new";
  f.on_site = false;
  CHECK(refusal(f).code == "installation-on-site");
  f = form();
  f.on_site = false;  // a drop-off repair has no visit
  CHECK(refusal(f).code == "not-on-site");
  f.address.clear();
  f.preferred_date.clear();
  f.time_window.reset();
  CHECK(validate_request(f, catalog(), shanghai(), kNow).ok());
  f = form();
  f.address.clear();
  CHECK(refusal(f).code == "address-empty");
  f = form();
  f.consent = false;
  e = refusal(f);
  CHECK(e.kind == ErrorKind::Refused);
  CHECK(e.code == "consent-required");
}
