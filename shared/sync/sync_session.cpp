// A sync round: upload the outbox in batches, then follow HQ's change feed.
// HQ's answers are checked before anything is believed (HqCaller: an answer
// that is not the protocol's JSON counts as a transport failure; here: what
// each answer must hold).
#include "sync/sync_session.h"

#include <algorithm>
#include <future>
#include <nlohmann/json.hpp>

#include "sync/gzip.h"

namespace kiosk {
namespace {

using json = nlohmann::ordered_json;

}  // namespace

SyncSession::SyncSession(StoreDb& store, const Clock& clock, SyncTransport& transport, SyncOptions options, Sleep sleep,
                         HealthProbe* health)
    : store_(store),
      clock_(clock),
      options_(options),
      caller_(transport, clock, options, std::move(sleep)),
      sync_(store, clock),
      commands_(store, clock),
      own_health_(health ? std::nullopt : std::make_optional<HealthProbe>(store, clock)),
      health_(health ? *health : *own_health_) {}

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
// sent those records again, which it ignores. On a full or read-only disk
// the upload goes on and the acknowledgements wait, tried again with each
// batch: those that are never written are received again next round.
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
  std::optional<Error> unsaved_because;  // the disk refused the acknowledgements
  const auto save_acks = [&]() -> bool {
    if (unsaved_batches == 0) return true;
    Result<Done> done = sync_.acknowledge(acked_unsaved, parked_unsaved);
    if (!done) {
      report.error = done.error();
      unsaved_because = done.error();
      return false;
    }
    if (unsaved_because) report.error.reset();  // room is back
    unsaved_because.reset();
    unsaved_batches = 0;
    parked_unsaved = 0;
    return true;
  };
  Result<Batch> next = build_batch(incarnation, after, limit);
  while (next && !next.value().empty()) {
    const Batch batch = std::move(next).value();
    std::future<HqAnswer> in_flight =
        std::async(std::launch::async, [&] { return caller_.post("/sync/v1/upload", batch.gzip, headers_, report); });
    next = build_batch(incarnation, batch.last, limit);
    const HqAnswer answer = in_flight.get();
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
    if (!has_int(answer.body, "acked_through") || !answer.body.contains("parked") ||
        !answer.body["parked"].is_array()) {
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
      if (p.is_object() && has_int(p, "seq") && p["seq"].get<std::int64_t>() >= batch.first) {
        ++parked_unsaved;
        ++report.parked;
      }
    // HQ may acknowledge beyond this batch (an earlier, larger batch whose
    // answer was lost): only what this outbox holds.
    acked_unsaved = std::min(acked, batch.last);
    report.uploaded += batch.last - batch.first + 1;
    after = batch.last;
    if (++unsaved_batches >= kBatchesPerAcknowledgement && !save_acks() && !is_disk_refusal(unsaved_because->code))
      return false;
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
    const HqAnswer answer = caller_.post("/sync/v1/commands", compressed, headers_, report);
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
  return caller_.follow_feed(
      status.value().changes_after, headers_,
      [&](const nlohmann::json& changes, std::int64_t last_seq, EpochMs) -> std::optional<Error> {
        Result<std::int64_t> applied = sync_.apply_changes(changes, last_seq);
        if (!applied) return applied.error();
        report.changes += applied.value();
        return std::nullopt;
      },
      report);
}

// After the upload (HQ then knows the tickets it lists), unless it failed.
void SyncSession::post_queue(bool uploaded, SyncRoundReport& report) {
  if (!uploaded) {
    report.queue.skipped = "upload-failed";
    return;
  }
  report.queue = post_live_queue(store_, clock_, caller_, headers_, report);
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
  // Records first, so HQ knows the requests the commands are about and the
  // tickets the live queue lists; then the feed, which carries HQ's
  // decisions. HQ's request status, once taken, is a change of this store's
  // own: sent in the same round (no request when the feed wrote nothing to
  // the outbox).
  const bool uploaded = upload(report);
  post_queue(uploaded, report);
  const bool went_through = uploaded && send_commands(report) && follow_changes(report) && upload(report);
  if (Result<SyncStatus> status = sync_.status()) report.pending = status.value().pending;
  const Result<CommandCounts> commands = commands_.counts();
  report.complete = went_through && report.pending == 0 && commands && commands.value().waiting == 0;
  const std::string error = report.error ? report.error->message : std::string();
  (void)sync_.record_round(report.complete, error, report.clock_offset_ms);
  return report;
}

}  // namespace kiosk
