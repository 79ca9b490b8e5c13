// The customer screens drawn headless (real fonts, real ImGui) from a sample
// state per screen, in Chinese and English, on a landscape 1280x800 and a
// portrait 1080x1920 screen: the stable widget ids are where they should be,
// inside the screen and not overlapping, each tap emits the expected action,
// no text key is missing and no character is drawn as '?'.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "customer/help_library.h"
#include "customer/help_reducer.h"
#include "customer/screens/customer_kit.h"
#include "customer/screens/customer_screens.h"
#include "ratings/rating_book.h"
#include "screen_samples.h"
#include "support/kiosk_texts.h"
#include "ui/headless_ui.h"

using namespace kiosk;
using namespace kiosk::customer;

namespace {

struct Display {
  const char* name;
  ImVec2 size;
};
const Display kDisplays[] = {{"landscape 1280x800", {1280, 800}}, {"portrait 1080x1920", {1080, 1920}}};

// One screen sample drawn in a headless UI, its taps collected.
class ScreenRig {
 public:
  explicit ScreenRig(const Display& display) : display_(display), ui_(config(display)), texts_(test::kiosk_texts()) {
    for (const std::string& text : test::sample_texts(texts_)) ui_.fonts().add_text(text);
    ui_.fonts().add_text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", ui::FontRole::huge);
  }

  void show(const test::ScreenSample& sample) {
    sample_ = &sample;
    ui_.frame(draw());  // notes any new characters; the atlas grows before the next frame
    fallback_before_ = ui_.fonts().fallback_glyphs_drawn();
    ui_.frame(draw());
    emitted.clear();
  }
  // Glyphs drawn as '?' in the last frame (after the atlas had every character noted).
  long fallback_glyphs() { return ui_.fonts().fallback_glyphs_drawn() - fallback_before_; }

  std::vector<Action> tap(const std::string& id) {
    emitted.clear();
    REQUIRE_MESSAGE(ui_.tap(id, draw()), "no widget " << id);
    std::vector<Action> got = emitted;
    emitted.clear();
    ui_.frame(draw());
    return got;
  }

  bool shows(const std::string& id) const { return ui_.widgets().find(id).has_value(); }
  std::vector<std::string> ids() const { return ui_.widgets().ids(); }
  std::optional<ui::WidgetRect> rect(const std::string& id) const { return ui_.widgets().find(id); }
  const app::Translations& texts() const { return texts_; }
  ui::FontAtlas& fonts() { return ui_.fonts(); }
  const Display& display() const { return display_; }

  std::vector<Action> emitted;

 private:
  static ui::HeadlessConfig config(const Display& display) {
    ui::HeadlessConfig c;
    c.display_size = display.size;
    return c;
  }
  ui::DrawFn draw() {
    return [this](ui::TouchUi& touch) {
      const CustomerTimings timings;
      const CustomerView view{sample_->state, texts_, timings, sample_->now, test::kSampleStoreId};
      draw_customer_screen(touch, view, [this](Action a) { emitted.push_back(std::move(a)); });
    };
  }

