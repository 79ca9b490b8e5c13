// `hq followup list|record` (followup_cli.h).
#include "hq/followup_cli.h"

#include "hq/followup_calls.h"
#include "hq/followup_list.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

std::optional<bool> yes_or_no(const std::optional<std::string>& text, const char* name) {
  if (!text) return std::nullopt;
  if (*text == "yes") return true;
  if (*text == "no") return false;
  throw UsageError(std::string("--") + name + " takes yes or no (got \"" + *text + "\")");
}

}  // namespace

Result<json> run_followup_command(CommandLine& cl, HqDb& db, EpochMs now,
                                  const std::function<void(const std::string&)>& print_line) {
  const std::string what = cl.word("followup list|record");
  if (what == "list") {
    FollowupQuery query;
    query.store = cl.optional("store");
    if (cl.flag("all")) query.show = "all";
    if (cl.optional("limit")) query.limit = cl.required_int("limit", 1, 1000);
    cl.finish();
    return hq_guarded([&]() -> Result<json> {
      const std::optional<json> list = followup_list(db, query, now);
      if (!list) return invalid_argument("no store " + *query.store + " at HQ", "unknown-store");
      for (const json& task : (*list)["followups"]) print_line(task.dump());
      return json();
    });
  }
  if (what != "record") throw UsageError("unknown followup command \"" + what + "\"");
  FollowupCall call;
  call.followup_id = cl.required("id");
  call.reached = *yes_or_no(cl.required("reached"), "reached");
  call.solved = yes_or_no(cl.optional("solved"), "solved");
  if (cl.optional("score")) call.score = cl.required_int("score", 1, 5);
  call.note = cl.optional("note").value_or("");
  cl.finish();
  return record_followup_call(db, call, "cli", now);
}

}  // namespace kiosk::hq
