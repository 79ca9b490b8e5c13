// A request's public status from HQ's rows (public_request_status.h).
#include "hq/public_request_status.h"

#include "codec/product_names.h"
#include "codec/request_json.h"
#include "ratings/rating_book.h"
#include "requests/request_rating.h"

namespace kiosk::hq {

RequestStatus public_request_status(const HqRequestRow& row, const std::vector<HqRequestStep>& steps, bool rated) {
  RequestStatus status;
  status.code = row.code;
  status.kind = request_kind_from(row.kind).value_or(RequestKind::Repair);
  status.product = row.product;
  status.problem = row.problem;
  status.scheduled_date = row.scheduled_date.value_or("");
  if (row.scheduled_window) status.scheduled_window = time_window_from(*row.scheduled_window);
  status.rated = rated;
  for (const HqRequestStep& step : steps)
    if (const std::optional<RequestState> state = request_state_from(step.state))
      status.timeline.push_back({*state, step.at});
  const std::optional<RequestState> current = request_state_from(row.state);
  const bool step_newer = !status.timeline.empty() && status.timeline.back().at > row.updated_at;
  if (current && !step_newer && (status.timeline.empty() || status.timeline.back().state != *current))
    status.timeline.push_back({*current, row.updated_at});
  status.state = status.timeline.empty() ? current.value_or(RequestState::Received) : status.timeline.back().state;
  return status;
}

nlohmann::ordered_json public_status_json(const RequestStatus& status, const std::vector<ProductCategory>& catalog) {
  nlohmann::ordered_json answer = to_json(status);
  ProductNames named = product_names(status.product, status.problem, catalog);
  answer["product"] = std::move(named.product);
  answer["problem"] = std::move(named.problem);
  answer["rated"] = status.rated;
  answer["rating_open"] = !status.rated && is_finished_for_rating(status.state);
  answer["reasons"] = rating_reason_codes();
  return answer;
}

}  // namespace kiosk::hq
