// The request screens' scripts: each runs the form from the start as far as
// its screen, in the app's language (pinyin picked from the real candidates
// in Chinese, letters in English). Nothing is stored: the done and status
// screens are shown with answers a worker would give (a sample code, a
// sample timeline in the store's zone).
#include "customer/scripted_request_screens.h"

#include <algorithm>

#include "requests/request_book.h"
#include "store/store_db.h"

namespace kiosk::customer {
namespace {

class Script {
 public:
  Script(CustomerApp& app, EpochMs now) : app_(app), now_(now) {}

  void tap(const Action& a) { app_.dispatch(a, now_ += 1000); }
  void keys(const std::string& keys) {
    for (char c : keys) tap(TextKey{c});
    app_.settle(now_);
  }
  // Pinyin in, the candidate reading `word` picked (the first if it is not offered).
  void word(const std::string& pinyin, const std::string& word) {
    keys(pinyin);
    const std::vector<CandidateView>& candidates = app_.state().ime.candidates;
    if (candidates.empty()) return;
    auto found =
        std::find_if(candidates.begin(), candidates.end(), [&](const CandidateView& c) { return c.text == word; });
    tap(PickCandidate{found == candidates.end() ? candidates.front().index : found->index});
    app_.settle(now_);
  }
  bool zh() const { return app_.state().language == Language::Zh; }
  const CustomerState& state() const { return app_.state(); }
  EpochMs now() const { return now_; }

