// The field tablet's sync round (see field_sync.h).
#include "field/field_sync.h"

#include <algorithm>

#include "sync/gzip.h"

namespace kiosk {
namespace {

using json = nlohmann::ordered_json;

}  // namespace

FieldSyncSession::FieldSyncSession(FieldDb& field, const Clock& clock, SyncTransport& transport, SyncOptions options,
                                   HqCaller::Sleep sleep, JobBookOptions book)
    : options_(options),
      caller_(transport, clock, options, std::move(sleep)),
      link_(field, clock),
      book_(field, clock, book) {}

// One batch at a time, acknowledged as soon as HQ answers: a tablet's
// records are few (a signature per completion) and large.
bool FieldSyncSession::upload(FieldSyncReport& report) {
  Result<FieldLinkStatus> status = link_.status();
  if (!status) {
    report.error = status.error();
    return false;
  }
  const std::string& incarnation = status.value().incarnation;
  std::int64_t after = status.value().acked_through;
  int limit = std::max(1, options_.batch_records);
  for (;;) {
    Result<std::vector<FieldRecord>> records = link_.pending_records(after, limit, kUploadBytes);
    if (!records) {
      report.error = records.error();
      return false;
    }
    if (records.value().empty()) return true;
    const std::int64_t first = records.value().front().seq, last = records.value().back().seq;
    json list = json::array();
    for (FieldRecord& r : records.value())
      list.push_back(json{{"seq", r.seq},
                          {"kind", std::move(r.kind)},
                          {"id", std::move(r.id)},
                          {"revision", r.seq},
                          {"store", std::move(r.store)},
                          {"data", std::move(r.data)}});
    const json body{{"incarnation", incarnation},
                    {"batch", incarnation + ":" + std::to_string(first) + "-" + std::to_string(last)},
                    {"records", std::move(list)}};
    const HqAnswer answer = caller_.post("/sync/v1/upload", gzip_compress(body.dump()), {}, report);
    if (!answer.ok) {
      if (answer.status == 413 && records.value().size() > 1) {
        limit = static_cast<int>(records.value().size() / 2);  // too large for HQ: fewer, from the same place
        report.error.reset();
        continue;
      }
      return false;
    }
    if (!has_int(answer.body, "acked_through") || !answer.body.contains("parked") ||
        !answer.body["parked"].is_array()) {
      report.error = unavailable("HQ's upload answer lacks acked_through or parked", "bad-answer");
      return false;
    }
    const std::int64_t acked = answer.body["acked_through"].get<std::int64_t>();
    if (acked < last) {  // HQ lost records it had acknowledged: never skip ahead
      report.error =
          refused("HQ acknowledged only through seq " + std::to_string(acked) + " after receiving seqs " +
                      std::to_string(first) + "-" + std::to_string(last) + "; it may have lost earlier records",
                  "hq-gap");
      return false;
    }
    for (const nlohmann::json& p : answer.body["parked"])
      if (has_int(p, "seq") && p["seq"].get<std::int64_t>() >= first) ++report.parked;
    if (Result<Done> done = link_.acknowledge(last); !done) {  // never past what this outbox sent
      report.error = done.error();
      return false;
    }
    report.uploaded += std::int64_t(records.value().size());
    after = last;
  }
}

// Each body carries the oldest undecided step of each request; a request's
// next step goes in the next body, once HQ decided the one before.
bool FieldSyncSession::send_steps(FieldSyncReport& report) {
  for (int bodies = 0; bodies < options_.max_command_bodies; ++bodies) {
    Result<std::vector<OutgoingStep>> next = link_.next_steps(options_.commands_per_body);
    if (!next) {
      report.error = next.error();
      return false;
    }
    if (next.value().empty()) return true;
    json list = json::array();
    for (const OutgoingStep& s : next.value())
      list.push_back(json{{"id", s.id},
                          {"store", s.store},
                          {"request", s.request_code},
                          {"action", s.action},
                          {"from_version", s.from_version},
                          {"at", s.at},
                          {"data", s.data}});
    const HqAnswer answer =
        caller_.post("/sync/v1/commands", gzip_compress(json{{"commands", std::move(list)}}.dump()), {}, report);
    if (!answer.ok) return false;
    if (!answer.body.contains("results") || !answer.body["results"].is_array()) {
      report.error = unavailable("HQ's commands answer lacks results", "bad-answer");
      return false;
    }
    Result<CommandTally> tally = book_.record_results(answer.body["results"], answer.body["hq_time"].get<EpochMs>());
    if (!tally) {
      report.error = tally.error();
      return false;
    }
    report.commands += tally.value().decided;
    report.commands_refused += tally.value().refused;
    if (tally.value().decided == 0) return true;  // the rest wait (HQ does not know their requests yet)
  }
  return true;
}

bool FieldSyncSession::follow_feed(FieldSyncReport& report) {
  Result<FieldLinkStatus> status = link_.status();
  if (!status) {
    report.error = status.error();
    return false;
  }
  return caller_.follow_feed(
      status.value().changes_after, {},
      [&](const nlohmann::json& changes, std::int64_t last_seq, EpochMs hq_time) -> std::optional<Error> {
        Result<std::int64_t> taken = book_.apply_feed(changes, last_seq, hq_time);
        if (!taken) return taken.error();
        report.changes += taken.value();
        return std::nullopt;
      },
      report);
}

FieldSyncReport FieldSyncSession::run_round() {
  FieldSyncReport report;
  Result<FieldLinkStatus> status = link_.status();
  if (!status) {
    report.error = status.error();
    return report;
  }
  if (status.value().revoked) {
    report.refused = true;
    report.error = refused("this tablet was revoked at HQ and wiped; set it up again", "device-revoked");
    return report;
  }
  if (!status.value().configured) {
    report.error = invalid_argument("this tablet has no HQ configured", "not-configured");
    return report;
  }
  const bool went_through = upload(report) && send_steps(report) && follow_feed(report);
  if (report.refused && report.refusal_code == "revoked-device") report.wiped = book_.wipe().ok();
  const Result<WaitingCounts> waiting = book_.waiting_count();
  report.complete = went_through && waiting && waiting.value().total() == 0;
  (void)link_.record_round(report.complete, report.error ? report.error->message : std::string(),
                           report.clock_offset_ms);
  // Last: the answers of this round may have ended jobs; a failure is tried again next round.
  Result<EpochMs> now = book_.hq_now();
  Result<std::int64_t> purged = now ? book_.purge(now.value()) : Result<std::int64_t>(now.error());
  if (purged)
    report.purged = purged.value();
  else if (!report.error)
    report.error = purged.error();
  return report;
}

}  // namespace kiosk