  Display display_;
  ui::HeadlessUi ui_;
  app::Translations texts_;
  const test::ScreenSample* sample_ = nullptr;
  long fallback_before_ = 0;
};

std::vector<std::string> digits(const std::string& prefix) {
  std::vector<std::string> ids;
  for (char d = '0'; d <= '9'; ++d) ids.push_back(prefix + d);
  return ids;
}

// The articles the ticket offers to read while waiting.
std::vector<std::string> ticket_offers(const test::ScreenSample& sample) {
  std::vector<std::string> ids;
  const CustomerState& s = sample.state;
  if (s.ticket && s.help_library)
    for (std::size_t i : help_for_service(*s.help_library, s.ticket->service_code, s.language))
      ids.push_back(s.help_library->articles[i].id);
  return ids;
}

// The ids each sample must show (besides "lang", which every screen shows).
std::vector<std::string> expected_ids(const test::ScreenSample& sample) {
  const std::string& n = sample.name;
  std::vector<std::string> ids;
  auto add = [&](std::initializer_list<std::string> more) { ids.insert(ids.end(), more); };
  if (n.rfind("welcome", 0) == 0)
    add({"welcome.take", "welcome.request", "welcome.check", "welcome.rate", "welcome.help"});
  if (n.rfind("take", 0) == 0 || n == "idle") {
    add({"back", "take.confirm"});
    if (sample.state.reminders) add({"take.phone"});  // a reminder number only while HQ texts reminders
    for (const char* code : {"A", "B", "C", "D", "E", "F", "G", "H"}) ids.push_back(std::string("service.") + code);
  }
  if (n == "take_chosen" || n == "idle") add({"take.priority"});
  if (n == "take_chosen") add({"take.phone_remove"});
  if (n.rfind("phone", 0) == 0) {
    ids = digits("pad.");
    add({"pad.del", "pad.clear", "pad.ok", "pad.cancel"});
  }
  if (n.rfind("ticket", 0) == 0) {
    add({"ticket.done"});
    for (const std::string& id : ticket_offers(sample)) ids.push_back("ticket.help." + id);
  }
  if (n.rfind("help", 0) == 0 && n != "help_thanks") add({"back"});
  if (n == "help") {
    add({"help.search"});
    for (const HelpCategory& c : sample.state.help_library->categories) ids.push_back("help.category." + c.key);
  }
  if (n == "help_category_paged") add({"help.page.prev", "help.page.next"});
  if (n == "help_category") {
    const HelpCategory& c = *find_help_category(*sample.state.help_library, sample.state.help.category);
    ids.push_back("help.article." + sample.state.help_library->articles[c.articles.front()].id);
  }
  if (n.rfind("help_search", 0) == 0) {
    add({"help.search"});
    if (!sample.state.help.results.empty())  // the best at least
      ids.push_back("help.article." + sample.state.help_library->articles[sample.state.help.results.front()].id);
  }
  if (n == "help_search") {
    for (char c = 'a'; c <= 'z'; ++c) ids.push_back(std::string("kb.") + c);
    add({"kb.space", "kb.del", "kb.layout", "cand.0", "cand.more", "help.keys_done"});
  }
  if (n.rfind("help_article", 0) == 0) add({"help.yes", "help.no"});
  if (n == "help_thanks") add({"thanks.done"});
  if (n.rfind("rate_find", 0) == 0) {
    ids = digits("key.");
    add({"back", "key.del", "key.clear", "rate.find", "rate.number", "rate.check"});
    if (!sample.state.rate.typing_check)  // the check digits take digits only
      for (const char* code : {"A", "B", "C", "D", "E", "F", "G", "H"}) ids.push_back(std::string("key.") + code);
  }
  if (n.rfind("rate_score", 0) == 0) {
    add({"back", "score.1", "score.2", "score.3", "score.4", "score.5", "rate.submit"});
    for (const std::string& code : rating_reason_codes()) ids.push_back("reason." + code);
  }
  if (n == "rate_thanks") add({"thanks.done"});
  if (n.rfind("request_", 0) == 0 && n != "request_done" && n != "request_leave") add({"back"});
  if (n == "request_leave") add({"request.leave", "request.stay"});
  if (n == "request_kind") add({"kind.repair", "kind.installation"});
  if (n == "request_description") {
    for (char c = 'a'; c <= 'z'; ++c) ids.push_back(std::string("kb.") + c);
    for (const std::string& d : digits("kb.")) ids.push_back(d);
    add({"kb.space", "kb.comma", "kb.period", "kb.del", "kb.layout", "cand.0", "cand.less", "cand.more",
         "field.description", "request.previous", "request.next"});
  }
  if (n == "request_model") {
    for (char c = 'a'; c <= 'z'; ++c) ids.push_back(std::string("kb.") + c);
    add({"kb.layout", "kb.dash", "kb.slash", "field.model", "field.serial", "request.previous", "request.next"});
  }
  if (n.rfind("request_details", 0) == 0) {
    for (const char* part : {"year", "month", "day"})
      for (const char* way : {".less", ".more"}) ids.push_back(std::string("purchase.") + part + way);
    add({"purchase.unknown", "urgency.normal", "urgency.urgent", "request.previous", "request.next"});
  }
  if (n == "request_when") {
    for (const DayOption& day : sample.state.request.days) ids.push_back("day." + day.date);
    add({"window.morning", "window.afternoon", "window.evening", "request.previous", "request.next"});
  }
  if (n == "request_review")
    add({"review.what", "review.description", "review.contact", "review.address", "review.when", "request.submit"});
  if (n == "request_done") add({"done.finish"});
  if (n == "check") {
    add({"back", "check.code", "check.digits", "check.find", "ck.del", "ck.clear"});
    for (const char* key : {"2", "9", "A", "H", "J", "Z"}) ids.push_back(std::string("ck.") + key);
  }
  if (n.rfind("check_result", 0) == 0) add({"back", "check.again", "check.done"});
  if (n == "idle") add({"idle.continue"});
  if (n.rfind("welcome", 0) == 0) add({"staff.hold"});
  if (n.rfind("staff_", 0) == 0) add({"back", "login.name", "login.pin", "login.submit", "key.del", "key.clear"});
  if (n == "staff_name") {
    for (char c = 'A'; c <= 'Z'; ++c) ids.push_back(std::string("key.") + c);
    add({"key.space"});
  }
  if (n == "staff_pin" || n == "staff_locked")
    for (const std::string& d : digits("key.")) ids.push_back(d);
  if (n.rfind("admin", 0) == 0) add({"back", "admin.refresh", "admin.close"});
  ids.push_back("lang");
  return ids;
}

bool overlaps(const ui::WidgetRect& a, const ui::WidgetRect& b) {
  return a.min.x < b.max.x - 0.5f && b.min.x < a.max.x - 0.5f && a.min.y < b.max.y - 0.5f && b.min.y < a.max.y - 0.5f;
}

void check_layout(ScreenRig& rig, const test::ScreenSample& sample) {
  const ImVec2 size = rig.display().size;
  const float em = rig.fonts().size_px(ui::FontRole::body);
  const std::vector<std::string> ids = rig.ids();
  for (const std::string& id : ids) {
    const ui::WidgetRect r = *rig.rect(id);
    INFO(sample.name << ": " << id << " at " << r.min.x << "," << r.min.y << " - " << r.max.x << "," << r.max.y);
    CHECK(r.min.x >= 0);
    CHECK(r.min.y >= 0);
    CHECK(r.max.x <= size.x + 0.5f);
    CHECK(r.max.y <= size.y + 0.5f);
    // A finger-sized target; the keys of the full text keyboard and its candidate bar
    // (six rows under the field) at least 1.8 em, about 15 mm on a 15.6-inch 1280x800 panel.
    const bool keyboard_key = id.rfind("kb.", 0) == 0 || id.rfind("cand.", 0) == 0;
    CHECK(r.max.y - r.min.y >= (keyboard_key ? 1.8f : 2.5f) * em - 0.5f);
    CHECK(r.max.x - r.min.x >= 2.0f * em - 0.5f);
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    for (std::size_t j = i + 1; j < ids.size(); ++j) {
      if (sample.name == "idle" && (ids[i] == "idle.continue" || ids[j] == "idle.continue"))
        continue;  // on top, by design
      INFO(sample.name << ": " << ids[i] << " overlaps " << ids[j]);
      CHECK_FALSE(overlaps(*rig.rect(ids[i]), *rig.rect(ids[j])));
    }
  }
}

// True if exactly one action was emitted and it is a T.
template <class T>
bool is_only(const std::vector<Action>& actions) {
  return actions.size() == 1 && std::holds_alternative<T>(actions.front());
}
// The one action emitted, which must be a T.
template <class T>
T only(const std::vector<Action>& actions) {
  REQUIRE(actions.size() == 1);
  REQUIRE(std::holds_alternative<T>(actions.front()));
  return std::get<T>(actions.front());
}
// The one action emitted, which must be the staff login's T (kit/staff_login_form.h).
template <class T>
T only_login(const std::vector<Action>& actions) {
  return std::get<T>(only<LoginInput>(actions));
}

// Taps the sample's widgets and checks what each emits.
void check_taps(ScreenRig& rig, const test::ScreenSample& sample) {
  const std::string& n = sample.name;
  INFO(n);
  if (n != "idle") CHECK(is_only<SwitchLanguage>(rig.tap("lang")));
  if (n == "welcome") {
    CHECK(is_only<OpenTakeNumber>(rig.tap("welcome.take")));
    CHECK(is_only<OpenRequest>(rig.tap("welcome.request")));
    CHECK(is_only<OpenCheck>(rig.tap("welcome.check")));
    CHECK(is_only<OpenRate>(rig.tap("welcome.rate")));
    CHECK(is_only<OpenHelp>(rig.tap("welcome.help")));
    CHECK_FALSE(rig.shows("back"));
    const std::vector<Action> held = rig.tap("staff.hold");  // the finger down, then up: a tap opens nothing
    REQUIRE(held.size() == 2);
    CHECK(std::get<StaffHold>(held[0]).down);
    CHECK_FALSE(std::get<StaffHold>(held[1]).down);
  } else if (n == "take") {
    const auto chose = only<ChooseService>(rig.tap("service.C"));
    CHECK(chose.code == "C");
    CHECK(is_only<BackToWelcome>(rig.tap("back")));
    CHECK(is_only<OpenPhonePad>(rig.tap("take.phone")));
    CHECK(is_only<ConfirmTakeNumber>(rig.tap("take.confirm")));
    CHECK_FALSE(rig.shows("take.priority"));  // nothing chosen yet
  } else if (n == "take_chosen") {
    CHECK(is_only<TogglePriority>(rig.tap("take.priority")));
    CHECK(is_only<RemovePhone>(rig.tap("take.phone_remove")));
    CHECK(is_only<OpenPhonePad>(rig.tap("take.phone")));
  } else if (n == "take_no_reminders") {
    CHECK_FALSE(rig.shows("take.phone"));
    CHECK(is_only<ConfirmTakeNumber>(rig.tap("take.confirm")));
  } else if (n == "take_no_priority") {
    CHECK_FALSE(rig.shows("take.priority"));  // installation booking offers no priority
  } else if (n == "phone_pad") {
    for (char d = '0'; d <= '9'; ++d) {
      const auto key = only<PhoneKey>(rig.tap(std::string("pad.") + d));
      CHECK(key.key == d);
    }
    CHECK(only<PhoneKey>(rig.tap("pad.del")).key == '<');
    CHECK(only<PhoneKey>(rig.tap("pad.clear")).key == '*');  // the key the reducer clears on
    CHECK(is_only<AcceptPhone>(rig.tap("pad.ok")));
    CHECK(is_only<ClosePhonePad>(rig.tap("pad.cancel")));
    CHECK_FALSE(rig.shows("back"));
  } else if (n.rfind("ticket", 0) == 0) {
    CHECK(is_only<BackToWelcome>(rig.tap("ticket.done")));
    for (const std::string& id : ticket_offers(sample))
      CHECK(only<OpenHelpArticle>(rig.tap("ticket.help." + id)).id == id);
  } else if (n == "help") {
    CHECK(is_only<BackToWelcome>(rig.tap("back")));  // the top level: Welcome
    CHECK(is_only<FocusHelpSearch>(rig.tap("help.search")));
    for (const HelpCategory& c : sample.state.help_library->categories)
      CHECK(only<OpenHelpCategory>(rig.tap("help.category." + c.key)).key == c.key);
  } else if (n == "help_category") {
    CHECK(is_only<HelpBack>(rig.tap("back")));  // to the categories
    const HelpCategory& c = *find_help_category(*sample.state.help_library, sample.state.help.category);
    const std::string& id = sample.state.help_library->articles[c.articles.front()].id;
    CHECK(only<OpenHelpArticle>(rig.tap("help.article." + id)).id == id);
  } else if (n == "help_category_paged") {
    CHECK(only<ShowHelpPage>(rig.tap("help.page.prev")).page == 0);
    const std::vector<Action> next = rig.tap("help.page.next");  // a third page, if the articles need one
    CHECK(next.size() <= 1);
  } else if (n == "help_search") {
    CHECK(is_only<HelpBack>(rig.tap("back")));  // clears the search
    CHECK(only<TextKey>(rig.tap("kb.k")).key == 'k');
    CHECK(only<PickCandidate>(rig.tap("cand.0")).index == 0);
    CHECK(is_only<HideHelpKeys>(rig.tap("help.keys_done")));
    CHECK(is_only<FocusHelpSearch>(rig.tap("help.search")));
    if (!sample.state.help.results.empty()) {
      const std::string& id = sample.state.help_library->articles[sample.state.help.results.front()].id;
      CHECK(only<OpenHelpArticle>(rig.tap("help.article." + id)).id == id);
    }
  } else if (n.rfind("help_article", 0) == 0) {
    CHECK(only<AnswerHelp>(rig.tap("help.yes")).helpful);
    CHECK_FALSE(only<AnswerHelp>(rig.tap("help.no")).helpful);
    CHECK(is_only<HelpBack>(rig.tap("back")));
  } else if (n == "help_thanks") {
    CHECK(is_only<BackToWelcome>(rig.tap("thanks.done")));
  } else if (n == "rate_find") {  // typing the check digits
    CHECK_FALSE(only<TypeRateCheck>(rig.tap("rate.number")).check);
    CHECK(only<TypeRateCheck>(rig.tap("rate.check")).check);
    CHECK(is_only<LookUpVisit>(rig.tap("rate.find")));
    CHECK(only<RateKey>(rig.tap("key.5")).key == '5');
    CHECK(only<RateKey>(rig.tap("key.del")).key == '<');
    CHECK(only<RateKey>(rig.tap("key.clear")).key == '*');
    CHECK(is_only<BackToWelcome>(rig.tap("back")));
  } else if (n == "rate_find_error") {  // typing the number
    CHECK(only<RateKey>(rig.tap("key.H")).key == 'H');
    CHECK(only<RateKey>(rig.tap("key.C")).key == 'C');  // the letter C is a letter, not "clear"
  } else if (n == "rate_score") {
    for (int score = 1; score <= 5; ++score)
      CHECK(only<PickScore>(rig.tap("score." + std::to_string(score))).score == score);
    for (const std::string& code : rating_reason_codes())
      CHECK(only<ToggleReason>(rig.tap("reason." + code)).code == code);
    CHECK(is_only<SubmitRating>(rig.tap("rate.submit")));
    CHECK(is_only<OpenRate>(rig.tap("back")));  // back to finding the visit
  } else if (n == "rate_thanks") {
    CHECK(is_only<BackToWelcome>(rig.tap("thanks.done")));
  } else if (n == "request_kind") {
    CHECK(only<ChooseKind>(rig.tap("kind.installation")).kind == RequestKind::Installation);
    CHECK(is_only<LeaveRequest>(rig.tap("back")));  // the top bar's Home; the step's own Back is below
  } else if (n == "request_leave") {
    CHECK(is_only<LeaveRequest>(rig.tap("request.leave")));
    CHECK(is_only<StayOnRequest>(rig.tap("request.stay")));
    CHECK_FALSE(rig.shows("back"));  // a double tap on Home cannot answer the question
  } else if (n == "request_description") {
    CHECK(only<TextKey>(rig.tap("kb.w")).key == 'w');
    CHECK(only<TextKey>(rig.tap("kb.7")).key == '7');
    CHECK(only<TextKey>(rig.tap("kb.space")).key == ' ');
    CHECK(only<TextKey>(rig.tap("kb.del")).key == '<');
    CHECK(only<TextKey>(rig.tap("kb.comma")).key == ',');
    CHECK(is_only<SwitchLayout>(rig.tap("kb.layout")));
    CHECK(only<PickCandidate>(rig.tap("cand.0")).index == 0);
    CHECK(only<TurnCandidatePage>(rig.tap("cand.more")).delta == 1);
    CHECK(rig.tap("cand.less").empty());  // on the first page already
    CHECK(is_only<NextStep>(rig.tap("request.next")));
    CHECK(is_only<PreviousStep>(rig.tap("request.previous")));
  } else if (n == "request_model") {
    CHECK(only<FocusText>(rig.tap("field.model")).target == TextTarget::Model);
    CHECK(only<TextKey>(rig.tap("kb.k")).key == 'k');
  } else if (n == "request_details") {
    // Sample: bought 2024-06-01, today 2026-11-23; never after today.
    CHECK(only<SetPurchaseDate>(rig.tap("purchase.year.less")).date == "2023-06-01");
    CHECK(only<SetPurchaseDate>(rig.tap("purchase.month.more")).date == "2024-07-01");
    CHECK(only<SetPurchaseDate>(rig.tap("purchase.day.less")).date == "2024-06-30");
    CHECK(only<SetPurchaseDate>(rig.tap("purchase.year.more")).date == "2025-06-01");
    CHECK(only<SetPurchaseDate>(rig.tap("purchase.unknown")).date.empty());
    CHECK(only<ChooseUrgency>(rig.tap("urgency.normal")).urgency == Urgency::Normal);
  } else if (n == "request_details_future") {
    // Nothing chosen yet: the first tap starts from today and never goes past it.
    CHECK(only<SetPurchaseDate>(rig.tap("purchase.day.more")).date == "2026-11-23");
    CHECK(only<SetPurchaseDate>(rig.tap("purchase.month.less")).date == "2026-10-23");
  } else if (n == "request_when") {
    CHECK(only<ChooseDay>(rig.tap("day.2026-11-30")).date == "2026-11-30");
    CHECK(only<ChooseWindow>(rig.tap("window.evening")).window == TimeWindow::Evening);
  } else if (n == "request_review") {
    CHECK(only<EditStep>(rig.tap("review.contact")).step == FormStep::Contact);
    CHECK(is_only<SubmitRequest>(rig.tap("request.submit")));
  } else if (n == "request_done") {
    CHECK(is_only<BackToWelcome>(rig.tap("done.finish")));
  } else if (n == "check") {
    CHECK(only<CheckKey>(rig.tap("ck.Z")).key == 'Z');
    CHECK(only<TypeCheckDigits>(rig.tap("check.digits")).digits);
    CHECK(is_only<LookUpRequest>(rig.tap("check.find")));
  } else if (n == "check_result") {
    CHECK(is_only<OpenCheck>(rig.tap("check.again")));
    CHECK(is_only<BackToWelcome>(rig.tap("check.done")));
  } else if (n == "staff_name") {
    CHECK(only_login<kiosk::kit::LoginKey>(rig.tap("key.W")).key == 'w');  // inside a word: small
    CHECK(only_login<kiosk::kit::LoginKey>(rig.tap("key.space")).key == ' ');
    CHECK(only_login<kiosk::kit::FocusLoginField>(rig.tap("login.pin")).field == kiosk::kit::LoginField::Pin);
    CHECK(std::holds_alternative<kiosk::kit::SubmitLogin>(only<LoginInput>(rig.tap("login.submit"))));
    CHECK(is_only<BackToWelcome>(rig.tap("back")));
  } else if (n == "staff_pin") {
    CHECK(only_login<kiosk::kit::LoginKey>(rig.tap("key.7")).key == '7');
    CHECK(only_login<kiosk::kit::LoginKey>(rig.tap("key.del")).key == '<');
    CHECK(only_login<kiosk::kit::FocusLoginField>(rig.tap("login.name")).field == kiosk::kit::LoginField::Name);
  } else if (n == "admin") {
    CHECK(is_only<RefreshAdmin>(rig.tap("admin.refresh")));
    CHECK(is_only<BackToWelcome>(rig.tap("admin.close")));
    CHECK(is_only<BackToWelcome>(rig.tap("back")));
  } else if (n == "admin_checking") {
    CHECK(rig.tap("admin.refresh").empty());  // still reading
  }
}

void check_all_samples(const Display& display, Language language) {
  ScreenRig rig(display);
  for (const test::ScreenSample& sample : test::screen_samples(language)) {
    INFO(std::string(display.name) << ", " << (language == Language::Zh ? "zh" : "en") << ", " << sample.name);
    rig.show(sample);
    for (const std::string& id : expected_ids(sample)) CHECK_MESSAGE(rig.shows(id), "missing widget " << id);
    CHECK(rig.fallback_glyphs() == 0);
    if (sample.name != "idle") check_layout(rig, sample);
    check_taps(rig, sample);
  }
  CHECK(rig.texts().missing_keys().empty());
  CHECK(rig.fonts().missing_characters().empty());
}

}  // namespace

