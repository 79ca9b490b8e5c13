// Bad input through RequestBook::create on a real store: emoji, a
// 5,000-character description, control characters, wrong phone formats and
// dates in the past each get a clear message, and nothing is stored: no
// request, no event, no outbox row.
#include <doctest/doctest.h>

#include <functional>

#include "test_requests_fixture.h"

using namespace kiosk;
using kiosk::test::RequestStore;
using kiosk::test::valid_form;

TEST_CASE("bad input: a clear message and nothing stored") {
  RequestStore s;
  struct Case {
    const char* what;
    std::function<void(RequestForm&)> spoil;
    const char* code;
    const char* message;
  };
  const std::vector<Case> cases{
      {"emoji", [](RequestForm& f) { f.description = "漏水了💧💧"; }, "description-unsupported-character",
       "the description contains a character the kiosk cannot show or print, such as an emoji (U+1F4A7)"},
      {"5,000 characters", [](RequestForm& f) { f.description = std::string(5000, 'x'); }, "description-too-long",
       "the description is 5000 characters long; at most 500 are allowed"},
      {"control character", [](RequestForm& f) { f.contact_name = "Wang\x1b[2J"; }, "name-control-character",
       "the contact name contains a control character (U+001B)"},
      {"phone too short", [](RequestForm& f) { f.phone = "1381234"; }, "phone-format",
       "not a Chinese mobile (11 digits, 1[3-9]...) or landline (0 + area code + 7-8 digits) number"},
      {"phone with letters", [](RequestForm& f) { f.phone = "138-CALL-ME"; }, "phone-not-digits",
       "a phone number has only digits"},
      {"past date", [](RequestForm& f) { f.preferred_date = "2026-11-01"; }, "preferred-date-past",
       "the preferred date 2026-11-01 is in the past (today is 2026-11-23)"},
      {"future purchase", [](RequestForm& f) { f.purchase_date = "2027-01-01"; }, "purchase-date-future",
       "the purchase date 2027-01-01 is in the future"},
      {"no consent", [](RequestForm& f) { f.consent = false; }, "consent-required",
       "the customer has not agreed to the privacy notice"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    RequestForm form = valid_form();
    c.spoil(form);
    const Result<Request> created = s.book.create(form, "customer");
    REQUIRE_FALSE(created.ok());
    CHECK(created.error().code == c.code);
    CHECK(created.error().message == c.message);
  }
  CHECK(s.rows("request") == 0);
  CHECK(s.rows("request_event") == 0);
  CHECK(s.rows("outbox WHERE kind IN ('request', 'request_event')") == 0);

  CHECK(s.book.create(valid_form(), "").error().code == "actor-empty");
  REQUIRE(s.book.create(valid_form(), "customer").ok());  // the same store still takes a good one
  CHECK(s.rows("request") == 1);
  CHECK(s.rows("request_event") == 1);
  CHECK(s.rows("outbox WHERE kind IN ('request', 'request_event')") == 2);
}

TEST_CASE("a request is stored whole: every field reads back as given") {
  RequestStore s;
  const Request created = s.book.create(valid_form(), "customer").value();
  const Request r = s.book.find(created.code).value();
  CHECK(r.id == created.id);
  CHECK(r.kind == RequestKind::Repair);
  CHECK(r.product == "air-conditioner");
  CHECK(r.model == "KFR-35GW");
  CHECK(r.serial == "SN-2024/0001");
  CHECK(r.purchase_date == "2024-06-01");
  CHECK(r.problem == "not-cooling");
  CHECK(r.description == "客厅空调不制冷，外机有异响");
  CHECK(r.contact_name == "王小明");
  CHECK(r.phone == "13812345678");
  CHECK(r.on_site);
  CHECK(r.address == "上海市浦东新区世纪大道100号 8楼");
  CHECK(r.preferred_date == "2026-11-24");
  CHECK(r.time_window == TimeWindow::Afternoon);
  CHECK(r.urgency == Urgency::Normal);
  CHECK(r.consent_at == s.clock.now_ms());
  CHECK(r.created_at == s.clock.now_ms());
  CHECK(r.version == 1);
  CHECK_FALSE(r.closed_at.has_value());
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].actor == "customer");
}
