// customer_effects: the store and printer side of each effect.
#include "customer/customer_worker.h"

#include <cstdio>
#include <memory>
#include <optional>

#include "core/overloaded.h"
#include "core/phone.h"
#include "customer/admin_effects.h"
#include "customer/device_effects.h"
#include "customer/help_effects.h"
#include "customer/printer_health.h"
#include "customer/request_effects.h"
#include "customer/ticket_receipt.h"
#include "printer/ticket_printer.h"
#include "queue/queue_engine.h"
#include "ratings/rating_book.h"
#include "ratings/rating_check.h"
#include "store/store_db.h"
#include "sync/public_page.h"

namespace kiosk::customer {
namespace {

std::string code_of(const Error& e) { return e.code.empty() ? "storage" : e.code; }

// Everything an effect needs, living on the worker thread.
class EffectContext {
 public:
  EffectContext(StoreDb& store, const CustomerWorkerConfig& config, const Post& post)
      : store_(store),
        engine_(store, clock_),
        ratings_(store, clock_),
        requests_(store, clock_, config.printer, config.texts, post),
        admin_(store, clock_, post),
        devices_(store, clock_, config.data_dir, post),
        help_(store, clock_, post),
        config_(config),
        post_(post) {}

  void run(const Effect& effect) {
    std::visit(
        Overloaded{
            [&](const LoadServices&) { load_services(); }, [&](const IssueTicket& e) { issue(e); },
            [&](const FindVisit& e) { find_visit(e); }, [&](const SaveRating& e) { save_rating(e); },
            [&](const LoadRequestOptions&) { requests_.load_options(); },
            [&](const CreateRequest& e) { requests_.create(e); }, [&](const LookUpStatus& e) { requests_.look_up(e); },
            [&](const RateRequest& e) { requests_.rate(e); }, [&](const CheckStaffPin& e) { admin_.check_pin(e); },
            [&](const ReadAdminFigures&) { admin_.read_figures(); }, [&](const ReadDevices&) { devices_.read(); },
            [&](const IssueDeviceCode&) { devices_.issue_code(); }, [&](const RevokeDevice& e) { devices_.revoke(e); },
            [&](const LoadHelp&) { help_.load(); }, [&](const OpenKbUse& e) { help_.opened(e); },
            [&](const AnswerKbUse& e) { help_.answered(e); }, [&](const RecordKbTicket& e) { help_.ticket_taken(e); },
            [&](const ImeEffect&) { std::fprintf(stderr, "kiosk: an IME effect reached the store worker\n"); }},
        effect);
  }

 private:
  std::vector<ServiceView> services() {
    std::vector<ServiceView> views;
    Result<std::vector<ServiceQueue>> queues = engine_.queue_status();
    if (!queues) {
      std::fprintf(stderr, "kiosk: cannot read the queue: %s\n", queues.error().message.c_str());
      return views;
    }
    for (const ServiceQueue& q : queues.value())
      views.push_back(ServiceView{q.service.code, q.service.name_zh, q.service.name_en, q.service.priority_allowed,
                                  q.waiting, q.estimated_wait_min});
    return views;
  }

  void load_services() {
    const PublicPage page = public_page_or_none(store_.db());
    post_(ServicesLoaded{services(), page.reminders, page.public_url});
  }

  // The settings as they are now decide: a number typed while reminders
  // were on is not kept once they are off (nobody would text it), and the QR
  // holds the page only while there is one.
  void issue(const IssueTicket& e) {
    const PublicPage page = public_page_or_none(store_.db());
    Result<IssuedTicket> issued = engine_.issue({e.service_code, e.priority, page.reminders ? e.phone : std::string(),
                                                 e.language == Language::Zh ? "zh" : "en"});
    if (!issued) {
      std::fprintf(stderr, "kiosk: ticket not issued: %s\n", issued.error().message.c_str());
      post_(IssueFailed{code_of(issued.error())});
      return;
    }
    const Ticket& t = issued.value().ticket;
    TicketView view{t.id,
                    t.label,
                    t.service_code,
                    t.token,
                    rating_check_digits(t.token),
                    store_.zone().local_minute(t.issued_at).substr(11),
                    t.phone.empty() ? "" : mask_phone(t.phone),
                    issued.value().people_ahead,
                    t.estimated_wait_min,
                    config_.printer ? PrintStatus::Printing : PrintStatus::ScreenOnly,
                    t.priority,
                    ticket_page_url(page, t.token)};
    post_(TicketIssued{view});
    if (config_.printer) print(view);
    post_(ServicesLoaded{services(), page.reminders, page.public_url});
  }

