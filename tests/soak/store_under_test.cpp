// StoreUnderTest: the store's processes, its clock, its disk (store_under_test.h).
#include "soak/store_under_test.h"

#include <stdexcept>

#ifndef KIOSK_PATH
#error "KIOSK_PATH must name the kiosk executable"
#endif

namespace kiosk::soak {

namespace {

constexpr int kSigkillExit = 128 + 9;

// `argv` with its stderr appended to `log` (the soak's own output stays readable).
std::vector<std::string> with_stderr_to(const std::string& log, std::vector<std::string> argv) {
  argv.insert(argv.begin(), {"/bin/sh", "-c", "exec \"$@\" 2>>\"$0\"", log});
  return argv;
}

// The last line of `lines` that parses as JSON, or null.
Json last_json(const std::vector<std::string>& lines) {
  for (auto line = lines.rbegin(); line != lines.rend(); ++line) {
    Json parsed = Json::parse(*line, nullptr, false);
    if (!parsed.is_discarded()) return parsed;
  }
  return nullptr;
}

// Reads `process`'s lines into `lines` until its output ends; a process silent
// for `limit` is taken as hung and SIGKILLed (true then). Never waits for ever.
bool read_to_end(test::ChildProcess& process, std::chrono::seconds limit, std::vector<std::string>& lines) {
  for (;;) {
    const auto asked = std::chrono::steady_clock::now();
    std::optional<std::string> line = process.read_line(limit);
    if (line) {
      lines.push_back(std::move(*line));
      continue;
    }
    if (std::chrono::steady_clock::now() - asked < limit) return false;  // the end of its output
    process.kill_hard();
    return true;
  }
}

}  // namespace

StoreUnderTest::StoreUnderTest(const StoreSetup& setup) : disk_(setup.disk_bytes), setup_(setup) {}

StoreUnderTest::~StoreUnderTest() {
  if (node_) {
    node_->kill_hard();
    node_->wait();
  }
  hq_.stop();
}

std::string StoreUnderTest::staff_name(int counter) const { return counter == 1 ? "Li" : "Wang"; }
std::string StoreUnderTest::staff_pin(int counter) const { return counter == 1 ? "2580" : "1470"; }

std::vector<std::string> StoreUnderTest::on_store_clock(std::vector<std::string> argv) const {
  const std::string offset = std::to_string(test_clock_offset_ms() + clock_shift_.load());
  argv.insert(argv.begin(), {"/usr/bin/env", "KIOSK_TEST_CLOCK_OFFSET_MS=" + offset});
  return argv;
}

CtlRun StoreUnderTest::kioskctl(const std::vector<std::string>& args, int kill_after_ms) const {
  std::vector<std::string> argv{KIOSKCTL_PATH, "--data", data_dir()};
  argv.insert(argv.end(), args.begin(), args.end());
  test::ChildProcess process(with_stderr_to(logs_.file("kioskctl.log"), on_store_clock(argv)));
  CtlRun run;
  std::vector<std::string> lines;
  if (kill_after_ms >= 0) {
    test::KilledRun killed = test::read_until_killed(process, std::chrono::milliseconds(kill_after_ms));
    lines = std::move(killed.lines);
    run.killed = killed.killed_mid_run;
    run.exit_code = process.wait();
  } else {
    read_to_end(process, std::chrono::seconds(60), lines);  // a hung one ends 137, without words: a wrong refusal
    run.exit_code = process.wait();
  }
  run.body = last_json(lines);
  return run;
}

void StoreUnderTest::set_up() {
  const auto must = [](const CtlRun& run, const std::string& what) {
    if (run.exit_code != 0) throw std::runtime_error(what + " failed: " + run.body.dump());
    return run.body;
  };
  must(kioskctl({"init", "--store", "S1"}), "kioskctl init");
  for (int counter = 1; counter <= kCounters; ++counter) {
    must(kioskctl({"counter", "open", "--counter", std::to_string(counter), "--services", "A,B"}), "counter open");
    must(kioskctl({"staff", "add", "--name", staff_name(counter), "--pin", staff_pin(counter)}), "staff add");
  }
  hq_.start();
  hq_token_ = hq_.add_device("S1");
  proxy_ = std::make_unique<test::FaultProxy>(hq_.port, setup_.proxy_fault_share, setup_.seed);
  must(kioskctl({"hq", "set", "--url", "http://127.0.0.1:" + std::to_string(proxy_->port()), "--token", hq_token_}),
       "hq set");
  if (!start_node()) throw std::runtime_error("the store node did not start");
  for (int counter = 1; counter <= kCounters; ++counter)
    device_tokens_.push_back(enrol_device("counter", "counter " + std::to_string(counter)));
  device_tokens_.push_back(enrol_device("display", "display"));
}

std::string StoreUnderTest::enrol_device(const std::string& kind, const std::string& name) {
  const CtlRun code = kioskctl({"device", "enrol", "--label", name});
  if (code.exit_code != 0) throw std::runtime_error("device enrol failed: " + code.body.dump());
  httplib::Client client("https://127.0.0.1:" + std::to_string(node_port()));
  client.enable_server_certificate_verification(false);
  client.set_read_timeout(20, 0);
  const Json request{{"code", code.body["code"]}, {"kind", kind}, {"name", name}};
  const httplib::Result enrolled = client.Post("/api/v1/devices/enrol", request.dump(), "application/json");
  if (!enrolled || enrolled->status != 200) throw std::runtime_error("enrolling " + name + " failed");
  return Json::parse(enrolled->body)["token"].get<std::string>();
}

bool StoreUnderTest::start_node() {
  if (node_) return true;
  node_ = std::make_unique<test::ChildProcess>(
      with_stderr_to(logs_.file("node.log"),
                     on_store_clock({KIOSK_PATH, "--role", "node", "--data", data_dir(), "--listen", "127.0.0.1:0"})));
  for (int lines = 0; lines < 50; ++lines) {
    const std::optional<std::string> line = node_->read_line(std::chrono::seconds(20));
    if (!line) break;
    const Json parsed = Json::parse(*line, nullptr, false);
    if (parsed.is_object() && parsed.contains("listening")) {
      const std::string address = parsed["listening"];
      node_port_ = std::stoi(address.substr(address.rfind(':') + 1));
      return true;
    }
  }
  // It did not come up (a full disk can refuse it): ended, to be started again later.
  node_->kill_hard();
  node_->wait();
  node_.reset();
  return false;
}

void StoreUnderTest::kill_node() {
  if (!node_) return;
  node_port_ = 0;
  node_->kill_hard();
  if (node_->wait() != kSigkillExit) ++unexpected_exits_;  // it had ended by itself before
  node_.reset();
}

void StoreUnderTest::stop_node() {
  if (!node_) return;
  node_port_ = 0;
  node_->terminate();
  std::vector<std::string> last_words;
  const bool hung = read_to_end(*node_, std::chrono::seconds(20), last_words);
  if (node_->wait() != 0 || hung) ++unexpected_exits_;
  node_.reset();
}

void StoreUnderTest::set_clock_shift(EpochMs shift_ms) {
  clock_shift_ = shift_ms;
  stop_node();
  start_node();
}

void StoreUnderTest::fill_disk() {
  disk_full_ = true;
  disk_.fill();
}

void StoreUnderTest::make_room() {
  disk_.make_room();
  disk_full_ = false;
}

void StoreUnderTest::point_sync_at_hq_directly() {
  const CtlRun set = kioskctl({"hq", "set", "--url", hq_.url(), "--token", hq_token_});
  if (set.exit_code != 0) throw std::runtime_error("hq set (direct) failed: " + set.body.dump());
}

std::map<std::string, int> StoreUnderTest::proxy_counts() const {
  std::map<std::string, int> counts;
  if (!proxy_) return counts;
  for (const auto& [fault, n] : proxy_->counts()) counts[test::FaultProxy::name(fault)] = n;
  return counts;
}

}  // namespace kiosk::soak
