// The technician device's requests: each effect as one call to the store node.
#include "technician/technician_worker.h"

#include <cstdio>
#include <memory>

#include "core/overloaded.h"
#include "remote/store_node_client.h"
#include "technician/job_answers.h"

namespace kiosk::technician {
namespace {

using remote::Json;

// The requests of one worker thread, with its client (and session token).
class Requests {
 public:
  Requests(const std::string& store_url, Post post)
      : client_(remote::StoreNodeClientOptions{store_url}), post_(std::move(post)) {}

  void run(const Effect& effect) {
    std::visit(
        Overloaded{[&](const LogIn& e) { log_in(e); }, [&](const LogOut&) { client_.end_session(); },
                   [&](const LoadJobs&) { load_jobs(); }, [&](const LoadJob& e) { load_job(e.code); },
                   [&](const SendTransition& e) { transition(e); }, [&](const SendCompletion& e) { complete(e); }},
        effect);
  }

 private:
  void fail(const std::string& what, const Error& error) {
    if (error.kind != ErrorKind::Refused) std::fprintf(stderr, "kiosk: %s: %s\n", what.c_str(), error.message.c_str());
    post_(failure_from_error(what, error));
  }

  void log_in(const LogIn& e) {
    Result<Json> answer = client_.technician_login(e.name, e.pin);
    if (!answer) return fail("login", answer.error());
    post_(LoggedIn{remote::staff_name_in(answer.value(), e.name)});
  }

  void load_jobs() {
    Result<Json> answer = client_.jobs();
    if (!answer) return fail("jobs", answer.error());
    post_(JobsLoaded{jobs_from_json(answer.value())});
  }

  void load_job(const std::string& code) {
    Result<Json> answer = client_.job(code);
    if (!answer) return fail("job", answer.error());
    post_(JobLoaded{job_detail_from_json(answer.value())});
  }

  void transition(const SendTransition& e) {
    Json body{{"to", e.to}, {"version", e.version}};
    if (!e.note.empty()) body["note"] = e.note;
    if (!e.scheduled_date.empty()) body["scheduled_date"] = e.scheduled_date;
    if (!e.scheduled_window.empty()) body["scheduled_window"] = e.scheduled_window;
    Result<Json> answer = client_.job_action(e.code, "transition", body);
    if (!answer) return fail("change", answer.error());
    post_(JobChanged{job_detail_from_json(answer.value()), false});
  }

  void complete(const SendCompletion& e) {
    Json body{{"note", e.note}, {"confirmed_by_customer", e.confirmed}, {"version", e.version}};
    if (e.score > 0) body["rating"] = Json{{"score", e.score}, {"reasons", e.reasons}};
    Result<Json> answer = client_.job_action(e.code, "complete", body);
    if (!answer) return fail("complete", answer.error());
    post_(JobChanged{job_detail_from_json(answer.value()), true});
  }

  remote::StoreNodeClient client_;
  Post post_;
};

}  // namespace

app::EffectRunner<Effect> technician_requests(const std::string& store_url, Post post) {
  auto requests = std::make_shared<Requests>(store_url, std::move(post));
  return {[requests](const Effect& effect) { requests->run(effect); }, {}, {}};
}

}  // namespace kiosk::technician