  // A failed print is recorded on the ticket (staff reprint it) and told to the
  // customer. A printer path ending in .png gets a picture of the paper ticket.
  void print(const TicketView& view) {
    ServiceView service{view.service_code, view.service_code, view.service_code, false, 0, 0};
    for (const ServiceView& s : services())
      if (s.code == view.service_code) service = s;
    const printer::Receipt receipt = ticket_receipt(view, service, store_.store_id(), config_.texts);
    const std::string failure = print_recorded(receipt, *config_.printer, store_, clock_.now_ms());
    if (!failure.empty())
      std::fprintf(stderr, "kiosk: ticket %s not printed: %s\n", view.label.c_str(), failure.c_str());
    const bool ok = failure.empty();
    Result<Ticket> recorded = engine_.record_print(view.id, ok ? PrintState::Printed : PrintState::Failed);
    if (!recorded)
      std::fprintf(stderr, "kiosk: print state of %s not recorded: %s\n", view.label.c_str(),
                   recorded.error().message.c_str());
    post_(TicketPrinted{ok});
  }

  void find_visit(const FindVisit& e) {
    Result<Ticket> visit = ratings_.ratable_visit(e.label, e.check);
    if (visit)
      post_(VisitFound{VisitView{visit.value().id, visit.value().label}});
    else
      post_(VisitRefused{code_of(visit.error())});
  }

  void save_rating(const SaveRating& e) {
    Result<Rating> saved = ratings_.rate(e.ticket_id, e.score, e.reasons);
    if (saved)
      post_(RatingSaved{});
    else
      post_(RatingRefused{code_of(saved.error())});
  }

  SystemClock clock_;
  StoreDb& store_;
  QueueEngine engine_;
  RatingBook ratings_;
  RequestEffects requests_;
  AdminEffects admin_;
  DeviceEffects devices_;
  HelpEffects help_;
  const CustomerWorkerConfig& config_;
  const Post& post_;
};

// What the runner keeps on the worker thread: the store and the context over it.
struct StoreSide {
  StoreSide(CustomerWorkerConfig c, Post p) : config(std::move(c)), post(std::move(p)) {}
  CustomerWorkerConfig config;
  Post post;
  std::unique_ptr<StoreDb> store;
  std::optional<EffectContext> context;
};

}  // namespace

app::EffectRunner<Effect> customer_effects(CustomerWorkerConfig config, Post post) {
  auto side = std::make_shared<StoreSide>(std::move(config), std::move(post));
  Result<std::unique_ptr<StoreDb>> store = StoreDb::open(side->config.data_dir);
  if (store) {
    side->store = std::move(store.value());
    side->context.emplace(*side->store, side->config, side->post);
  } else {
    std::fprintf(stderr, "kiosk: worker cannot open the store: %s\n", store.error().message.c_str());
  }
  app::EffectRunner<Effect> runner;
  runner.run = [side](const Effect& effect) {
    if (side->context)
      side->context->run(effect);
    else if (std::holds_alternative<IssueTicket>(effect))
      side->post(IssueFailed{"storage"});
  };
  // Idle for paper_check_every: a printer device is asked for its paper, so a
  // refilled one clears "paper-out" without a customer printing.
  const std::optional<printer::PrinterTarget>& printer = side->config.printer;
  if (side->store && printer && printer->kind == printer::PrinterPathKind::Device) {
    runner.when_idle = [side] {
      check_paper(*side->store, *side->config.printer, SystemClock().now_ms());
      return side->config.paper_check_every;
    };
    runner.first_idle_after = side->config.paper_check_every;
  }
  return runner;
}

}  // namespace kiosk::customer
