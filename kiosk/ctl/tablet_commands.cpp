// kioskctl tablet (see tablet_commands.h).
#include "ctl/tablet_commands.h"

#include "ctl/hq_calls_json.h"
#include "field/field_db.h"
#include "field/field_link.h"
#include "field/field_sync.h"
#include "field/job_book.h"
#include "http/sync_transport.h"

namespace kiosk::ctl {
namespace {

using json = nlohmann::ordered_json;

constexpr int kExitFailure = 1, kExitUsage = 2, kExitRefused = 3;

template <class T>
json optional_json(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

TabletAnswer failed(const Error& e) {
  return {json{{"error", e.message}}, e.kind == ErrorKind::InvalidArgument ? kExitUsage
                                      : e.kind == ErrorKind::Refused       ? kExitRefused
                                                                           : kExitFailure};
}

TabletAnswer status(FieldDb& field, const Clock& clock) {
  const Result<FieldLinkStatus> link = FieldLink(field, clock).status();
  if (!link) return failed(link.error());
  const Result<WaitingCounts> waiting = JobBook(field, clock).waiting_count();
  if (!waiting) return failed(waiting.error());
  const FieldLinkStatus& s = link.value();
  return {json{{"incarnation", s.incarnation},
               {"hq_url", s.hq_url.empty() ? json(nullptr) : json(s.hq_url)},
               {"configured", s.configured},
               {"revoked", s.revoked},
               {"last_sync_at", optional_json(s.last_sync_at)},
               {"last_attempt_at", optional_json(s.last_attempt_at)},
               {"last_error", s.last_error.empty() ? json(nullptr) : json(s.last_error)},
               {"steps_waiting", waiting.value().steps},
               {"records_waiting", waiting.value().records},
               {"acked_through", s.acked_through},
               {"changes_after", s.changes_after},
               {"clock_offset_ms", optional_json(s.clock_offset_ms)}},
          0};
}

TabletAnswer jobs(FieldDb& field, const Clock& clock) {
  const Result<std::vector<FieldJob>> found = JobBook(field, clock).jobs();
  if (!found) return failed(found.error());
  json list = json::array();
  for (const FieldJob& j : found.value())
    list.push_back(json{{"request", j.request_id},
                        {"code", j.code},
                        {"store", j.store},
                        {"state", to_string(j.state)},
                        {"version", j.version},
                        {"steps_waiting", j.steps_waiting},
                        {"purged", j.purged}});
  return {json{{"jobs", list}}, 0};
}

TabletAnswer sync(FieldDb& field, const Clock& clock) {
  const Result<SyncConfig> config = FieldLink(field, clock).config();
  if (!config) return failed(config.error());
  if (!config.value().configured())
    return {json{{"error", "this tablet is not set up (kioskctl --data DIR tablet set --url URL --token TOKEN)"}},
            kExitUsage};
  http::HttpSyncTransport transport(config.value().hq_url, config.value().device_token);
  const FieldSyncReport r = FieldSyncSession(field, clock, transport).run_round();
  json out{{"complete", r.complete}, {"wiped", r.wiped},       {"uploaded", r.uploaded},
           {"parked", r.parked},     {"commands", r.commands}, {"commands_refused", r.commands_refused},
           {"changes", r.changes},   {"purged", r.purged}};
  out.update(hq_calls_json(r));
  int exit_code = 0;
  if (r.error) {
    out["error"] = r.error->message;
    exit_code = r.refused ? kExitRefused : kExitFailure;
  } else if (!r.complete) {
    out["error"] = "changes are still waiting to be sent";
    exit_code = kExitFailure;
  }
  return {out, exit_code};
}

}  // namespace

TabletAnswer run_tablet_command(const std::string& data_dir, CommandLine& cl, const Clock& clock) {
  const std::string sub = cl.word("tablet command (set, sync, status, jobs)");
  std::optional<std::string> url, token;
  if (sub == "set") {
    url = cl.required("url");
    token = cl.required("token");
  } else if (sub != "sync" && sub != "status" && sub != "jobs") {
    throw UsageError("unknown tablet command \"" + sub + "\"");
  }
  cl.finish();
  Result<std::unique_ptr<FieldDb>> field = FieldDb::open(data_dir, clock.now_ms());
  if (!field) return failed(field.error());
  if (sub == "set") {
    const Result<Done> set = FieldLink(*field.value(), clock).configure(*url, *token);
    if (!set) return failed(set.error());
    return status(*field.value(), clock);
  }
  if (sub == "sync") return sync(*field.value(), clock);
  if (sub == "status") return status(*field.value(), clock);
  return jobs(*field.value(), clock);
}

}  // namespace kiosk::ctl