TEST_CASE("every customer screen in Chinese, landscape") { check_all_samples(kDisplays[0], Language::Zh); }
TEST_CASE("every customer screen in English, landscape") { check_all_samples(kDisplays[0], Language::En); }
TEST_CASE("every customer screen in Chinese, portrait") { check_all_samples(kDisplays[1], Language::Zh); }
TEST_CASE("every customer screen in English, portrait") { check_all_samples(kDisplays[1], Language::En); }

TEST_CASE("the language switch reads as the other language") {
  ScreenRig rig(kDisplays[0]);
  for (Language language : {Language::Zh, Language::En}) {
    const std::string& label = rig.texts().text("app.language_switch", language);
    CHECK(label == (language == Language::Zh ? "English" : "中文"));
  }
}

TEST_CASE("a full or read-only store disk is told to the customer in words: no number, ask staff") {
  ScreenRig rig(kDisplays[0]);
  for (const char* code : {"disk-full", "read-only"}) {
    INFO(code);
    CHECK(rig.texts().text(std::string("error.") + code, Language::Zh).find("未能出号") != std::string::npos);
    CHECK(rig.texts().text(std::string("error.") + code, Language::En).find("no number was issued") !=
          std::string::npos);
  }
  CHECK(rig.texts().missing_keys().empty());
}

