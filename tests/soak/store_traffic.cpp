// StoreTraffic: the customers', clerks' and display's threads (store_traffic.h).
#include "soak/store_traffic.h"

#include <memory>
#include <random>

#include "node/node_fixture.h"

namespace kiosk::soak {

namespace {

constexpr double kCustomerKillShare = 0.1;  // of customer processes SIGKILLed mid-run
constexpr double kRequestShare = 0.1;       // of customers who make a repair request
constexpr double kPriorityShare = 0.15;

bool chance(std::mt19937& random, double share) { return std::uniform_real_distribution<>(0, 1)(random) < share; }
int between(std::mt19937& random, int low, int high) { return std::uniform_int_distribution<>(low, high)(random); }

std::vector<std::string> issue_args(std::mt19937& random) {
  std::vector<std::string> args{"issue", "--service", chance(random, 0.6) ? "A" : "B"};
  if (chance(random, kPriorityShare)) args.push_back("--priority");
  return args;
}

std::vector<std::string> request_args(std::mt19937& random) {
  const std::string phone = "138" + std::to_string(between(random, 10000000, 99999999));
  return {"request", "create",   "--product", "phone", "--problem", "no-power",
          "--name",  "Customer", "--phone",   phone,   "--consent", "--drop-off"};
}

// kioskctl's refusal: {"error": "words"} (with "code" beside it), or {"error": {"code", "message"}}.
Refusal ctl_refusal(const CtlRun& run) {
  Refusal refusal;
  refusal.status = run.exit_code;
  if (!run.body.is_object() || !run.body.contains("error")) return refusal;
  const Json& error = run.body["error"];
  if (error.is_object()) {
    refusal.code = error.value("code", "");
    refusal.message = error.value("message", "");
  } else if (error.is_string()) {
    refusal.message = error.get<std::string>();
    refusal.code = run.body.value("code", "");
  }
  return refusal;
}

// The API's refusal: {"error": {"code", "message"}}.
Refusal api_refusal(const test::HttpAnswer& answer) {
  Refusal refusal;
  refusal.status = answer.status;
  if (answer.body.is_object() && answer.body.contains("error") && answer.body["error"].is_object()) {
    refusal.code = answer.body["error"].value("code", "");
    refusal.message = answer.body["error"].value("message", "");
  }
  return refusal;
}

// A client of the node as it is now (a new one after each restart: another port).
class NodeClient {
 public:
  NodeClient(const StoreUnderTest& store, int device) : store_(store), device_(device) {}
  // nullptr while the node is down.
  test::ApiClient* get() {
    const int port = store_.node_port();
    if (port == 0) return nullptr;
    if (port != port_) {
      const std::string token = client_ ? client_->token : "";
      client_ = std::make_unique<test::ApiClient>(port, store_.device_token(device_));
      client_->token = token;
      port_ = port;
    }
    return client_.get();
  }

 private:
  const StoreUnderTest& store_;
  int device_;
  int port_ = 0;
  std::unique_ptr<test::ApiClient> client_;
};

}  // namespace

StoreTraffic::StoreTraffic(StoreUnderTest& store, SoakLedger& ledger, unsigned seed)
    : store_(store), ledger_(ledger), seed_(seed) {}

StoreTraffic::~StoreTraffic() { stop(); }

void StoreTraffic::start() {
  // A thread that throws ends its part of the day, said in the ledger (never std::terminate).
  const auto guarded = [this](std::string name, auto body) {
    return [this, name = std::move(name), body] {
      try {
        body();
      } catch (const std::exception& e) {
        ledger_.add_failure(name + ": " + e.what());
      }
    };
  };
  for (unsigned customer = 0; customer < 2; ++customer)
    threads_.emplace_back(guarded("customer", [this, customer] { this->customer(seed_ * 7919 + customer); }));
  for (int number = 1; number <= StoreUnderTest::kCounters; ++number)
    threads_.emplace_back(guarded("counter " + std::to_string(number), [this, number] {
      counter(number, seed_ * 7919 + 100 + static_cast<unsigned>(number));
    }));
  threads_.emplace_back(guarded("display", [this] { display(seed_ * 7919 + 200); }));
}

void StoreTraffic::stop() {
  stop_ = true;
  for (std::thread& thread : threads_) thread.join();
  threads_.clear();
}

namespace {

// Sleeps `ms`, in steps, returning early once `stopping` says so.
template <class Stopping>
void pause_for(int ms, Stopping stopping) {
  for (int slept = 0; slept < ms && !stopping(); slept += 50)
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(50, ms - slept)));
}

}  // namespace

