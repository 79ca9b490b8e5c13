// A sync round: upload the outbox in batches, then follow HQ's change feed.
// HQ's answers are checked before anything is believed: an answer that is not
// the protocol's JSON counts as a transport failure.
#include "sync/sync_session.h"

#include <algorithm>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "sync/gzip.h"

namespace kiosk {
namespace {

using json = nlohmann::ordered_json;

bool is_int(const nlohmann::json& body, const char* field) {
  return body.is_object() && body.contains(field) && body[field].is_number_integer();
}

// The English error HQ gave ("401 revoked-device: ..."), or the status alone.
std::string hq_error_text(long status, const nlohmann::json& body) {
  std::string text = "HQ answered " + std::to_string(status);
  if (body.is_object() && body.contains("error") && body["error"].is_object()) {
    const nlohmann::json& e = body["error"];
    if (e.contains("code") && e["code"].is_string()) text += " " + e["code"].get<std::string>();
    if (e.contains("message") && e["message"].is_string()) text += ": " + e["message"].get<std::string>();
  }
  return text;
}

}  // namespace

std::chrono::milliseconds backoff_delay(int attempt, std::optional<long> retry_after_s, const SyncOptions& options,
                                        std::mt19937_64& random) {
  const int doublings = std::clamp(attempt, 0, 30);
  const std::int64_t ceiling = std::min<std::int64_t>(options.backoff_cap.count(),
                                                      options.backoff_base.count() * (std::int64_t(1) << doublings));
  std::uniform_int_distribution<std::int64_t> pick(0, std::max<std::int64_t>(ceiling, 0));
  std::int64_t wait = pick(random);
  if (retry_after_s) wait = std::max<std::int64_t>(wait, std::clamp<long>(*retry_after_s, 0, 86400) * 1000);
  return std::chrono::milliseconds(wait);
}

struct SyncSession::Answer {
  bool ok = false;
  long status = 0;
  nlohmann::json body;
};

SyncSession::SyncSession(StoreDb& store, const Clock& clock, SyncTransport& transport, SyncOptions options, Sleep sleep,
                         HealthProbe* health)
    : store_(store),
      clock_(clock),
      transport_(transport),
      options_(options),
      sleep_(sleep ? std::move(sleep) : Sleep([](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); })),
      sync_(store, clock),
      commands_(store, clock),
      own_health_(health ? std::nullopt : std::make_optional<HealthProbe>(store, clock)),
      health_(health ? *health : *own_health_),
      random_(std::random_device{}()) {}

SyncSession::Answer SyncSession::request(const std::function<Result<TransportResponse>()>& send,
                                         SyncRoundReport& report) {
  std::optional<Error> error;
  std::optional<long> retry_after;
  for (int attempt = 0; attempt < options_.attempts; ++attempt) {
    const EpochMs sent_at = clock_.now_ms();
    Result<TransportResponse> response = send();
    const EpochMs received_at = clock_.now_ms();
    ++report.requests;
    retry_after.reset();
    if (!response) {
      error = response.error();
    } else {
      const TransportResponse& r = response.value();
      report.bytes_received += std::int64_t(r.body.size());
      report.wire_bytes += r.wire_bytes;
      const nlohmann::json body = nlohmann::json::parse(r.body, nullptr, /*allow_exceptions=*/false);
      if (r.status == 200) {
        if (body.is_object() && is_int(body, "hq_time")) {
          report.clock_offset_ms = body["hq_time"].get<std::int64_t>() - (sent_at + received_at) / 2;
          return Answer{true, 200, body};
        }
        error = unavailable("HQ answered 200 with a body that is not the protocol's JSON", "bad-answer");
      } else if (r.status == 429 || (r.status >= 500 && r.status != 501)) {
        error = unavailable(hq_error_text(r.status, body), "hq-busy");
        retry_after = r.retry_after_s;
      } else {
        report.refused = r.status == 401 || r.status == 403;
        report.error = refused(hq_error_text(r.status, body), "hq-refused");
        report.retry_after_s = r.retry_after_s;
        return Answer{false, r.status, body};
      }
    }
    if (attempt + 1 == options_.attempts) break;
    const std::chrono::milliseconds wait = backoff_delay(attempt, retry_after, options_, random_);
    if (wait > options_.longest_wait_in_round) break;
    sleep_(wait);
  }
  report.error = error;
  report.retry_after_s = retry_after;
  return Answer{};
}

