// The follow-up calls' console routes (followup_api.h).
#include "hq/followup_api.h"

#include "codec/api_error.h"
#include "hq/complaint_list.h"
#include "hq/followup_calls.h"
#include "hq/followup_list.h"
#include "http_server/json_http_server.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;
using http_server::send_api_error;

constexpr std::size_t kMaxNoteBytes = 4 * 500;  // 500 characters of up to 4 bytes; counted in characters later

ApiError unknown_store(const std::string& store) {
  return ApiError{404, "unknown-store", "no store " + store + " at HQ", {}};
}

}  // namespace

FollowupCall followup_call_from(const std::string& id, const JsonBody& body) {
  const json& fields = body.json();
  const auto flag = [&](const char* name) -> std::optional<bool> {
    const auto found = fields.find(name);
    if (found == fields.end() || found->is_null()) return std::nullopt;
    if (!found->is_boolean())
      throw BadRequest("bad-field", std::string("field \"") + name + "\" must be true or false");
    return found->get<bool>();
  };
  FollowupCall call;
  call.followup_id = id;
  const std::optional<bool> reached = flag("reached");
  if (!reached) throw BadRequest("missing-field", "field \"reached\" is required (true or false)");
  call.reached = *reached;
  call.solved = flag("solved");
  if (body.has("score") && !fields["score"].is_null()) call.score = body.integer("score", 1, 5);
  if (body.has("note") && !fields["note"].is_null()) call.note = body.text("note", kMaxNoteBytes);
  return call;
}

namespace {

ApiError call_error(const Error& error) {
  if (error.code == "unknown-followup") return ApiError{404, error.code, error.message, {}};
  return api_error_from(error);
}

}  // namespace

void add_followup_routes(httplib::Server& server, std::map<std::string, std::string>& allowed,
                         const std::string& prefix, const ConsoleGuard& guard) {
  const std::string list_path = prefix + "/followups";
  allowed[list_path] = "GET";
  server.Get(list_path,
             guard.as({"dispatcher", "admin"}, false,
                      [&guard](HqDb& db, const Session&, const httplib::Request& req, httplib::Response& res) {
                        FollowupQuery query;
                        query.store = query_param(req, "store");
                        query.show = query_param(req, "show").value_or(query.show);
                        if (const std::optional<std::string> limit = query_param(req, "limit"))
                          query.limit = whole_number(*limit, "limit");
                        const std::optional<json> list = followup_list(db, query, guard.now());
                        if (!list) return send_api_error(res, unknown_store(*query.store));
                        send_answer(res, *list);
                      }));
  server.Post(prefix + "/followups/([^/]+)/calls",
              guard.as({"dispatcher", "admin"}, true,
                       [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
                         const JsonBody body(req.body);
                         const Result<json> recorded = record_followup_call(
                             db, followup_call_from(req.matches[1], body), s.user.name, guard.now());
                         if (!recorded) return send_api_error(res, call_error(recorded.error()));
                         send_answer(res, recorded.value());
                       }));

  const std::string complaints_path = prefix + "/complaints";
  allowed[complaints_path] = "GET";
  server.Get(complaints_path,
             guard.as({"dispatcher", "manager"}, false,
                      [&guard](HqDb& db, const Session&, const httplib::Request& req, httplib::Response& res) {
                        const std::optional<std::string> store = query_param(req, "store");
                        const std::optional<json> list = complaint_list(db, store, guard.now());
                        if (!list) return send_api_error(res, unknown_store(*store));
                        send_answer(res, *list);
                      }));
}

}  // namespace kiosk::hq