 private:
  CustomerApp& app_;
  EpochMs now_;
};

void model_and_serial(Script& s) {
  s.keys("kfr35gw");
  s.tap(FocusText{TextTarget::Serial});
  s.keys("sn2024");
}

void purchase_and_urgency(Script& s) {
  s.tap(SetPurchaseDate{"2024-06-01"});
  s.tap(ChooseUrgency{Urgency::Urgent});
}

// Each step's input, up to (not including) the step `until`.
void fill(Script& s, FormStep until) {
  s.tap(OpenRequest{});
  s.keys("");  // the catalogue arrives
  if (until == FormStep::Kind) return;
  s.tap(ChooseKind{RequestKind::Repair});
  if (until == FormStep::Product) return;
  s.tap(ChooseProduct{"air-conditioner"});
  if (until == FormStep::Problem) return;
  s.tap(ChooseProblem{"not-cooling"});
  if (until == FormStep::Model) return;
  model_and_serial(s);
  s.tap(NextStep{});
  if (until == FormStep::Details) return;
  purchase_and_urgency(s);
  s.tap(NextStep{});
  if (until == FormStep::Description) return;
  if (s.zh())
    s.word("kongtiao", "空调"), s.word("buzhileng", "不制冷");
  else
    s.keys("the air conditioner blows warm air");
  s.tap(NextStep{});
  if (until == FormStep::Contact) return;
  if (s.zh())
    s.word("zhangwei", "张伟");
  else
    s.keys("li na");
  s.tap(OpenPhonePad{});
  for (char d : std::string("13812345678")) s.tap(PhoneKey{d});
  s.tap(AcceptPhone{});
  s.tap(NextStep{});
  if (until == FormStep::Address) return;
  if (s.zh())
    s.word("zhongshanlu", "中山路"), s.keys("88"), s.word("hao", "号");
  else
    s.keys("88 zhongshan road");
  s.tap(NextStep{});
  if (until == FormStep::When) return;
  if (s.state().request.days.size() > 1) s.tap(ChooseDay{s.state().request.days[1].date});
  s.tap(ChooseWindow{TimeWindow::Afternoon});
  s.tap(NextStep{});
  if (until == FormStep::Consent) return;
  s.tap(ToggleConsent{});
  s.tap(NextStep{});
}

// A status as the lookup would give it, times in the store's zone.
Result<StatusView> sample_status(const std::string& data_dir, EpochMs now) {
  Result<std::unique_ptr<StoreDb>> store = StoreDb::open(data_dir);
  if (!store) return store.error();
  const StoreTimeZone& zone = store.value()->zone();
  StatusView s{"R7K2-9QX",
               RequestKind::Repair,
               "空调",
               "Air conditioners",
               "不制冷",
               "Not cooling",
               RequestState::Scheduled,
               zone.business_day(now + 86'400'000),
               TimeWindow::Afternoon,
               {}};
  // A job that went back to waiting for parts: more steps than the screen has rows.
  s.timeline = {{RequestState::Received, zone.local_minute(now - 72 * 3'600'000)},
                {RequestState::Assigned, zone.local_minute(now - 70 * 3'600'000)},
                {RequestState::Scheduled, zone.local_minute(now - 60 * 3'600'000)},
                {RequestState::OnTheWay, zone.local_minute(now - 50 * 3'600'000)},
                {RequestState::OnSite, zone.local_minute(now - 49 * 3'600'000)},
                {RequestState::WaitingForParts, zone.local_minute(now - 48 * 3'600'000)},
                {RequestState::Scheduled, zone.local_minute(now - 3'600'000)}};
  return s;
}

}  // namespace

const std::vector<std::string>& scripted_request_screen_names() {
  static const std::vector<std::string> names{"request-kind",    "request-product", "request-problem",
                                              "request-model",   "request-details", "request-description",
                                              "request-contact", "request-phone",   "request-address",
                                              "request-leave",   "request-when",    "request-consent",
                                              "request-review",  "request-refused", "request-done",
                                              "check",           "check-wait",      "check-result"};
  return names;
}

std::optional<Result<EpochMs>> script_request_screen(CustomerApp& app, const std::string& name,
                                                     const std::string& data_dir, EpochMs now) {
  Script s(app, now);
  if (name == "request-kind")
    fill(s, FormStep::Kind);
  else if (name == "request-product")
    fill(s, FormStep::Product);
  else if (name == "request-problem")
    fill(s, FormStep::Problem);
  else if (name == "request-model")
    fill(s, FormStep::Model), model_and_serial(s);
  else if (name == "request-details")
    fill(s, FormStep::Details), purchase_and_urgency(s);
  else if (name == "request-description") {
    fill(s, FormStep::Description);
    s.zh() ? s.word("kongtiao", "空调"), s.keys("bu") : s.keys("the air conditioner");  // still composing in Chinese
  } else if (name == "request-contact")
    fill(s, FormStep::Contact), s.zh() ? s.keys("zhang") : s.keys("li");
  else if (name == "request-phone") {
    fill(s, FormStep::Contact);
    s.tap(OpenPhonePad{});
    for (char d : std::string("1381234")) s.tap(PhoneKey{d});
  } else if (name == "request-address")
    fill(s, FormStep::Address);
  else if (name == "request-leave")
    fill(s, FormStep::Address), s.tap(LeaveRequest{});
  else if (name == "request-when")
    fill(s, FormStep::When);
  else if (name == "request-consent")
    fill(s, FormStep::Consent);
  else if (name == "request-review")
    fill(s, FormStep::Review);
  else if (name == "request-refused")
    fill(s, FormStep::Review), s.tap(RequestRefused{"preferred-window-past"});
  else if (name == "request-done")
    fill(s, FormStep::Review), s.tap(RequestCreated{"R7K2-9QX", true}), s.tap(RequestReceiptPrinted{true});
  else if (name == "check" || name == "check-wait") {
    s.tap(OpenCheck{});
    for (char c : std::string("R7K29QX")) s.tap(CheckKey{c});
    s.tap(TypeCheckDigits{true});
    for (char c : std::string("56")) s.tap(CheckKey{c});
    if (name == "check-wait") s.tap(RequestLookupRefused{"lookup-slowed-down", 30'000});
  } else if (name == "check-result") {
    Result<StatusView> status = sample_status(data_dir, now);
    if (!status) return Result<EpochMs>(status.error());
    s.tap(OpenCheck{});
    s.tap(RequestStatusFound{status.value()});
  } else {
    return std::nullopt;
  }
  return Result<EpochMs>(s.now());
}

}  // namespace kiosk::customer