void StoreTraffic::customer(unsigned seed) {
  std::mt19937 random(seed);
  const auto stopping = [this] { return this->stopping(); };
  while (!stopping()) {
    pause_for(between(random, 200, 700), stopping);
    const bool request = chance(random, kRequestShare);
    const int kill_after_ms = chance(random, kCustomerKillShare) ? between(random, 0, 40) : -1;
    const std::string action = request ? "request" : "issue";
    const bool full_before = store_.disk_full();
    const CtlRun run = store_.kioskctl(request ? request_args(random) : issue_args(random), kill_after_ms);
    const bool full_after = store_.disk_full();
    ledger_.count_operation(action);
    if (run.killed) ledger_.count_kill("customer kioskctl");
    // What the screen showed: the answer, printed only after the commit (a
    // process killed after printing it had shown it too). A refusal's body
    // has "error" (and its own "code").
    const bool answered = run.body.is_object() && !run.body.contains("error");
    if (!request && answered && run.body.contains("ticket") && run.body.contains("id"))
      ledger_.add_shown_ticket({run.body["id"], run.body["ticket"], run.body.value("business_day", "")});
    if (request && answered && run.body.contains("code"))
      ledger_.add_shown_request(run.body["code"].get<std::string>());
    if (run.exit_code == 0 || run.killed) continue;
    Refusal refusal = ctl_refusal(run);
    refusal.who = "customer";
    refusal.action = action;
    refusal.disk_full = full_before && full_after;
    ledger_.add_refusal(std::move(refusal));
  }
}

void StoreTraffic::counter(int number, unsigned seed) {
  std::mt19937 random(seed);
  const auto stopping = [this] { return this->stopping(); };
  NodeClient node(store_, number - 1);
  enum class Holding { Nothing, Called, Serving } holding = Holding::Nothing;
  const std::string who = "counter " + std::to_string(number);
  const std::string path = "/api/v1/counters/" + std::to_string(number) + "/";
  while (!stopping()) {
    pause_for(between(random, 150, 500), stopping);
    test::ApiClient* client = node.get();
    if (!client) continue;
    if (drop_session_.at(number - 1).exchange(false) && !client->token.empty()) {
      ledger_.count_fault("counter session dropped");
      client->post("/api/v1/logout");  // the clerk's screen still holds the token
    }
    std::string action;
    Json body = Json::object();
    if (client->token.empty()) {
      action = "login";
      body = Json{{"name", store_.staff_name(number)}, {"pin", store_.staff_pin(number)}, {"counter", number}};
    } else if (holding == Holding::Nothing) {
      action = "call";
    } else if (holding == Holding::Called) {
      action = chance(random, 0.1) ? "recall" : chance(random, 0.1) ? "no-show" : "start";
    } else {
      action = "finish";
      body = Json{{"outcome", chance(random, 0.8) ? "resolved" : "follow-up"}};
    }
    const bool full_before = store_.disk_full();
    const test::HttpAnswer answer = client->post(action == "login" ? "/api/v1/login" : path + action, body);
    const bool full_after = store_.disk_full();
    ledger_.count_operation(action);
    if (answer.status == 200) {
      if (action == "login") client->token = answer.body.value("token", "");
      if (action == "call" || action == "recall") holding = Holding::Called;
      if (action == "start") holding = Holding::Serving;
      if (action == "finish" || action == "no-show") holding = Holding::Nothing;
      continue;
    }
    if (answer.status == 0) {  // the node went down under it: the answer is unknown
      ledger_.count_operation("unanswered");
      continue;
    }
    Refusal refusal = api_refusal(answer);
    refusal.who = who;
    refusal.action = action;
    refusal.disk_full = full_before && full_after;
    ledger_.add_refusal(std::move(refusal));
    if (answer.status == 401) client->token.clear();
    // A rule said no: the counter holds nothing (call next) or something (finish it).
    if (answer.status == 409) holding = action == "call" ? Holding::Serving : Holding::Nothing;
  }
}

void StoreTraffic::display(unsigned seed) {
  std::mt19937 random(seed);
  const auto stopping = [this] { return this->stopping(); };
  NodeClient node(store_, StoreUnderTest::kCounters);
  std::int64_t after = 0;
  while (!stopping()) {
    pause_for(between(random, 200, 400), stopping);
    test::ApiClient* client = node.get();
    if (!client) continue;
    for (const std::string& what : {std::string("events"), std::string("queue")}) {
      const test::HttpAnswer answer =
          client->get(what == "events" ? "/api/v1/events?after=" + std::to_string(after) : "/api/v1/queue");
      ledger_.count_operation("display " + what);
      if (answer.status == 200 && what == "events") {
        const std::int64_t last = answer.body.value("last_seq", after);
        if (last < after) ledger_.count_operation(kDisplayWentBack);
        after = std::max(after, last);
      } else if (answer.status == 0) {
        ledger_.count_operation("unanswered");
      } else if (answer.status != 200) {
        Refusal refusal = api_refusal(answer);
        refusal.who = "display";
        refusal.action = what;
        ledger_.add_refusal(std::move(refusal));
      }
    }
  }
}

}  // namespace kiosk::soak
