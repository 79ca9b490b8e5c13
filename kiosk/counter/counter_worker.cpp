// counter_requests: each effect as one request to the store node.
#include "counter/counter_worker.h"

#include <cstdio>
#include <memory>

#include "codec/request_form_json.h"
#include "core/overloaded.h"
#include "counter/node_answers.h"
#include "paper/receipt_output.h"
#include "paper/request_receipt.h"
#include "remote/store_node_client.h"

namespace kiosk::counter {
namespace {

using remote::Json;

bool acts_on_ticket(const std::string& verb) { return verb != "open" && verb != "pause" && verb != "close"; }

Json command_body(const CounterCommand& c) {
  if (c.verb == "finish") return {{"outcome", c.argument}};
  if (c.verb == "transfer") return {{"to_service", c.argument}};
  if (c.verb == "pause") return {{"reason", c.argument}};
  if (c.verb == "open") return {{"services", c.services}};
  return Json::object();
}

// The requests of one worker thread, with its client (and session token).
class Requests {
 public:
  Requests(CounterWorkerConfig config, Post post)
      : device_(config.device, config.enrolment),
        counter_(config.counter),
        config_(std::move(config)),
        post_(std::move(post)) {}

  void run(const Effect& effect) {
    if (const auto* enrol = std::get_if<kit::EnrolDevice>(&effect)) return enrol_device(enrol->code);
    if (!device_.client()) {  // not enrolled (the reducer asks nothing then; a late effect is dropped)
      if (!std::holds_alternative<LogOut>(effect)) post_(EnrolAnswer(kit::DeviceRefused{"device-not-enrolled"}));
      return;
    }
    std::visit(
        Overloaded{
            [&](const LogIn& e) { log_in(e); }, [&](const LogOut&) { client().end_session(); },
            [&](const LoadQueue&) { load_queue(); }, [&](const LoadReprints&) { load_reprints(); },
            [&](const CounterCommand& e) { act(e); }, [&](const ReprintDone& e) { reprint_done(e.ticket_id); },
            [&](const LoadRequestOptions&) { load_request_options(); }, [&](const PostRequest& e) { post_request(e); },
            [&](const kit::EnrolDevice&) {},
            [&](const app::ImeEffect&) { std::fprintf(stderr, "kiosk: an IME effect reached the node worker\n"); }},
        effect);
  }

 private:
  remote::StoreNodeClient& client() { return *device_.client(); }

  void enrol_device(const std::string& code) {
    Result<remote::NodeEnrolment> enrolled = device_.enrol(code);
    if (!enrolled) return post_(EnrolAnswer(kit::EnrolRefused{enrolled.error().code}));
    post_(EnrolAnswer(kit::DeviceEnrolled{enrolled.value().fingerprint}));
  }

  // A refusal of this device rather than of the call: the enrol or wrong-server screen.
  bool device_refused(const Error& error) {
    if (!device_.refused(error)) return false;
    post_(EnrolAnswer(kit::DeviceRefused{error.code}));
    return true;
  }

  void fail(const std::string& what, const Error& error) {
    if (device_refused(error)) return;
    if (error.kind != ErrorKind::Refused) std::fprintf(stderr, "kiosk: %s: %s\n", what.c_str(), error.message.c_str());
    post_(failure_from_error(what, error));
  }

  void log_in(const LogIn& e) {
    Result<Json> answer = client().login(e.name, e.pin, counter_);
    if (!answer) return fail("login", answer.error());
    post_(LoggedIn{remote::staff_name_in(answer.value(), e.name)});
  }

  void load_queue() {
    Result<Json> answer = client().queue();
    if (!answer) return fail("queue", answer.error());
    if (answer.value().contains("store") && answer.value()["store"].is_string()) store_id_ = answer.value()["store"];
    post_(queue_from_json(answer.value(), counter_));
  }

  void load_request_options() {
    Result<Json> answer = client().products();
    if (!answer) return fail("products", answer.error());
    RequestOptionsLoaded options = request_options_from_json(answer.value());
    products_ = options.products;  // the receipt names them
    post_(std::move(options));
  }

  // The node's refusal of the form goes back with its code; a link or session failure as any other.
  void post_request(const PostRequest& e) {
    Result<Json> answer = client().create_request(Json(request_form_json(e.form)), e.ticket_id);
    if (answer) {
      const Request request = receipt_request_from_json(answer.value().value("request", Json::object()));
      const Json& lookup_url = answer.value().value("lookup_url", Json());
      const bool printing = config_.printer && config_.texts;
      post_(StaffRequestCreated{request.code, printing});
      if (printing) print_receipt(request, lookup_url.is_string() ? lookup_url.get<std::string>() : std::string());
      return;
    }
    const Error& error = answer.error();
    if (device_refused(error)) return;
    const RequestFailed failed = failure_from_error("request", error);
    if (failed.failure == Failure::Unreachable || failed.failure == Failure::SessionEnded) return post_(failed);
    post_(StaffRequestRefused{error.code, error.message});
  }

  // The same receipt as the kiosk's, on this counter's printer.
  void print_receipt(const Request& request, const std::string& lookup_url) {
    const printer::PrintResult printed = paper::output_receipt(
        paper::request_receipt(request, products_, store_id_, *config_.texts, lookup_url), *config_.printer);
    if (!printed.ok())
      std::fprintf(stderr, "kiosk: receipt of %s not printed: %s\n", request.code.c_str(), printed.message.c_str());
    post_(StaffReceiptPrinted{printed.ok()});
  }

  void load_reprints() {
    if (!client().logged_in()) return;
    Result<Json> answer = client().reprints();
    if (!answer) return fail("reprints", answer.error());
    post_(ReprintsLoaded{reprints_from_json(answer.value())});
  }

  void act(const CounterCommand& c) {
    Result<Json> answer = client().counter_action(counter_, c.verb, command_body(c));
    if (!answer) return fail(c.verb, answer.error());
    if (acts_on_ticket(c.verb))
      post_(TicketAnswered{c.verb, ticket_from_json(answer.value())});
    else
      post_(CounterAnswered{c.verb, counter_from_json(answer.value())});
  }

  void reprint_done(const std::string& ticket_id) {
    Result<Json> answer = client().reprint_done(ticket_id);
    if (!answer) return fail("reprint", answer.error());
    post_(Reprinted{ticket_id});
  }

  remote::NodeDevice device_;  // its client holds the staff session's token
  int counter_;
  CounterWorkerConfig config_;
  Post post_;
  std::string store_id_;                   // from the last /queue answer
  std::vector<ProductCategory> products_;  // from the last /products answer
};

}  // namespace

app::EffectRunner<Effect> counter_requests(CounterWorkerConfig config, Post post) {
  auto requests = std::make_shared<Requests>(std::move(config), std::move(post));
  return {[requests](const Effect& effect) { requests->run(effect); }, {}, {}};
}

}  // namespace kiosk::counter
