// RequestEffects: RequestBook and RequestLookup for the customer's screens.
#include "customer/request_effects.h"

#include <cstdio>

#include "core/store_time_zone.h"
#include "customer/printer_health.h"
#include "paper/request_receipt.h"
#include "requests/request_book.h"
#include "requests/request_lookup.h"
#include "requests/request_validation.h"
#include "sync/public_page.h"

namespace kiosk::customer {
namespace {

constexpr int kVisitDays = 14;  // the picker's days: two weeks (the store allows kMaxDaysAhead)
constexpr EpochMs kDayMs = 86'400'000;

std::string code_of(const Error& e) { return e.code.empty() ? "storage" : e.code; }

StatusView status_view(const RequestStatus& status, const std::vector<ProductCategory>& products,
                       const StoreTimeZone& zone) {
  StatusView view{status.code,
                  status.kind,
                  status.product,
                  status.product,
                  status.problem,
                  status.problem,
                  status.state,
                  status.scheduled_date,
                  status.scheduled_window,
                  {},
                  (status.state == RequestState::Done || status.state == RequestState::Closed) && !status.rated};
  for (const ProductCategory& p : products) {
    if (p.code != status.product) continue;
    view.product_zh = p.name_zh, view.product_en = p.name_en;
    for (const ProblemCategory& problem : p.problems)
      if (problem.code == status.problem) view.problem_zh = problem.name_zh, view.problem_en = problem.name_en;
  }
  for (const StatusStep& step : status.timeline)
    view.timeline.push_back(TimelineStep{step.state, zone.local_minute(step.at)});
  return view;
}

}  // namespace

std::vector<DayOption> visit_days(const StoreTimeZone& zone, EpochMs now, int count) {
  std::vector<DayOption> days;
  const EpochMs noon = zone.day_start(zone.business_day(now)) + kDayMs / 2;  // noon steps over daylight-saving shifts
  for (int i = 0; i < count; ++i) {
    const std::string date = zone.business_day(noon + i * kDayMs);
    days.push_back(DayOption{date, weekday_of(date)});
  }
  return days;
}

EpochMs wait_in_message(const std::string& message) {
  const std::string marker = "try again in ";
  const std::size_t at = message.find(marker);
  if (at == std::string::npos) return 0;
  return std::atol(message.c_str() + at + marker.size()) * 1000;
}

void RequestEffects::load_options() {
  RequestBook book(store_, clock_);
  Result<std::vector<ProductCategory>> products = book.products();
  if (!products)
    std::fprintf(stderr, "kiosk: cannot read the product catalogue: %s\n", products.error().message.c_str());
  post_(RequestOptionsLoaded{products ? products.value() : std::vector<ProductCategory>{},
                             visit_days(store_.zone(), clock_.now_ms(), kVisitDays)});
}

void RequestEffects::create(const CreateRequest& effect) {
  RequestBook book(store_, clock_);
  Result<Request> created = book.create(effect.form, "customer");
  if (!created) {
    std::fprintf(stderr, "kiosk: request not stored: %s\n", created.error().message.c_str());
    post_(RequestRefused{code_of(created.error())});
    return;
  }
  const Request& request = created.value();
  post_(RequestCreated{request.code, printer_.has_value()});
  if (!printer_) return;
  Result<std::vector<ProductCategory>> products = book.products();
  const printer::Receipt receipt =
      paper::request_receipt(request, products ? products.value() : std::vector<ProductCategory>{}, store_.store_id(),
                             texts_, request_lookup_url(public_page_or_none(store_.db()), request.code));
  const std::string failure = print_recorded(receipt, *printer_, store_, clock_.now_ms());
  if (!failure.empty())
    std::fprintf(stderr, "kiosk: receipt of %s not printed: %s\n", request.code.c_str(), failure.c_str());
  post_(RequestReceiptPrinted{failure.empty()});
}

void RequestEffects::look_up(const LookUpStatus& effect) {
  RequestLookup lookup(store_, clock_);
  Result<RequestStatus> status = lookup.status(effect.code, effect.last_four, "kiosk:" + store_.store_id());
  if (!status) {
    post_(RequestLookupRefused{code_of(status.error()), wait_in_message(status.error().message)});
    return;
  }
  Result<std::vector<ProductCategory>> products = RequestBook(store_, clock_).products();
  post_(RequestStatusFound{
      status_view(status.value(), products ? products.value() : std::vector<ProductCategory>{}, store_.zone())});
}

void RequestEffects::rate(const RateRequest& effect) {
  Result<RequestRating> rated =
      RequestBook(store_, clock_).rate(effect.code, effect.score, effect.reasons, "", RatedBy::CustomerKiosk);
  if (!rated) {
    post_(RequestRatingRefused{code_of(rated.error())});
    return;
  }
  post_(RequestRated{});
}

}  // namespace kiosk::customer
