// The sample states of every customer screen.
#include "screen_samples.h"

#include <doctest/doctest.h>

#include "customer/help_library.h"
#include "customer/help_reducer.h"
#include "kb/kb_article.h"
#include "store/catalog.h"
#include "store/product_catalog.h"

namespace kiosk::test {

using namespace kiosk::customer;

std::vector<ServiceView> sample_services() {
  Result<std::vector<Service>> catalogue = read_catalog_file(std::string(KIOSK_ASSETS_DIR) + "/catalog-default.jsonl");
  REQUIRE_MESSAGE(catalogue.ok(), (catalogue.ok() ? "" : catalogue.error().message));
  const int waiting[] = {3, 0, 7, 1, 12, 2, 0, 5};
  std::vector<ServiceView> services;
  for (std::size_t i = 0; i < catalogue.value().size(); ++i) {
    const Service& s = catalogue.value()[i];
    const int w = waiting[i % 8];
    services.push_back({s.code, s.name_zh, s.name_en, s.priority_allowed, w, w * s.typical_service_min});
  }
  return services;
}

std::shared_ptr<const HelpLibrary> sample_help_library() {
  Result<std::vector<KbArticle>> articles = read_kb_article_file(std::string(KIOSK_ASSETS_DIR) + "/kb-default.jsonl");
  REQUIRE_MESSAGE(articles.ok(), (articles.ok() ? "" : articles.error().message));
  Result<std::vector<ProductCategory>> products =
      read_product_catalog_file(std::string(KIOSK_ASSETS_DIR) + "/products-default.jsonl");
  REQUIRE_MESSAGE(products.ok(), (products.ok() ? "" : products.error().message));
  return make_help_library(1, articles.value(), products.value());
}

std::vector<std::string> sample_texts(const app::Translations& texts) {
  std::vector<std::string> all = texts.all_texts();
  for (const ServiceView& s : sample_services()) {
    all.push_back(s.name_zh);
    all.push_back(s.name_en);
  }
  all.push_back(kSampleStoreId);
  const std::shared_ptr<const HelpLibrary> library = sample_help_library();
  for (const HelpCategory& c : library->categories) {
    all.push_back(c.name_zh);
    all.push_back(c.name_en);
  }
  for (const KbArticle& a : library->articles) {
    for (const KbText* text : {&a.zh, &a.en}) {
      all.push_back(text->title);
      all.push_back(text->answer);
      for (const std::string& step : text->steps) all.push_back(step);
    }
  }
  all.push_back("…");
  return all;
}

namespace {

// `with_page`: the store knows HQ's public address (the QR opens the phone page).
TicketView sample_ticket(PrintStatus print, bool with_phone, bool with_page = true) {
  TicketView t;
  t.id = "3f6c1e9a-0000-4000-8000-000000000012";
  t.label = "C012";
  t.service_code = "C";
  t.token = "7QK2M9XD4R8PWN3HJ6TB";
  t.page_url = with_page ? "https://q.example.cn/t/" + t.token : "";
  t.rating_check = "4820";
  t.issued_local_time = "14:05";
  t.phone_masked = with_phone ? "138****5678" : "";
  t.people_ahead = 7;
  t.estimated_wait_min = 25;
  t.print = print;
  return t;
}

}  // namespace

std::vector<ScreenSample> screen_samples(Language language) {
  CustomerState base;
  base.language = language;
  base.services = sample_services();
  base.reminders = true;  // HQ sends text reminders: the phone is offered
  base.last_activity = kSampleNow - 5'000;
  base.screen_since = kSampleNow - 5'000;
  base.services_loaded_at = kSampleNow - 1'000;
  base.public_url = "https://q.example.cn";
  base.help_library = sample_help_library();
  std::vector<ScreenSample> samples;
  auto add = [&](std::string name, auto change) {
    CustomerState s = base;
    change(s);
    samples.push_back({std::move(name), std::move(s), kSampleNow});
  };
  add("welcome", [](CustomerState&) {});
  add("welcome_loading", [](CustomerState& s) { s.services.clear(); });
  add("take", [](CustomerState& s) { s.screen = Screen::TakeNumber; });
  add("take_chosen", [](CustomerState& s) {
    s.screen = Screen::TakeNumber;
    s.form.service_code = "A";
    s.form.priority = true;
    s.form.phone_accepted = "13812345678";
  });
  add("take_no_reminders", [](CustomerState& s) {  // HQ sends none: no phone is asked for
    s.screen = Screen::TakeNumber;
    s.form.service_code = "A";
    s.reminders = false;
  });
  add("take_no_priority", [](CustomerState& s) {
    s.screen = Screen::TakeNumber;
    s.form.service_code = "G";
  });
  add("take_issuing", [](CustomerState& s) {
    s.screen = Screen::TakeNumber;
    s.form.service_code = "B";
    s.issuing = true;
  });
  add("take_error", [](CustomerState& s) {
    s.screen = Screen::TakeNumber;
    s.form.service_code = "E";
    s.issue_error = "storage";
  });
  add("take_disk_full", [](CustomerState& s) {  // the store's disk is full: no number was issued
    s.screen = Screen::TakeNumber;
    s.form.service_code = "A";
    s.issue_error = "disk-full";
  });
  add("phone_pad", [](CustomerState& s) {
    s.screen = Screen::TakeNumber;
    s.form.service_code = "A";
    s.form.phone_pad_open = true;
    s.form.phone_typed = "1381234";
  });
  add("phone_error", [](CustomerState& s) {
    s.screen = Screen::TakeNumber;
    s.form.service_code = "A";
    s.form.phone_pad_open = true;
    s.form.phone_typed = "12345";
    s.form.phone_error = "phone-not-mobile";
  });
  add("ticket_printing", [](CustomerState& s) {
    s.screen = Screen::Ticket;
    s.ticket = sample_ticket(PrintStatus::Printing, false);
  });
  add("ticket_printed", [](CustomerState& s) {
    s.screen = Screen::Ticket;
    s.ticket = sample_ticket(PrintStatus::Printed, true);
  });
  add("ticket_failed", [](CustomerState& s) {
    s.screen = Screen::Ticket;
    s.ticket = sample_ticket(PrintStatus::Failed, true);
  });
  add("ticket_screen_only", [](CustomerState& s) {
    s.screen = Screen::Ticket;
    s.ticket = sample_ticket(PrintStatus::ScreenOnly, false);
  });
  // Help: the categories, one open, a search typed in pinyin ("kt", still
  // composing) and in letters, an article with and without its QR, the thanks.
  const std::string first_category = base.help_library->categories.front().key;
  const std::string first_article = base.help_library->articles.front().id;
  auto search = [](CustomerState& s) {
    s.help.results.clear();
    for (const KbHit& hit : s.help_library->index.search(help_search_text(s), 20))
      s.help.results.push_back(hit.article);
  };
  add("help", [](CustomerState& s) { s.screen = Screen::Help; });
  add("help_category", [&](CustomerState& s) {
    s.screen = Screen::Help;
    s.help.category = first_category;
  });
  add("help_category_paged", [](CustomerState& s) {  // more articles than fit: the second page
    s.screen = Screen::Help;
    s.help.category = kHelpGeneral;
    s.help.page = 1;
  });
  add("help_search", [&](CustomerState& s) {  // the keys open, "kt" composing
    s.screen = Screen::Help;
    s.help.keyboard = true;
    s.ime.preedit = "k t";
    s.ime.candidates = {{"空调", 0}, {"开通", 1}, {"可能", 2}, {"看", 3}, {"快", 4}};
    search(s);
  });
  add("help_search_letters", [&](CustomerState& s) {  // the keys hidden, results full size
    s.screen = Screen::Help;
    s.help.layout = KeyLayout::Letters;
    s.help.query = "air";
    search(s);
  });
  add("help_article", [&](CustomerState& s) {
    s.screen = Screen::HelpArticle;
    s.help.article = *find_help_article(*s.help_library, first_article);
  });
  add("help_article_no_qr", [&](CustomerState& s) {  // HQ's public address not known: no QR
    s.screen = Screen::HelpArticle;
    s.public_url.clear();
    s.help.article = *find_help_article(*s.help_library, first_article);
  });
  add("help_thanks", [](CustomerState& s) { s.screen = Screen::HelpThanks; });
  add("ticket_no_page", [](CustomerState& s) {  // no public address, no reminders: nothing promised
    s.screen = Screen::Ticket;
    s.reminders = false;
    s.ticket = sample_ticket(PrintStatus::Printed, false, false);
  });
  add("rate_find", [](CustomerState& s) {
    s.screen = Screen::RateFind;
    s.rate.typed_label = "A012";
    s.rate.typed_check = "48";
    s.rate.typing_check = true;
  });
  add("rate_find_error", [](CustomerState& s) {
    s.screen = Screen::RateFind;
    s.rate.typed_label = "A099";
    s.rate.error = "unknown-ticket";
  });
  add("rate_score", [](CustomerState& s) {
    s.screen = Screen::RateScore;
    s.rate.visit = {"t-a007", "A007"};
    s.rate.score = 4;
    s.rate.reasons = {"fast", "friendly"};
  });
  add("rate_score_empty", [](CustomerState& s) {
    s.screen = Screen::RateScore;
    s.rate.visit = {"t-a007", "A007"};
  });
  add("rate_score_already", [](CustomerState& s) {
    s.screen = Screen::RateScore;
    s.rate.visit = {"t-a007", "A007"};
    s.rate.score = 5;
    s.rate.error = "already-rated";
  });
  add("rate_thanks", [](CustomerState& s) { s.screen = Screen::RateThanks; });
  add("request_kind", [](CustomerState& s) { s.screen = Screen::Request; });
  add("request_description", [](CustomerState& s) {
    s.screen = Screen::Request;
    s.request.step = FormStep::Description;
    s.request.draft.description = "空调";
    s.ime.preedit = "bu zhi";
    s.ime.candidates = {{"不知", 0}, {"不止", 1}, {"不支", 2}, {"部", 3},  {"不", 4},  {"步", 5},  {"补", 6},
                        {"布", 7},   {"簿", 8},   {"卜", 9},   {"捕", 10}, {"埠", 11}, {"怖", 12}, {"哺", 13}};
  });
  add("request_model", [](CustomerState& s) {
    s.screen = Screen::Request;
    s.request.step = FormStep::Model;
    s.request.target = TextTarget::Serial;
    s.request.layout = KeyLayout::Letters;
    s.request.draft.model = "KFR-35GW";
    s.request.draft.serial = "SN2024";
  });
  add("request_details", [](CustomerState& s) {
    s.screen = Screen::Request;
    s.request.step = FormStep::Details;
    s.request.days.push_back({"2026-11-23", 1});
    s.request.draft.purchase_date = "2024-06-01";
    s.request.draft.urgency = Urgency::Urgent;
  });
  add("request_details_future", [](CustomerState& s) {
    s.screen = Screen::Request;
    s.request.step = FormStep::Details;
    s.request.days.push_back({"2026-11-23", 1});
    s.request.error = "purchase-date-future";
  });
  add("request_when", [](CustomerState& s) {
    s.screen = Screen::Request;
    s.request.step = FormStep::When;
    for (int d = 23; d <= 30; ++d) s.request.days.push_back({"2026-11-" + std::to_string(d), (d - 22) % 7});
    for (int d = 1; d <= 6; ++d) s.request.days.push_back({"2026-12-0" + std::to_string(d), (d + 1) % 7});
    s.request.draft.date = "2026-11-24";
    s.request.draft.window = TimeWindow::Afternoon;
  });
  add("request_leave", [](CustomerState& s) {
    s.screen = Screen::Request;
    s.request.step = FormStep::Address;
    s.request.draft.kind = RequestKind::Repair;
    s.request.confirming_leave = true;
  });
  add("request_review", [](CustomerState& s) {
    s.screen = Screen::Request;
    s.request.step = FormStep::Review;
    s.request.products = {{"air-conditioner", "空调", "Air conditioners", {{"not-cooling", "不制冷", "Not cooling"}}}};
    s.request.draft = {RequestKind::Repair, "air-conditioner", "not-cooling", "空调不制冷，有异响",  "张伟",
                       "13812345678",       "中山路88号3单元", "2026-11-24",  TimeWindow::Afternoon, true,
                       "KFR-35GW",          "SN20240601",      "2024-06-01",  Urgency::Urgent};
  });
  add("request_done", [](CustomerState& s) {
    s.screen = Screen::RequestDone;
    s.request.code = "R7K2-9QX";
    s.request.receipt = ReceiptStatus::Failed;
  });
  add("check", [](CustomerState& s) {
    s.screen = Screen::Check;
    s.check.code_typed = "R7K29QX";
    s.check.error = "lookup-no-match";
  });
  add("check_result", [](CustomerState& s) {
    s.screen = Screen::CheckResult;
    s.check.status = StatusView{"R7K2-9QX",
                                RequestKind::Repair,
                                "空调",
                                "Air conditioners",
                                "不制冷",
                                "Not cooling",
                                RequestState::Scheduled,
                                "2026-11-24",
                                TimeWindow::Afternoon,
                                {{RequestState::Received, "2026-11-22 10:05"},
                                 {RequestState::Assigned, "2026-11-22 15:40"},
                                 {RequestState::Scheduled, "2026-11-23 09:12"}}};
  });
  add("check_result_long", [](CustomerState& s) {  // more steps than fit: the earliest are counted
    s.screen = Screen::CheckResult;
    s.check.status = StatusView{"R7K2-9QX",
                                RequestKind::Repair,
                                "空调",
                                "Air conditioners",
                                "不制冷",
                                "Not cooling",
                                RequestState::Scheduled,
                                "2026-11-27",
                                TimeWindow::Morning,
                                {{RequestState::Received, "2026-11-20 10:05"},
                                 {RequestState::Assigned, "2026-11-20 15:40"},
                                 {RequestState::Scheduled, "2026-11-21 09:12"},
                                 {RequestState::OnTheWay, "2026-11-22 08:30"},
                                 {RequestState::OnSite, "2026-11-22 09:10"},
                                 {RequestState::WaitingForParts, "2026-11-22 10:00"},
                                 {RequestState::Scheduled, "2026-11-23 09:12"}}};
  });
  add("idle", [](CustomerState& s) {
    s.screen = Screen::TakeNumber;
    s.form.service_code = "A";
    s.last_activity = kSampleNow - CustomerTimings{}.idle_quiet - 7'400;  // 12.6 s left: shows 13
  });
  add("staff_name", [](CustomerState& s) {
    s.screen = Screen::StaffLogin;
    s.admin.login.name = "Wang F";
  });
  add("staff_pin", [](CustomerState& s) {
    s.screen = Screen::StaffLogin;
    s.admin.login.name = "Wang Fang";
    s.admin.login.pin = "246";
    s.admin.login.field = kit::LoginField::Pin;
    s.admin.login.refusal = kit::LoginRefusal::WrongPin;
  });
  add("staff_locked", [](CustomerState& s) {
    s.screen = Screen::StaffLogin;
    s.admin.login.name = "Wang Fang";
    s.admin.login.field = kit::LoginField::Pin;
    s.admin.login.refusal = kit::LoginRefusal::LockedOut;
    s.admin.login.locked_minutes = 5;  // 4 min 20 s, rounded up
  });
  AdminFigures figures;
  figures.version = "0.1.0";
  figures.printer_state = "paper-near-end";
  figures.printer_message = "paper sensor: near end";
  figures.printer_checked_at = kSampleNow - 4 * 60'000;
  figures.printer_checked_local = "2026-09-21 22:09";
  figures.hq_configured = true;
  figures.last_sync_at = kSampleNow - 12 * 60'000;
  figures.last_sync_local = "2026-09-21 22:01";
  figures.pending = 37;
  figures.oldest_pending_age_ms = 11 * 60'000;
  figures.clock_offset_ms = -2'400;
  figures.commands_waiting = 2;
  figures.last_error = "cannot reach HQ: Connection refused (http://10.0.0.5:8800)";
  add("admin_checking", [&](CustomerState& s) {
    s.screen = Screen::Admin;
    s.admin.figures = figures;
  });
  add("admin", [&](CustomerState& s) {
    s.screen = Screen::Admin;
    s.admin.figures = figures;
    s.admin.health = AdminHealth{48'300'000, 11'800'000'000, 29'300'000'000, "ok"};
  });
  add("admin_no_hq", [](CustomerState& s) {
    s.screen = Screen::Admin;
    s.admin.figures = AdminFigures{};
    s.admin.figures->version = "0.1.0";
    s.admin.health =
        AdminHealth{1'200'000, 900'000'000, 29'300'000'000, "Page 12: btreeInitPage() returns error code 11"};
  });
  return samples;
}

}  // namespace kiosk::test