TEST_CASE("the idle overlay takes every tap: anywhere on it means still here, nothing reaches the screen beneath") {
  for (Language language : {Language::Zh, Language::En}) {
    ScreenRig rig(kDisplays[0]);
    for (const test::ScreenSample& sample : test::screen_samples(language)) {
      if (sample.name != "idle") continue;
      rig.show(sample);
      REQUIRE(rig.shows("idle.continue"));
      CHECK(is_only<StillHere>(rig.tap("idle.continue")));
      for (const char* beneath : {"take.confirm", "service.B", "back", "lang"}) {
        INFO(beneath);
        CHECK(is_only<StillHere>(rig.tap(beneath)));
      }
    }
  }
}

TEST_CASE("the idle overlay appears only when the countdown is due, and shows the seconds rounded up") {
  ScreenRig rig(kDisplays[0]);
  std::vector<test::ScreenSample> samples = test::screen_samples(Language::En);
  test::ScreenSample quiet = samples.front();
  for (const test::ScreenSample& s : samples)
    if (s.name == "take") quiet = s;
  rig.show(quiet);
  CHECK_FALSE(rig.shows("idle.continue"));
  const CustomerTimings timings;
  quiet.now = quiet.state.last_activity + timings.idle_quiet + timings.idle_countdown - 100;  // 0.1 s left
  rig.show(quiet);
  CHECK(rig.shows("idle.continue"));
  CHECK(rig.fallback_glyphs() == 0);
  CHECK(rig.texts().missing_keys().empty());
}

TEST_CASE("a status timeline longer than the screen shows the newest steps and says how many earlier ones there are") {
  CHECK(customer::kit::fit_timeline(3, 5).shown == 3);
  CHECK(customer::kit::fit_timeline(3, 5).earlier == 0);
  CHECK(customer::kit::fit_timeline(7, 4).shown == 3);
  CHECK(customer::kit::fit_timeline(7, 4).earlier == 4);
  CHECK(customer::kit::fit_timeline(7, 1).shown == 1);  // at least the newest
  CHECK(customer::kit::fit_timeline(7, 1).earlier == 6);
}
