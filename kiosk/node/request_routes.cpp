// Staff creating requests through the store node (see request_routes.h).
#include "node/request_routes.h"

#include "codec/request_form_json.h"
#include "codec/request_json.h"
#include "requests/request_book.h"
#include "requests/request_from_ticket.h"
#include "requests/request_validation.h"
#include "sync/public_page.h"

namespace kiosk::node {
namespace {

// The request, and what its receipt's QR code opens on a phone (null while
// the store knows no public address of HQ's).
Result<nlohmann::ordered_json> created(Database& db, Result<Request> request) {
  if (!request) return request.error();
  const std::string lookup_url = request_lookup_url(public_page_or_none(db), request.value().code);
  return nlohmann::ordered_json{
      {"request", to_json(request.value())},
      {"lookup_url", lookup_url.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(lookup_url)}};
}

}  // namespace

void add_request_routes(const AddRoute& add, const Clock& clock) {
  add("GET", "/api/v1/products", RouteAuth::Staff, [&clock](RouteContext& c) -> Result<nlohmann::ordered_json> {
    Result<std::vector<ProductCategory>> products = RequestBook(c.store, clock).products();
    if (!products) return products.error();
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const ProductCategory& p : products.value()) list.push_back(to_json(p));
    const EpochMs now = clock.now_ms();
    return nlohmann::ordered_json{{"products", list},
                                  {"today", c.store.zone().business_day(now)},
                                  {"last_visit_day", last_visit_day(c.store.zone(), now)}};
  });
  add("POST", "/api/v1/requests", RouteAuth::Staff, [&clock](RouteContext& c) {
    const JsonBody body(c.req.body);
    return created(c.store.db(), RequestBook(c.store, clock).create(request_form_from(body), c.session->staff_name));
  });
  add("POST", "/api/v1/tickets/([^/]{1,64})/request", RouteAuth::Staff, [&clock](RouteContext& c) {
    const JsonBody body(c.req.body);
    return created(c.store.db(), request_from_ticket(c.store, clock, c.req.matches[1], request_form_from(body),
                                                     c.session->staff_name));
  });
}

}  // namespace kiosk::node
