// kioskctl: the operator's command-line tool for one store's database.
// Every command prints one JSON object on stdout. Errors print {"error": "..."}
// and exit 2 (bad usage or unknown name), 3 (refused by a rule), 1 (anything else).
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "codec/queue_json.h"
#include "core/command_line.h"
#include "core/install_dirs.h"
#include "core/program_version.h"
#include "ctl/device_commands.h"
#include "ctl/hq_calls_json.h"
#include "ctl/request_commands.h"
#include "ctl/tablet_commands.h"
#include "http/sync_transport.h"
#include "kb/kb_book.h"
#include "queue/queue_engine.h"
#include "staff/staff_book.h"
#include "store/catalog.h"
#include "store/printer_state.h"
#include "store/product_catalog.h"
#include "store/storage_guard.h"
#include "store/store_db.h"
#include "store/store_health.h"
#include "sync/sync_session.h"
#include "sync/sync_store.h"

#ifndef KIOSK_ASSETS_DIR
#error "KIOSK_ASSETS_DIR must name the assets directory"
#endif

namespace kiosk::ctl {

namespace {

using json = nlohmann::ordered_json;

constexpr int kExitFailure = 1, kExitUsage = 2, kExitRefused = 3;

constexpr const char* kUsage = R"(usage: kioskctl --data DIR COMMAND [options]
  init --store ID [--tz Asia/Shanghai] [--catalog FILE] [--products FILE] [--kb FILE] [--counters 3] [--interleave 2]
  catalog import FILE
  kb list | import [FILE]   (help articles; FILE defaults to the shipped set)
  counter open --counter N --services A,B | counter pause --counter N --reason TEXT
  counter close --counter N | counters
  issue --service A [--priority] [--phone 13812345678] [--lang zh|en]    cancel --ticket A012
  call --counter N      recall --counter N      start --counter N
  finish --counter N --outcome resolved|follow-up|request
  no-show --counter N   transfer --counter N --to B   pause --counter N --reason TEXT
  queue                 stats [--day YYYY-MM-DD]
  staff add --name NAME --pin 1234 [--role counter|technician|admin]    staff list
  device enrol [--label TEXT] | list | revoke ID
                 (counters and displays of the store node: a one-time code, valid 5 minutes)
  device join --store https://NODE:8700 --code CODE --kind counter|display --name NAME
                 (on a counter PC or display: enrols it, DIR keeping its enrolment)
  hq set --url http://HQ:8800 --token DEVICE_TOKEN     sync [--batch 1000]    status
  tablet set --url http://HQ:8800 --token DEVICE_TOKEN    tablet sync | status | jobs
                 (a technician's tablet: DIR/technician.db, its token from hq device add --technician)
  request create --product CODE --problem CODE --name NAME --phone PHONE --consent
                 [--kind repair|installation] [--model M] [--serial S] [--purchase-date YYYY-MM-DD]
                 [--description TEXT] [--urgency normal|urgent] [--by WHO]
                 (--address TEXT --date YYYY-MM-DD --window morning|afternoon|evening | --drop-off)
  request show --code R7K2-9QX      request list [--state STATE] [--limit 100]
  request transition --code R7K2-9QX --to STATE [--by WHO] [--note TEXT] [--version N]
                 [--assignee STAFF] [--date YYYY-MM-DD --window W]
  request lookup --code R7K2-9QX --last4 5678 [--device NAME]
  request purge [--days 30]         request products [import FILE])";

// Carries an error out of a command with the exit code it deserves.
struct CommandFailed {
  int exit_code;
  std::string message;
  std::string code;  // the error's code where it has one ("disk-full")
};

[[noreturn]] void fail_with(const Error& e) {
  const int exit_code = e.kind == ErrorKind::InvalidArgument ? kExitUsage
                        : e.kind == ErrorKind::Refused       ? kExitRefused
                                                             : kExitFailure;
  throw CommandFailed{exit_code, e.message, e.code};
}

template <class T>
T take(Result<T> result) {
  if (result) return std::move(result).value();
  fail_with(result.error());
}

std::string assets_dir() { return data_dir_for("KIOSK_ASSETS_DIR", "assets", KIOSK_ASSETS_DIR); }
std::string default_kb_file() { return assets_dir() + "/kb-default.jsonl"; }

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::size_t end = comma == std::string::npos ? text.size() : comma;
    if (end == start) throw UsageError("empty name in list \"" + text + "\"");
    items.push_back(text.substr(start, end - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return items;
}

json run_init(const std::string& data_dir, CommandLine& cl, const Clock& clock) {
  StoreSettings settings;
  settings.store_id = cl.required("store");
  settings.time_zone = cl.optional("tz").value_or(settings.time_zone);
  if (cl.optional("counters")) settings.counters = cl.required_int("counters", 1, 99);
  if (cl.optional("interleave")) settings.priority_interleave = cl.required_int("interleave", 1, 10);
  const std::string catalog_file = cl.optional("catalog").value_or(assets_dir() + "/catalog-default.jsonl");
  const std::string products_file = cl.optional("products").value_or(assets_dir() + "/products-default.jsonl");
  const std::string kb_file = cl.optional("kb").value_or(default_kb_file());
  cl.finish();
  const std::vector<Service> catalog = take(read_catalog_file(catalog_file));
  const std::vector<ProductCategory> products = take(read_product_catalog_file(products_file));
  const std::vector<KbArticle> articles = take(read_kb_article_file(kb_file));
  auto store = take(StoreDb::create(data_dir, settings, catalog, clock.now_ms()));
  {
    Transaction tx(store->db());
    store_product_catalog(store->db(), products);
    store_kb_articles(store->db(), articles, clock.now_ms());
    tx.commit();
  }
  json services = json::array();
  for (const Service& s : catalog) services.push_back(s.code);
  return json{{"store", store->store_id()},
              {"time_zone", store->zone().name()},
              {"database", StoreDb::file_in(data_dir)},
              {"counters", settings.counters},
              {"services", services},
              {"products", products.size()},
              {"help_articles", articles.size()}};
}

// Every command reads all of its arguments and rejects unknown ones (finish)
// before it changes anything.
template <class T>
json optional_json(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json status_json(const SyncStatus& s) {
  return json{
      {"store", s.store_id},
      {"incarnation", s.incarnation},
      {"sync",
       {{"hq_url", s.hq_url.empty() ? json(nullptr) : json(s.hq_url)},
        {"configured", s.configured},
        {"last_sync_at", optional_json(s.last_sync_at)},
        {"last_attempt_at", optional_json(s.last_attempt_at)},
        {"last_error", s.last_error.empty() ? json(nullptr) : json(s.last_error)},
        {"pending", s.pending},
        {"oldest_pending_age_s", s.oldest_pending_age_ms ? json(*s.oldest_pending_age_ms / 1000) : json(nullptr)},
        {"parked", s.parked},
        {"commands_waiting", s.commands_waiting},
        {"commands_refused", s.commands_refused},
        {"acked_through", s.acked_through},
        {"changes_after", s.changes_after},
        {"clock_offset_ms", optional_json(s.clock_offset_ms)}}}};
}

// The live queue post of a sync round: posted (with how many tickets), or why not.
json queue_post_json(const QueuePostReport& q) {
  json out{{"posted", q.posted}, {"tickets", q.tickets}};
  if (!q.skipped.empty()) out["skipped"] = q.skipped;
  if (q.error) out["error"] = q.error->message;
  return out;
}

// The exit code of a command whose output is a report even when it failed (sync).
int g_exit_code = 0;

// One sync round (upload everything pending, read HQ's changes). Exit 0 only
// when nothing is left to send; 3 when HQ refuses this device; 1 otherwise.
json run_sync(StoreDb& store, const Clock& clock, const SyncOptions& options) {
  const SyncConfig config = take(SyncStore(store, clock).config());
  if (!config.configured())
    throw CommandFailed{kExitUsage, "this store has no HQ configured (kioskctl hq set --url URL --token TOKEN)", {}};
  http::HttpSyncTransport transport(config.hq_url, config.device_token);
  SyncSession session(store, clock, transport, options);
  const SyncRoundReport report = session.run_round();
  json out{{"complete", report.complete}, {"uploaded", report.uploaded},
           {"parked", report.parked},     {"changes", report.changes},
           {"commands", report.commands}, {"commands_refused", report.commands_refused},
           {"pending", report.pending},   {"health_bytes", report.health_bytes}};
  out.update(hq_calls_json(report));
  out["queue"] = queue_post_json(report.queue);
  if (report.error) {
    out["error"] = report.error->message;
    g_exit_code = report.refused ? kExitRefused : kExitFailure;
  } else if (!report.complete) {
    out["error"] = std::to_string(report.pending) + " records are still waiting to be sent";
    g_exit_code = kExitFailure;
  }
  return out;
}

// kb list: the active help articles (id, service, product, titles); kb import
// [FILE]: the default set, or a file, added or replaced by id (HQ's feed
// replaces them again on a store that syncs).
json run_kb_command(StoreDb& store, CommandLine& cl, const Clock& clock) {
  const std::string sub = cl.word("kb command (list, import)");
  if (sub == "import") {
    const std::string file = cl.has_word() ? cl.word("articles file") : default_kb_file();
    cl.finish();
    const std::vector<KbArticle> articles = take(read_kb_article_file(file));
    try {
      Transaction tx(store.db());
      const std::int64_t changed = store_kb_articles(store.db(), articles, clock.now_ms());
      tx.commit();
      return json{{"imported", articles.size()}, {"changed", changed}};
    } catch (const SqliteError& e) {
      fail_with(storage_error_from(e));
    }
  }
  if (sub != "list") throw UsageError("unknown kb command \"" + sub + "\"");
  cl.finish();
  json list = json::array();
  for (const KbArticle& a : take(KbBook(store, clock).articles()))
    list.push_back(json{{"id", a.id},
                        {"service", a.service},
                        {"product", a.product ? json(*a.product) : json(nullptr)},
                        {"zh", a.zh.title},
                        {"en", a.en.title}});
  return json{{"articles", list}};
}

json run_store_command(const std::string& command, StoreDb& store, CommandLine& cl, const Clock& clock) {
  QueueEngine engine(store, clock);
  auto counter = [&] { return cl.required_int("counter", 1, 99); };

  if (command == "catalog") {
    const std::string sub = cl.word("catalog command (import)");
    if (sub != "import") throw UsageError("unknown catalog command \"" + sub + "\"");
    const std::string file = cl.word("catalogue file");
    cl.finish();
    const std::vector<Service> services = take(read_catalog_file(file));
    try {
      Transaction tx(store.db());
      store_catalog(store.db(), services);
      tx.commit();
    } catch (const SqliteError& e) {
      fail_with(storage_error_from(e));
    }
    json list = json::array();
    for (const Service& s : services) list.push_back(to_json(s));
    return json{{"imported", services.size()}, {"services", list}};
  }
  if (command == "kb") return run_kb_command(store, cl, clock);
  if (command == "counter") {
    const std::string sub = cl.word("counter command (open, pause, close)");
    const int n = counter();
    if (sub == "open") {
      const std::vector<std::string> codes = split_list(cl.required("services"));
      cl.finish();
      return to_json(take(engine.open_counter(n, codes)));
    }
    if (sub == "pause") {
      const std::string reason = cl.required("reason");
      cl.finish();
      return to_json(take(engine.pause_counter(n, reason)));
    }
    if (sub == "close") {
      cl.finish();
      return to_json(take(engine.close_counter(n)));
    }
    throw UsageError("unknown counter command \"" + sub + "\"");
  }
  if (command == "staff") {
    const std::string sub = cl.word("staff command (add, list)");
    StaffBook staff(store, clock);
    auto member_json = [](const StaffMember& m) {
      return json{{"id", m.id},
                  {"name", m.name},
                  {"role", to_string(m.role)},
                  {"created_at", m.created_at},
                  {"locked", m.locked}};
    };
    if (sub == "add") {
      const std::string name = cl.required("name"), pin = cl.required("pin");
      const std::string role_name = cl.optional("role").value_or("counter");
      cl.finish();
      const std::optional<StaffRole> role = staff_role_from(role_name);
      if (!role) throw UsageError("unknown role \"" + role_name + "\" (expected counter, technician or admin)");
      return member_json(take(staff.add(name, pin, *role)));
    }
    if (sub != "list") throw UsageError("unknown staff command \"" + sub + "\"");
    cl.finish();
    json list = json::array();
    for (const StaffMember& m : take(staff.list())) list.push_back(member_json(m));
    return json{{"staff", list}};
  }
  if (command == "issue") {
    IssueRequest request;
    request.service_code = cl.required("service");
    request.priority = cl.flag("priority");
    request.phone = cl.optional("phone").value_or("");
    request.language = cl.optional("lang").value_or("");
    cl.finish();
    return to_json(take(engine.issue(request)));
  }
  if (command == "cancel") {
    const std::string label = cl.required("ticket");
    cl.finish();
    return to_json(take(engine.cancel(label)));
  }
  if (command == "finish") {
    const int n = counter();
    const std::string name = cl.required("outcome");
    cl.finish();
    const std::optional<Outcome> outcome = outcome_from(name);
    if (!outcome) throw UsageError("unknown outcome \"" + name + "\" (expected " + outcome_names() + ")");
    return to_json(take(engine.finish(n, *outcome)));
  }
  if (command == "transfer") {
    const int n = counter();
    const std::string to = cl.required("to");
    cl.finish();
    return to_json(take(engine.transfer(n, to)));
  }
  if (command == "pause") {
    const int n = counter();
    const std::string reason = cl.required("reason");
    cl.finish();
    return to_json(take(engine.pause_counter(n, reason)));
  }
  if (command == "call" || command == "recall" || command == "start" || command == "no-show") {
    const int n = counter();
    cl.finish();
    if (command == "call") return to_json(take(engine.call_next(n)));
    if (command == "recall") return to_json(take(engine.recall(n)));
    if (command == "start") return to_json(take(engine.start(n)));
    return to_json(take(engine.no_show(n)));
  }
  if (command == "stats") {
    const std::string day = cl.optional("day").value_or(engine.today());
    cl.finish();
    return to_json(take(engine.day_stats(day)));
  }
  if (command == "hq") {
    const std::string what = cl.word("hq set");
    if (what != "set") throw UsageError("unknown hq command \"" + what + "\"");
    const std::string url = cl.required("url"), token = cl.required("token");
    cl.finish();
    take(SyncStore(store, clock).configure(url, token));
    return json{{"hq_url", url}, {"configured", true}};
  }
  if (command == "request") return take(run_request_command(store, cl, clock));
  if (command == "sync") {
    SyncOptions options;
    if (cl.optional("batch")) options.batch_records = cl.required_int("batch", 1, 1000);
    cl.finish();
    return run_sync(store, clock, options);
  }
  cl.finish();
  if (command == "status") {
    json out = status_json(take(SyncStore(store, clock).status()));
    const StoreHealth health = take(read_store_health(store));
    out["store"] = json{{"id", store.store_id()},
                        {"version", program_version()},
                        {"database_bytes", health.database_bytes},
                        {"disk_free_bytes", health.disk_free_bytes},
                        {"disk_total_bytes", health.disk_total_bytes},
                        {"integrity", health.integrity}};
    const std::optional<PrinterStatus> printer = take(read_printer_status(store));
    out["printer"] = printer ? json{{"state", printer_state_name(printer->state)},
                                    {"message", printer->message},
                                    {"checked_at", printer->checked_at}}
                             : json(nullptr);
    return out;
  }
  if (command == "counters") {
    json list = json::array();
    for (const Counter& c : take(engine.counters())) list.push_back(to_json(c));
    return json{{"counters", list}};
  }
  if (command == "queue") {
    json services = json::array();
    for (const ServiceQueue& q : take(engine.queue_status())) services.push_back(to_json(q));
    return json{{"store", store.store_id()}, {"business_day", engine.today()}, {"services", services}};
  }
  throw UsageError("unknown command \"" + command + "\"");
}

int run(const std::vector<std::string>& args) {
  CommandLine cl(args, {"priority", "help", "consent", "drop-off"});
  if (cl.flag("help")) {
    std::cout << kUsage << "\n";
    return 0;
  }
  const std::string data_dir = cl.required("data");
  const std::string command = cl.word("command");
  SystemClock clock;
  json out;
  if (command == "init") {
    out = run_init(data_dir, cl, clock);
  } else if (command == "tablet") {
    TabletAnswer answer = run_tablet_command(data_dir, cl, clock);
    out = std::move(answer.body);
    g_exit_code = answer.exit_code;
  } else if (command == "device") {
    const std::string sub = cl.word("device command (enrol, list, revoke, join)");
    out = sub == "join" ? take(run_device_join(data_dir, cl))
                        : take(run_device_command(*take(StoreDb::open(data_dir)), data_dir, sub, cl, clock));
  } else {
    auto store = take(StoreDb::open(data_dir));
    out = run_store_command(command, *store, cl, clock);
  }
  std::cout << out.dump() << std::endl;
  return g_exit_code;
}

int fail(int code, const std::string& message, const std::string& error_code = {}) {
  json out{{"error", message}};
  if (!error_code.empty()) out["code"] = error_code;
  std::cout << out.dump() << std::endl;
  if (code == kExitUsage) std::cerr << kUsage << "\n";
  return code;
}

}  // namespace
}  // namespace kiosk::ctl

int main(int argc, char** argv) {
  using namespace kiosk::ctl;
  try {
    return run(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const kiosk::UsageError& e) {
    return fail(kExitUsage, e.what());
  } catch (const CommandFailed& e) {
    return fail(e.exit_code, e.message, e.code);
  } catch (const std::exception& e) {
    return fail(kExitFailure, e.what());
  }
}