Result<SyncSession::Batch> SyncSession::build_batch(const std::string& incarnation, std::int64_t after, int limit) {
  Result<std::vector<OutboxRecord>> pending = sync_.pending(limit, after);
  if (!pending) return pending.error();
  std::vector<OutboxRecord>& records = pending.value();
  Batch batch;
  if (records.empty()) return batch;
  batch.first = records.front().seq;
  batch.last = records.back().seq;
  json list = json::array();
  for (OutboxRecord& r : records)
    list.push_back(json{{"seq", r.seq},
                        {"kind", std::move(r.kind)},
                        {"id", std::move(r.id)},
                        {"revision", r.seq},
                        {"store", store_.store_id()},
                        {"data", std::move(r.data)}});
  const json body{{"incarnation", incarnation},
                  {"batch", incarnation + ":" + std::to_string(batch.first) + "-" + std::to_string(batch.last)},
                  {"records", std::move(list)}};
  batch.gzip = gzip_compress(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return batch;
}

// Batches go one at a time, in order; while one is on the wire (and HQ
// applies it) the next is read and compressed. Acknowledgements are written
// every few batches and at the end: one lost to a crash only means HQ is
// sent those records again, which it ignores.
bool SyncSession::upload(SyncRoundReport& report) {
  Result<SyncStatus> status = sync_.status();
  if (!status) {
    report.error = status.error();
    return false;
  }
  const std::string incarnation = status.value().incarnation;
  int limit = std::max(1, options_.batch_records);
  std::int64_t after = status.value().acked_through, acked_unsaved = 0, parked_unsaved = 0;
  int unsaved_batches = 0;
  const auto save_acks = [&]() -> bool {
    if (unsaved_batches == 0) return true;
    Result<Done> done = sync_.acknowledge(acked_unsaved, parked_unsaved);
    if (!done) report.error = done.error();
    unsaved_batches = 0;
    parked_unsaved = 0;
    return done.ok();
  };
  Result<Batch> next = build_batch(incarnation, after, limit);
  while (next && !next.value().empty()) {
    const Batch batch = std::move(next).value();
    std::future<Answer> in_flight = std::async(std::launch::async, [&] {
      return request(
          [&] {
            report.bytes_sent += std::int64_t(batch.gzip.size());
            return transport_.post_gzip_json("/sync/v1/upload", batch.gzip, headers_);
          },
          report);
    });
    next = build_batch(incarnation, batch.last, limit);
    const Answer answer = in_flight.get();
    if (!answer.ok) {
      if (answer.status == 413 && limit > 1) {
        limit /= 2;  // too large for HQ: smaller batches, from the same place
        report.error.reset();
        next = build_batch(incarnation, after, limit);
        continue;
      }
      save_acks();
      return false;
    }
    if (!is_int(answer.body, "acked_through") || !answer.body.contains("parked") || !answer.body["parked"].is_array()) {
      report.error = unavailable("HQ's upload answer lacks acked_through or parked", "bad-answer");
      save_acks();
      return false;
    }
    const std::int64_t acked = answer.body["acked_through"].get<std::int64_t>();
    if (acked < batch.last) {
      // HQ holds less than it was just sent: it lost earlier records (a
      // restored backup) or is not speaking this protocol. Never skip ahead.
      report.error = refused("HQ acknowledged only through seq " + std::to_string(acked) + " after receiving seqs " +
                                 std::to_string(batch.first) + "-" + std::to_string(batch.last) +
                                 "; it may have lost earlier records",
                             "hq-gap");
      save_acks();
      return false;
    }
    for (const nlohmann::json& p : answer.body["parked"])
      if (p.is_object() && is_int(p, "seq") && p["seq"].get<std::int64_t>() >= batch.first) {
        ++parked_unsaved;
        ++report.parked;
      }
    // HQ may acknowledge beyond this batch (an earlier, larger batch whose
    // answer was lost): only what this outbox holds.
    acked_unsaved = std::min(acked, batch.last);
    report.uploaded += batch.last - batch.first + 1;
    after = batch.last;
    if (++unsaved_batches == kBatchesPerAcknowledgement && !save_acks()) return false;
  }
  if (!next) {
    report.error = next.error();
    save_acks();
    return false;
  }
  return save_acks();
}

// Each body carries the oldest undecided command of each request; a
// request's next one goes in the next body, once HQ decided the one before.
bool SyncSession::send_commands(SyncRoundReport& report) {
  for (int body_count = 0; body_count < options_.max_command_bodies; ++body_count) {
    Result<std::vector<OutgoingCommand>> next = commands_.next(options_.commands_per_body);
    if (!next) {
      report.error = next.error();
      return false;
    }
    if (next.value().empty()) return true;
    json list = json::array();
    for (const OutgoingCommand& c : next.value())
      list.push_back(json{{"id", c.id},
                          {"store", store_.store_id()},
                          {"request", c.request_code},
                          {"action", c.action},
                          {"from_version", c.from_version},
                          {"at", c.at},
                          {"data", json{{"from", c.from_state}}}});
    const std::string compressed = gzip_compress(json{{"commands", std::move(list)}}.dump());
    const Answer answer = request(
        [&] {
          report.bytes_sent += std::int64_t(compressed.size());
          return transport_.post_gzip_json("/sync/v1/commands", compressed, headers_);
        },
        report);
    if (!answer.ok) return false;
    if (!answer.body.contains("results") || !answer.body["results"].is_array()) {
      report.error = unavailable("HQ's commands answer lacks results", "bad-answer");
      return false;
    }
    Result<CommandTally> tally = commands_.record(answer.body["results"]);
    if (!tally) {
      report.error = tally.error();
      return false;
    }
    report.commands += tally.value().decided;
    report.commands_refused += tally.value().refused;
    if (tally.value().decided == 0) return true;  // the rest wait for their requests to reach HQ
  }
  return true;
}

bool SyncSession::follow_changes(SyncRoundReport& report) {
  Result<SyncStatus> status = sync_.status();
  if (!status) {
    report.error = status.error();
    return false;
  }
  std::int64_t after = status.value().changes_after;
  for (int page = 0; page < options_.max_change_pages; ++page) {
    const std::string path =
        "/sync/v1/changes?after=" + std::to_string(after) + "&limit=" + std::to_string(options_.change_page);
    const Answer answer = request([&] { return transport_.get(path, headers_); }, report);
    if (!answer.ok) return false;
    const nlohmann::json& body = answer.body;
    if (!body.contains("changes") || !body["changes"].is_array() || !is_int(body, "last_seq") ||
        !body.contains("more") || !body["more"].is_boolean() || body["last_seq"].get<std::int64_t>() < after) {
      report.error = unavailable("HQ's change feed answer is not the protocol's JSON", "bad-answer");
      return false;
    }
    std::int64_t previous = after;
    for (const nlohmann::json& change : body["changes"]) {
      if (!is_int(change, "seq") || change["seq"].get<std::int64_t>() <= previous ||
          change["seq"].get<std::int64_t>() > body["last_seq"].get<std::int64_t>()) {
        report.error = unavailable("HQ's change feed is out of order", "bad-answer");
        return false;
      }
      previous = change["seq"].get<std::int64_t>();
    }
    Result<std::int64_t> applied = sync_.apply_changes(body["changes"], body["last_seq"].get<std::int64_t>());
    if (!applied) {
      report.error = applied.error();
      return false;
    }
    report.changes += applied.value();
    after = body["last_seq"].get<std::int64_t>();
    if (!body["more"].get<bool>()) return true;
  }
  report.error = unavailable(
      "HQ's change feed did not end within " + std::to_string(options_.max_change_pages) + " pages", "bad-answer");
  return false;
}

// The report is read once, when the round starts: the outbox as it stood
// before this round's upload. A store that cannot read it syncs without.
void SyncSession::read_health(SyncRoundReport& report) {
  headers_.clear();
  Result<HealthReport> health = health_.read();
  if (!health) return;
  std::string encoded = encode_health(health.value());
  report.health_bytes = std::int64_t(encoded.size());
  headers_.push_back(HeaderField{kHealthHeader, std::move(encoded)});
}

SyncRoundReport SyncSession::run_round() {
  SyncRoundReport report;
  Result<SyncConfig> config = sync_.config();
  if (!config) {
    report.error = config.error();
    return report;
  }
  if (!config.value().configured()) {
    report.error =
        invalid_argument("this store has no HQ configured (kioskctl hq set --url URL --token TOKEN)", "not-configured");
    return report;
  }
  read_health(report);
  // Records first, so HQ knows the requests the commands are about; then the
  // feed, which carries HQ's decisions. HQ's request status, once taken, is a
  // change of this store's own: sent in the same round (no request when the
  // feed wrote nothing to the outbox).
  const bool went_through = upload(report) && send_commands(report) && follow_changes(report) && upload(report);
  if (Result<SyncStatus> status = sync_.status()) report.pending = status.value().pending;
  const Result<CommandCounts> commands = commands_.counts();
  report.complete = went_through && report.pending == 0 && commands && commands.value().waiting == 0;
  const std::string error = report.error ? report.error->message : std::string();
  (void)sync_.record_round(report.complete, error, report.clock_offset_ms);
  return report;
}

}  // namespace kiosk
