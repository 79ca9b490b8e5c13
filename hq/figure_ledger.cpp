// Ledgers of a store's day and service, and their sums (figure_ledger.h).
#include "hq/figure_ledger.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/comma_list.h"
#include "core/store_time_zone.h"
#include "queue/wait_histogram.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::json;

template <class T>
json or_null(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

template <class T>
std::optional<T> read_optional(const json& value) {
  if (value.is_null()) return std::nullopt;
  return value.get<T>();
}

std::string join_reasons(const std::vector<std::string>& reasons) {
  std::string text;
  for (const std::string& r : reasons) text += (text.empty() ? "" : ",") + r;
  return text;
}

}  // namespace

std::string encode_ledger(const Ledger& ledger) {
  json object = json::object();
  for (const auto& [id, e] : ledger)
    object[id] = json::array({e.revision, e.times.issued_at, or_null(e.times.called_at), or_null(e.times.started_at),
                              or_null(e.times.finished_at), to_string(e.times.state),
                              e.times.continues_transfer ? 1 : 0, or_null(e.counter),
                              or_null(e.times.estimated_wait_min), or_null(e.score), join_reasons(e.reasons)});
  return object.dump();
}

std::optional<Ledger> decode_ledger(std::string_view text, const std::string& service) {
  try {
    const json object = json::parse(text);
    if (!object.is_object()) return std::nullopt;
    Ledger ledger;
    for (const auto& [id, a] : object.items()) {
      if (!a.is_array() || a.size() != 11) return std::nullopt;
      LedgerEntry e;
      e.revision = a[0].get<std::int64_t>();
      e.times.service_code = service;
      e.times.issued_at = a[1].get<EpochMs>();
      e.times.called_at = read_optional<EpochMs>(a[2]);
      e.times.started_at = read_optional<EpochMs>(a[3]);
      e.times.finished_at = read_optional<EpochMs>(a[4]);
      e.times.state = ticket_state_from(a[5].get<std::string>()).value_or(TicketState::Cancelled);
      e.times.continues_transfer = a[6].get<int>() != 0;
      e.counter = read_optional<int>(a[7]);
      e.times.estimated_wait_min = read_optional<int>(a[8]);
      e.score = read_optional<int>(a[9]);
      e.reasons = split_comma_list(a[10].get<std::string>());
      ledger.emplace(id, std::move(e));
    }
    return ledger;
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

bool merge_ticket(Ledger& ledger, const std::string& ticket_id, LedgerEntry entry) {
  const auto found = ledger.find(ticket_id);
  if (found == ledger.end()) {
    ledger.emplace(ticket_id, std::move(entry));
    return true;
  }
  if (found->second.revision >= entry.revision) return false;
  entry.score = found->second.score;
  entry.reasons = std::move(found->second.reasons);
  found->second = std::move(entry);
  return true;
}

bool attach_rating(Ledger& ledger, const RatingFact& rating) {
  const auto found = ledger.find(rating.ticket_id);
  if (found == ledger.end()) return false;
  if (found->second.score == rating.score && found->second.reasons == rating.reasons) return false;
  found->second.score = rating.score;
  found->second.reasons = rating.reasons;
  return true;
}

FigureSums& FigureSums::operator+=(const FigureSums& other) {
  stats += other.stats;
  ratings += other.ratings;
  add_counts(wait_bins, other.wait_bins);
  add_counts(arrivals, other.arrivals);
  return *this;
}

FigureSums& FigureSums::operator-=(const FigureSums& other) {
  stats -= other.stats;
  ratings -= other.ratings;
  add_counts(wait_bins, other.wait_bins, -1);
  add_counts(arrivals, other.arrivals, -1);
  return *this;
}

FigureSums figure_sums(const Ledger& ledger, int target_s, const std::string& day, EpochMs day_start) {
  FigureSums sums;
  const int weekday = std::max(0, weekday_of(day));
  for (const auto& [id, e] : ledger) {
    add_ticket(sums.stats, e.times, target_s);
    if (const std::optional<std::int64_t> wait = visit_wait_ms(e.times)) ++sums.wait_bins[wait_bin(*wait)];
    if (!e.times.continues_transfer) {
      const auto hour = std::clamp<std::int64_t>((e.times.issued_at - day_start) / 3'600'000, 0, 23);
      ++sums.arrivals[weekday * 24 + int(hour)];
    }
    if (e.score) sums.ratings.add(*e.score, e.reasons);
  }
  return sums;
}

}  // namespace kiosk::hq
