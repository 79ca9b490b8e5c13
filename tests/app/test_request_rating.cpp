// "Rate this job" at the customer kiosk, through the real screens, worker and
// store: a done request found by code + last four offers it, five faces and
// reasons store one rating by the customer kiosk (then the thank-you screen);
// an open request does not offer it; a request rated meanwhile on the
// technician's device is told kindly and stores nothing more.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "customer_harness.h"
#include "requests/request_book.h"
#include "staff/staff_book.h"
#include "store/product_catalog.h"

using namespace kiosk;
using customer::Screen;
using kiosk::test::CustomerHarness;
using S = RequestState;

namespace {

// A request of the store moved along to `state` by the office and a technician.
Request request_in(CustomerHarness& k, S state) {
  const std::string products =
      (std::filesystem::path(test::default_catalog_path()).parent_path() / "products-default.jsonl").string();
  {
    Transaction tx(k.store.store->db());
    store_product_catalog(k.store.store->db(), read_product_catalog_file(products).value());
    tx.commit();
  }
  SystemClock clock;
  StaffPolicy cheap;
  cheap.pin_cost = PinHashCost::fastest_for_tests();
  REQUIRE(StaffBook(*k.store.store, clock, cheap).add("Zhang", "3690", StaffRole::Technician).ok());
  RequestForm form;
  form.product = "air-conditioner";
  form.problem = "not-cooling";
  form.contact_name = "张伟";
  form.phone = "13812345678";
  form.address = "中山路88号";
  form.preferred_date = k.store.store->zone().business_day(k.now + 86'400'000);
  form.time_window = TimeWindow::Afternoon;
  form.consent = true;
  RequestBook book(*k.store.store, clock);
  Request r = book.create(form, "customer").value();
  for (S step : {S::Assigned, S::OnTheWay, S::OnSite, S::Done}) {
    if (r.state == state) break;
    TransitionRequest t;
    t.code = r.code;
    t.to = step;
    t.actor = "Zhang";
    if (step == S::Assigned) t.assignee = "Zhang";
    r = book.transition(t).value();
  }
  REQUIRE(r.state == state);
  return r;
}

void look_up(CustomerHarness& k, const Request& r) {
  k.tap("welcome.check");
  k.tap("check.code");
  for (char c : r.code)
    if (c != '-') k.tap(std::string("ck.") + c);
  k.tap("check.digits");
  for (char c : std::string("5678")) k.tap(std::string("ck.") + c);
  k.tap("check.find");
  REQUIRE(k.state().screen == Screen::CheckResult);
}

std::string rating_row(CustomerHarness& k) {
  Statement& q = k.store.store->db().prepare(
      "SELECT count(*), coalesce(group_concat(score || ' ' || reasons || ' ' || rated_by), '') FROM request_rating");
  q.step();
  const std::string row = std::to_string(q.int64(0)) + ":" + q.text(1);
  q.reset();
  return row;
}

}  // namespace

TEST_CASE("a done request found at the kiosk is rated once with faces and reasons") {
  CustomerHarness k;
  const Request r = request_in(k, S::Done);
  look_up(k, r);
  REQUIRE(k.shows("check.rate"));
  // The catalogue's names arrived after the atlas was seeded: the status screen grew it.
  const long fallbacks = k.ui.fonts().fallback_glyphs_drawn();
  k.tap("check.rate");
  REQUIRE(k.state().screen == Screen::RateRequest);
  k.tap("rate.submit");  // no face yet: nothing is sent
  CHECK(rating_row(k) == "0:");
  k.tap("score.5");
  k.tap("reason.fast");
  k.tap("reason.solved");
  k.tap("rate.submit");
  CHECK(k.state().screen == Screen::RateThanks);
  CHECK(rating_row(k) == "1:5 fast,solved customer-kiosk");
  CHECK(k.ui.fonts().fallback_glyphs_drawn() == fallbacks);

  k.tap("thanks.done");
  look_up(k, r);  // rated: no longer offered
  CHECK_FALSE(k.shows("check.rate"));
}

TEST_CASE("an open request offers no rating") {
  CustomerHarness k(customer::Language::En);
  const Request r = request_in(k, S::OnSite);
  look_up(k, r);
  CHECK_FALSE(k.shows("check.rate"));
  k.app->dispatch(customer::OpenRequestRating{}, k.now += 1000);
  CHECK(k.state().screen == Screen::CheckResult);
}

TEST_CASE("a job rated on the technician's device meanwhile is told kindly; nothing more is stored") {
  CustomerHarness k;
  const Request r = request_in(k, S::Done);
  look_up(k, r);
  k.tap("check.rate");
  SystemClock clock;
  REQUIRE(RequestBook(*k.store.store, clock).rate(r.code, 4, {}, "", RatedBy::TechnicianDevice).ok());
  k.tap("score.2");
  k.tap("rate.submit");
  CHECK(k.state().screen == Screen::RateRequest);
  CHECK(k.state().request_rate.error == "already-rated");
  CHECK(rating_row(k) == "1:4  technician-device");
  k.tap("rate.submit");  // refused for good: nothing is sent again
  CHECK(rating_row(k) == "1:4  technician-device");
}
