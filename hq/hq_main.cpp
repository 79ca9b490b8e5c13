// hq: the headquarters server and its administration commands. Every command
// prints one JSON object (exports: JSON lines); an error prints
// {"error": "..."} and exits 2 (bad usage, an unknown store, device or name),
// 3 (refused: a duplicate) or 1 (anything else: disk, a foreign database file).
#include <signal.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "core/command_line.h"
#include "hq/console_alerts.h"
#include "hq/console_auth.h"
#include "hq/counter_report.h"
#include "hq/figure_reports.h"
#include "hq/figure_store.h"
#include "hq/hq_admin.h"
#include "hq/hq_commands.h"
#include "hq/hq_copy.h"
#include "hq/hq_db.h"
#include "hq/hq_server.h"
#include "hq/kb_articles.h"
#include "hq/kb_report.h"
#include "hq/kb_use_days.h"
#include "hq/public_address.h"
#include "hq/sms_settings.h"
#include "hq/store_health_list.h"
#include "store/catalog.h"
#include "store/product_catalog.h"

namespace kiosk::hq {
namespace {

constexpr int kExitFailure = 1, kExitUsage = 2, kExitRefused = 3;

constexpr const char* kUsage =
    R"(usage: hq --db DB --listen ADDR:PORT          serve the sync API (docs/hq-sync-protocol.md)
       hq COMMAND --db DB [options]
  DB is an SQLite file (created when missing) or postgresql://USER@HOST:PORT/DBNAME
  (the password from PGPASSWORD or ~/.pgpass, not the command line)
  migrate                                  create the schema or bring it up to this version
  copy --from DB --to DB                   every record into an empty database (no --db; stop hq first)
  store add --id S1 --name NAME [--time-zone Asia/Shanghai]             store list
  device add --store S1 [--label TEXT]     device revoke --device UUID     device list [--store S1]
  device add --technician STAFF_ID [--label TEXT]   (a technician's tablet: their jobs, offline)
  catalog import FILE                      (JSON Lines, like kioskctl's; changes enter the feed)
  catalog export                           (the active services, the same lines)
  products import FILE | products export   (the request form's products and problems, JSON Lines)
  kb import FILE | kb export | kb list     (help articles, JSON Lines: upsert by id; changes enter the feed)
  staff add --store S1 --name NAME --pin 1234 [--role counter|technician|admin]
  staff retire --store S1 --name NAME      staff pin --store S1 --name NAME --pin 5678   (a new PIN)
  staff list [--store S1]                  (ids, names, roles: staff are HQ's, stores take them from the feed)
  assign --request CODE --technician STAFF_ID   (HQ's command "assigned": the store applies it at its next sync)
  request transition --store S1 --request CODE --to STATE --version N
                                           (HQ's own command: outranks a device's made from the same version)
  export --store S1 --kind tickets|ratings|requests|request-events|request-ratings|signatures|kb-uses   (JSON lines)
  parked [--store S1]                      (records HQ could not apply, JSON lines)
  report services|trend --from YYYY-MM-DD --to YYYY-MM-DD [--store S1]
                                           (by service or by day: tickets, waits, target share, ratings)
  report counters --from YYYY-MM-DD --to YYYY-MM-DD --store S1
                                           (by counter and staff member, at most 92 days: served, service time, ratings)
  report help --from YYYY-MM-DD --to YYYY-MM-DD [--store S1]
                                           (help articles: views, answers, answered without a ticket)
  figures rebuild                          (every figure again from the records)
  user add --name NAME --role admin|manager|dispatcher --password-file FILE   (- for stdin)
  user disable|enable --name NAME          user list
  alerts [--all]                           (open alerts, or the last 30 days', JSON lines)
  alerts ack --id ALERT --comment TEXT
  public set --url https://q.example.com   (the address phones open ticket pages at; --url "" removes it)
  public show                              (the public address and whether stores may promise reminders)
  stores [--down-after-minutes 15] [--behind-after-minutes 60]
                                           (each store's devices, their latest health and problems, JSON lines)
  sms set [--url URL] [--user U --password-file FILE | --password P] [--daily-cap 1-50]
          [--template-near-zh T] [--template-near-en T] [--template-called-zh T] [--template-called-en T]
  sms off | sms show                       (the SMS reminders' gateway, docs/public-pages.md; the password hidden))";

struct CommandFailed {
  int exit_code;
  std::string message;
};

template <class T>
T take(Result<T> result) {
  if (result) return std::move(result).value();
  const Error& e = result.error();
  throw CommandFailed{e.kind == ErrorKind::InvalidArgument ? kExitUsage
                      : e.kind == ErrorKind::Refused       ? kExitRefused
                                                           : kExitFailure,
                      e.message};
}

int serve(const std::string& db, const std::string& listen) {
  Result<ListenAddress> address = parse_listen_address(listen);
  if (!address) throw UsageError(address.error().message);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);  // handler threads inherit the mask

  SystemClock clock;
  HqServerConfig config;
  config.db = db;
  config.listen = address.value();
  HqServer server(config, clock);
  Result<int> port = server.start();
  if (!port) throw CommandFailed{kExitFailure, port.error().message};
  std::printf("{\"listening\": \"%s:%d\"}\n", config.listen.host.c_str(), port.value());
  std::fflush(stdout);
  int signal = 0;
  sigwait(&stop_signals, &signal);
  server.stop();
  return 0;
}

// The first line of a file, or of stdin for "-" (a password never goes on the command line).
std::string read_password(const std::string& file) {
  std::string line;
  if (file == "-") {
    std::getline(std::cin, line);
  } else {
    std::ifstream in(file);
    if (!in) throw UsageError("cannot read the password file " + file);
    std::getline(in, line);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

Json run(CommandLine& cl, HqAdmin& admin, HqDb& admin_db, const std::string& command) {
  const auto print_line = [](const std::string& line) { std::cout << line << '\n'; };
  if (command == "migrate") {
    cl.finish();
    return Json{{"engine", admin_db.engine()}, {"db", admin_db.where()}, {"schema", kHqSchemaVersion}};
  }
  if (command == "store") {
    const std::string what = cl.word("store add|list");
    if (what == "add") {
      const std::string id = cl.required("id"), name = cl.required("name");
      const std::string zone = cl.optional("time-zone").value_or("Asia/Shanghai");
      cl.finish();
      return take(admin.add_store(id, name, zone));
    }
    if (what == "list") {
      cl.finish();
      return take(admin.stores());
    }
    throw UsageError("unknown store command \"" + what + "\"");
  }
  if (command == "device") {
    const std::string what = cl.word("device add|revoke|list");
    if (what == "add") {
      const std::optional<std::string> technician = cl.optional("technician");
      const std::string store = technician ? std::string() : cl.required("store");
      const std::string label = cl.optional("label").value_or("");
      cl.finish();
      return take(technician ? admin.add_technician_device(*technician, label) : admin.add_device(store, label));
    }
    if (what == "revoke") {
      const std::string device = cl.required("device");
      cl.finish();
      return take(admin.revoke_device(device));
    }
    if (what == "list") {
      const std::optional<std::string> store = cl.optional("store");
      cl.finish();
      return take(admin.devices(store));
    }
    throw UsageError("unknown device command \"" + what + "\"");
  }
  if (command == "catalog") {
    const std::string what = cl.word("catalog import|export");
    if (what == "export") {
      cl.finish();
      std::cout << take(admin.export_catalog());
      return nullptr;  // the lines are the output
    }
    if (what != "import") throw UsageError("unknown catalog command \"" + what + "\"");
    const std::string file = cl.word("catalogue file");
    cl.finish();
    return take(admin.import_catalog(take(read_catalog_file(file))));
  }
  if (command == "products") {
    const std::string what = cl.word("products import|export");
    if (what == "export") {
      cl.finish();
      std::cout << take(admin.products())["catalog"].get<std::string>();
      return nullptr;  // the lines are the output
    }
    if (what != "import") throw UsageError("unknown products command \"" + what + "\"");
    const std::string file = cl.word("product catalogue file");
    cl.finish();
    return take(admin.import_products(take(read_product_catalog_text(file)), file));
  }
  if (command == "kb") {
    const std::string what = cl.word("kb import|export|list");
    SystemClock clock;
    KbArticles articles(admin_db, clock);
    if (what == "list") {
      cl.finish();
      return take(articles.list());
    }
    if (what == "export") {
      cl.finish();
      std::cout << take(articles.export_lines());
      return nullptr;  // the lines are the output
    }
    if (what != "import") throw UsageError("unknown kb command \"" + what + "\"");
    const std::string file = cl.word("articles file");
    cl.finish();
    return take(articles.import_articles(take(read_kb_article_file(file))));
  }
  if (command == "staff") {
    const std::string what = cl.word("staff add|retire|pin|list");
    if (what == "list") {
      const std::optional<std::string> store = cl.optional("store");
      cl.finish();
      return take(admin.staff(store));
    }
    const std::string store = cl.required("store"), name = cl.required("name");
    if (what == "add") {
      const std::string pin = cl.required("pin"), role = cl.optional("role").value_or("counter");
      cl.finish();
      return take(admin.add_staff(store, name, pin, role, PinHashCost::for_store()));
    }
    if (what == "retire") {
      cl.finish();
      return take(admin.retire_staff(store, name));
    }
    if (what == "pin") {
      const std::string pin = cl.required("pin");
      cl.finish();
      return take(admin.reset_pin(store, name, pin, PinHashCost::for_store()));
    }
    throw UsageError("unknown staff command \"" + what + "\"");
  }
  if (command == "assign") {
    const std::string request = cl.required("request"), technician = cl.required("technician");
    cl.finish();
    return take(admin.assign(request, technician));
  }
  if (command == "request") {
    const std::string what = cl.word("request transition");
    if (what != "transition") throw UsageError("unknown request command \"" + what + "\"");
    const std::string store = cl.required("store"), request = cl.required("request"), to = cl.required("to");
    const int from_version = cl.required_int("version", 1, INT32_MAX);
    cl.finish();
    Json answer = take(hq_transition(admin_db, store, request, to, from_version, SystemClock().now_ms()));
    if (answer["outcome"] != "applied") {
      std::cout << answer.dump() << '\n';
      throw CommandFailed{kExitRefused, answer["message"].get<std::string>()};
    }
    return answer;
  }
  if (command == "export") {
    const std::string store = cl.required("store"), kind = cl.required("kind");
    cl.finish();
    take(admin.export_records(store, kind, print_line));
    return nullptr;  // the lines are the output
  }
  if (command == "stores") {
    HealthThresholds thresholds;
    if (cl.optional("down-after-minutes"))
      thresholds.down_after = std::chrono::minutes(cl.required_int("down-after-minutes", 1, 525600));
    if (cl.optional("behind-after-minutes"))
      thresholds.behind_after = std::chrono::minutes(cl.required_int("behind-after-minutes", 1, 525600));
    cl.finish();
    take(list_store_health(admin_db, SystemClock().now_ms(), thresholds, print_line));
    return nullptr;
  }
  if (command == "parked") {
    const std::optional<std::string> store = cl.optional("store");
    cl.finish();
    take(admin.parked(store, print_line));
    return nullptr;
  }
  if (command == "report") {
    const std::string what = cl.word("report services|trend|counters|help");
    if (what != "services" && what != "trend" && what != "counters" && what != "help")
      throw UsageError("unknown report \"" + what + "\"");
    const std::string from = cl.required("from"), to = cl.required("to");
    const std::optional<std::string> store = cl.optional("store");
    cl.finish();
    const Result<ReportRange> range = check_report_range(admin_db, from, to, store);
    if (!range) throw UsageError(range.error().message);
    return take(hq_guarded([&]() -> Result<Json> {
      const EpochMs now = SystemClock().now_ms();
      if (what == "counters") return counter_report(admin_db, range.value(), now);
      if (what == "help") return help_report(admin_db, range.value(), now);
      return what == "services" ? services_report(admin_db, range.value(), now)
                                : trend_report(admin_db, range.value(), now);
    }));
  }
  if (command == "alerts") {
    const EpochMs now = SystemClock().now_ms();
    if (cl.has_word()) {
      if (cl.word("alerts ack") != "ack") throw UsageError("the alerts command is: alerts [--all] | alerts ack");
      const std::string id = cl.required("id"), comment = cl.required("comment");
      cl.finish();
      return take(hq_guarded([&]() -> Result<Json> {
        std::variant<Json, ApiError> answer = acknowledge_alert(admin_db, id, comment, "cli", now);
        if (const ApiError* error = std::get_if<ApiError>(&answer))
          return error->status == 409 ? refused(error->message, error->code) : invalid_argument(error->message);
        return std::get<Json>(answer);
      }));
    }
    const bool all = cl.flag("all");
    cl.finish();
    take(hq_guarded([&]() -> Result<Json> {
      evaluate_alerts(admin_db, now);
      for (const Json& alert : alert_list(admin_db, all, now)) print_line(alert.dump());
      return Json();
    }));
    return nullptr;
  }
  if (command == "user") {
    const std::string what = cl.word("user add|disable|enable|list");
    const EpochMs now = SystemClock().now_ms();
    if (what == "list") {
      cl.finish();
      return take(hq_guarded([&]() -> Result<Json> { return Json{{"users", console_users(admin_db)}}; }));
    }
    const std::string name = cl.required("name");
    if (what == "add") {
      const std::string role = cl.required("role"), file = cl.required("password-file");
      cl.finish();
      return take(add_console_user(admin_db, name, role, read_password(file), "cli", now));
    }
    if (what == "disable" || what == "enable") {
      cl.finish();
      return take(set_console_user_active(admin_db, name, what == "enable", "cli", now));
    }
    throw UsageError("unknown user command \"" + what + "\"");
  }
  if (command == "public") {
    const std::string what = cl.word("public set|show");
    if (what == "show") {
      cl.finish();
      return take(public_address(admin_db));
    }
    if (what != "set") throw UsageError("unknown public command \"" + what + "\"");
    const std::string url = cl.required("url");
    cl.finish();
    return take(set_public_address(admin_db, url, "cli", SystemClock().now_ms()));
  }
  if (command == "sms") return take(run_sms_command(cl, admin_db, SystemClock().now_ms(), read_password));
  if (command == "figures") {
    if (cl.word("figures rebuild") != "rebuild") throw UsageError("the figures command is: figures rebuild");
    cl.finish();
    return take(hq_guarded([&]() -> Result<Json> {
      admin_db.write([&] {
        rebuild_figures(admin_db, SystemClock().now_ms());
        rebuild_kb_use_days(admin_db);
        return 0;
      });
      return Json{{"rebuilt", true}};
    }));
  }
  throw UsageError("unknown command \"" + command + "\"");
}

// `hq copy --from DB --to DB`: both migrated to this version first.
Json copy(const std::string& from_name, const std::string& to_name) {
  Result<std::unique_ptr<HqDb>> from = open_hq_db(from_name, OpenMode::Migrate);
  if (!from) throw CommandFailed{kExitFailure, from.error().message};
  Result<std::unique_ptr<HqDb>> to = open_hq_db(to_name, OpenMode::Migrate);
  if (!to) throw CommandFailed{kExitFailure, to.error().message};
  return take(copy_hq_db(*from.value(), *to.value()));
}

int main_checked(int argc, char** argv) {
  CommandLine cl(std::vector<std::string>(argv + 1, argv + argc), {"all"});
  const std::optional<std::string> db_option = cl.optional("db");
  if (!db_option) {
    if (const std::optional<std::string> from = cl.optional("from")) {  // hq copy names two databases instead
      const std::string to = cl.required("to");
      if (cl.word("command") != "copy") throw UsageError("--from and --to without --db belong to hq copy");
      cl.finish();
      std::cout << copy(*from, to).dump() << '\n';
      return 0;
    }
  }
  const std::string db_name = db_option ? *db_option : cl.required("db");
  if (!cl.has_word()) {
    const std::string listen = cl.required("listen");
    cl.finish();
    return serve(db_name, listen);
  }
  const std::string command = cl.word("command");
  Result<std::unique_ptr<HqDb>> db = open_hq_db(db_name, OpenMode::Migrate);
  if (!db) throw CommandFailed{kExitFailure, db.error().message};
  SystemClock clock;
  HqAdmin admin(*db.value(), clock);
  const Json answer = run(cl, admin, *db.value(), command);
  if (!answer.is_null()) std::cout << answer.dump() << '\n';
  return 0;
}

void print_error(const std::string& message) {
  std::cout << Json{{"error", message}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace
}  // namespace kiosk::hq

int main(int argc, char** argv) {
  using namespace kiosk::hq;
  try {
    return main_checked(argc, argv);
  } catch (const kiosk::UsageError& e) {
    print_error(e.what());
    std::cerr << kUsage << '\n';
    return kExitUsage;
  } catch (const CommandFailed& e) {
    print_error(e.message);
    return e.exit_code;
  } catch (const std::exception& e) {
    print_error(e.what());
    return kExitFailure;
  }
}
