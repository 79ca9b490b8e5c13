// The request form, the lookup and the IME mirror as reducer rules: tiles
// choose and move on, text steps are checked with the domain's own text rules
// before moving on (the store checks everything again on submit, and a refusal
// goes back to the step of the field it names), keys go to the IME in pinyin
// layout and straight into the field in letters layout.
#include "customer/request_reducer.h"

#include "app/ime_mirror.h"
#include "core/overloaded.h"
#include "core/phone.h"
#include "core/text.h"
#include "paper/request_wording.h"
#include "requests/request_code.h"
#include "requests/request_text.h"
#include "requests/request_validation.h"

namespace kiosk::customer {
namespace {

using Effects = std::vector<Effect>;
constexpr std::size_t kMaxCheckCodeChars = 9;  // "R7K2-9QX" without the dash, one spare
constexpr std::size_t kTypingGuard = 10;       // keys stop at this many times a field's limit

// The domain's text rules per field (request_validation.h): the same limits and error codes.
const TextField& text_field(TextTarget target) {
  switch (target) {
    case TextTarget::Description:
      return kDescriptionField;
    case TextTarget::Name:
      return kNameField;
    case TextTarget::Address:
      return kAddressField;
    case TextTarget::Model:
      return kModelField;
    case TextTarget::Serial:
      return kSerialField;
  }
  return kDescriptionField;
}

template <class Draft>  // RequestDraft or const RequestDraft
auto& field_text(Draft& d, TextTarget target) {
  switch (target) {
    case TextTarget::Description:
      return d.description;
    case TextTarget::Name:
      return d.name;
    case TextTarget::Address:
      return d.address;
    case TextTarget::Model:
      return d.model;
    case TextTarget::Serial:
      return d.serial;
  }
  return d.description;
}

// Letters for a model or serial number; otherwise pinyin in Chinese where the IME runs.
KeyLayout layout_for(const CustomerState& s, TextTarget target) {
  return s.language == Language::Zh && s.ime.available && !is_code_field(target) ? KeyLayout::Pinyin
                                                                                 : KeyLayout::Letters;
}

void append(RequestFlow& r, const std::string& more) {
  std::string& text = field_text(r.draft, r.target);
  const std::size_t limit = kTypingGuard * text_field(r.target).max_chars;
  if (utf8_length(text + more).value_or(limit + 1) <= limit) text += more;
}

// A key the IME did not use, or any key in letters layout. A name gets a
// capital at the start of each word.
void apply_key(RequestFlow& r, char key) {
  const std::string& text = field_text(r.draft, r.target);
  if (r.target == TextTarget::Name && key >= 'a' && key <= 'z' && (text.empty() || text.back() == ' '))
    key = static_cast<char>(key - 'a' + 'A');
  if (is_code_field(r.target) && key >= 'a' && key <= 'z') key = static_cast<char>(key - 'a' + 'A');
  if (key == '<')
    erase_last_character(field_text(r.draft, r.target));
  else
    append(r, std::string(1, key));
  r.error.clear();
}

// The step a refusal's field belongs to ("address-too-long" -> Address).
FormStep step_of(const std::string& code) {
  auto starts = [&](const char* prefix) { return code.rfind(prefix, 0) == 0; };
  if (starts("installation") || starts("not-on-site")) return FormStep::Kind;
  if (starts("unknown-product")) return FormStep::Product;
  if (starts("unknown-problem") || starts("problem-not-for-kind")) return FormStep::Problem;
  if (starts("model") || starts("serial")) return FormStep::Model;
  if (starts("purchase-date")) return FormStep::Details;
  if (starts("description")) return FormStep::Description;
  if (starts("name") || starts("phone")) return FormStep::Contact;
  if (starts("address")) return FormStep::Address;
  if (starts("preferred")) return FormStep::When;
  if (starts("consent")) return FormStep::Consent;
  return FormStep::Review;
}

// The text field a step types into, if any.
std::optional<TextTarget> text_of(FormStep step) {
  if (step == FormStep::Model) return TextTarget::Model;
  if (step == FormStep::Description) return TextTarget::Description;
  if (step == FormStep::Contact) return TextTarget::Name;
  if (step == FormStep::Address) return TextTarget::Address;
  return std::nullopt;
}

// Whether leaving the form now would throw away something the customer chose or typed.
bool has_entries(const RequestFlow& r) { return r.step != FormStep::Kind || r.draft.kind.has_value(); }

Effects go_to(CustomerState& s, FormStep step, EpochMs now) {
  RequestFlow& r = s.request;
  r.step = step;
  s.screen_since = now;  // a double tap must not choose on the next step too
  r.phone_pad_open = false;
  if (const std::optional<TextTarget> target = text_of(step)) {
    r.target = *target;
    r.layout = layout_for(s, *target);
  }
  return new_ime_session(s.ime);
}

// What keeps the current step from being done, as an error code; empty if nothing.
std::string step_problem(const CustomerState& s) {
  const RequestDraft& d = s.request.draft;
  if (s.ime.preedit.size()) return "ime-composing";
  auto text = [&](TextTarget target) {
    const std::optional<Error> e = check_request_text(text_field(target), field_text(d, target));
    return e ? e->code : std::string();
  };
  switch (s.request.step) {
    case FormStep::Model:
      if (std::string e = text(TextTarget::Model); !e.empty()) return e;
      if (std::string e = text(TextTarget::Serial); !e.empty()) return e;
      if (const std::optional<Error> e = check_serial_characters(d.serial)) return e->code;
      return "";
    case FormStep::Details: {
      // The store's today is the first day the visit picker offers; the store checks again on submit.
      const std::string today = s.request.days.empty() ? std::string() : s.request.days.front().date;
      const std::optional<Error> e = today.empty() ? std::nullopt : check_purchase_date(d.purchase_date, today);
      return e ? e->code : "";
    }
    case FormStep::Description:
      return text(TextTarget::Description);
    case FormStep::Contact:
      if (std::string e = text(TextTarget::Name); !e.empty()) return e;
      return d.phone.empty() ? "phone-empty" : "";
    case FormStep::Address:
      return text(TextTarget::Address);
    case FormStep::When:
      if (d.date.empty()) return "preferred-date-empty";
      return d.window ? "" : "preferred-window-empty";
    case FormStep::Consent:
      return d.consent ? "" : "consent-required";
    default:
      return "";
  }
}

RequestForm form_of(const RequestDraft& d) {
  RequestForm form;
  form.kind = d.kind.value_or(RequestKind::Repair);
  form.product = d.product;
  form.problem = d.problem;
  form.model = d.model;
  form.serial = d.serial;
  form.purchase_date = d.purchase_date;
  form.urgency = d.urgency;
  form.description = d.description;
  form.contact_name = d.name;
  form.phone = d.phone;
  form.on_site = true;
  form.address = d.address;
  form.preferred_date = d.date;
  form.time_window = d.window;
  form.consent = d.consent;
  return form;
}

Effects phone_action(RequestFlow& r, const Action& action) {
  std::visit(Overloaded{[&](const OpenPhonePad&) {
                          r.phone_pad_open = true;
                          r.phone_typed = r.draft.phone;
                          r.phone_error.clear();
                        },
                        [&](const PhoneKey& a) {
                          if (a.key == '<')
                            erase_last_character(r.phone_typed);
                          else if (a.key == '*')
                            r.phone_typed.clear();
                          else if (a.key >= '0' && a.key <= '9' && r.phone_typed.size() < kMaxLandlineDigits)
                            r.phone_typed += a.key;
                          r.phone_error.clear();
                        },
                        [&](const AcceptPhone&) {
                          Result<std::string> phone = normalize_phone(r.phone_typed);
                          if (!phone) {
                            r.phone_error = phone.error().code;
                            return;
                          }
                          r.draft.phone = phone.value();
                          r.phone_typed.clear();
                          r.phone_pad_open = false;
                          r.error.clear();
                        },
                        [&](const ClosePhonePad&) {
                          r.phone_typed.clear();
                          r.phone_error.clear();
                          r.phone_pad_open = false;
                        },
                        [&](const RemovePhone&) { r.draft.phone.clear(); }, [](const auto&) {}},
             action);
  return {};
}

bool is_phone_action(const Action& a) {
  return std::holds_alternative<OpenPhonePad>(a) || std::holds_alternative<PhoneKey>(a) ||
         std::holds_alternative<AcceptPhone>(a) || std::holds_alternative<ClosePhonePad>(a) ||
         std::holds_alternative<RemovePhone>(a);
}

}  // namespace

Effects new_ime_session(ImeView& ime) { return {ImeEffect{app::reset_ime(ime)}}; }

Effects open_request(CustomerState& s) {
  s.request = {};
  s.request.layout = layout_for(s, TextTarget::Description);
  s.screen = Screen::Request;
  Effects effects = new_ime_session(s.ime);
  effects.push_back(LoadRequestOptions{});
  return effects;
}

Effects open_check(CustomerState& s) {
  s.check = {};
  s.screen = Screen::Check;
  return {};
}

std::optional<Effects> reduce_request(CustomerState& s, const Action& action, EpochMs now) {
  RequestFlow& r = s.request;
  if (is_phone_action(action)) {
    if (s.screen != Screen::Request) return std::nullopt;
    return phone_action(r, action);
  }
  return std::visit(Overloaded{
                        [&](const ChooseKind& a) -> std::optional<Effects> {
                          if (r.draft.kind != a.kind) {  // the products and problems offered differ by kind
                            r.draft.problem.clear();
                            const ProductCategory* product = paper::find_product(r.products, r.draft.product);
                            if (product && !offered_for(*product, a.kind)) r.draft.product.clear();
                          }
                          r.draft.kind = a.kind;
                          r.error.clear();
                          return go_to(s, FormStep::Product, now);
                        },
                        [&](const ChooseProduct& a) -> std::optional<Effects> {
                          if (r.draft.product != a.code) r.draft.problem.clear();
                          r.draft.product = a.code;
                          r.error.clear();
                          return go_to(s, FormStep::Problem, now);
                        },
                        [&](const ChooseProblem& a) -> std::optional<Effects> {
                          r.draft.problem = a.code;
                          r.error.clear();
                          return go_to(s, FormStep::Model, now);
                        },
                        [&](const FocusText& a) -> std::optional<Effects> {
                          if (r.target == a.target) return Effects{};
                          r.target = a.target;
                          r.layout = layout_for(s, a.target);
                          r.phone_pad_open = false;
                          return new_ime_session(s.ime);
                        },
                        [&](const TextKey& a) -> std::optional<Effects> {
                          if (r.layout == KeyLayout::Pinyin && s.ime.available)
                            return Effects{ImeEffect{ImeKey{a.key, s.ime.generation}}};
                          apply_key(r, a.key);
                          return Effects{};
                        },
                        [&](const PickCandidate& a) -> std::optional<Effects> {
                          return Effects{ImeEffect{ImePick{a.index, s.ime.generation}}};
                        },
                        [&](const TurnCandidatePage& a) -> std::optional<Effects> {
                          s.ime.page = std::max(0, s.ime.page + a.delta);
                          return Effects{};
                        },
                        [&](const SwitchLayout&) -> std::optional<Effects> {
                          if (!s.ime.available) return Effects{};
                          r.layout = r.layout == KeyLayout::Pinyin ? KeyLayout::Letters : KeyLayout::Pinyin;
                          return new_ime_session(s.ime);
                        },
                        [&](const ChooseDay& a) -> std::optional<Effects> {
                          r.draft.date = a.date;
                          r.error.clear();
                          return Effects{};
                        },
                        [&](const ChooseWindow& a) -> std::optional<Effects> {
                          r.draft.window = a.window;
                          r.error.clear();
                          return Effects{};
                        },
                        [&](const SetPurchaseDate& a) -> std::optional<Effects> {
                          r.draft.purchase_date = a.date;
                          r.error.clear();
                          return Effects{};
                        },
                        [&](const ChooseUrgency& a) -> std::optional<Effects> {
                          r.draft.urgency = a.urgency;
                          r.error.clear();
                          return Effects{};
                        },
                        [&](const ToggleConsent&) -> std::optional<Effects> {
                          r.draft.consent = !r.draft.consent;
                          r.error.clear();
                          return Effects{};
                        },
                        [&](const NextStep&) -> std::optional<Effects> {
                          r.error = step_problem(s);
                          if (!r.error.empty() || r.step == FormStep::Review) return Effects{};
                          return go_to(s, static_cast<FormStep>(static_cast<int>(r.step) + 1), now);
                        },
                        [&](const PreviousStep&) -> std::optional<Effects> {
                          r.error.clear();
                          if (r.step == FormStep::Kind) return std::nullopt;  // the reducer's way back to Welcome
                          return go_to(s, static_cast<FormStep>(static_cast<int>(r.step) - 1), now);
                        },
                        [&](const LeaveRequest&) -> std::optional<Effects> {
                          if (s.screen != Screen::Request || r.confirming_leave || !has_entries(r))
                            return std::nullopt;  // Welcome
                          r.confirming_leave = true;
                          s.screen_since = now;  // a double tap on Home must not answer the question too
                          return Effects{};
                        },
                        [&](const StayOnRequest&) -> std::optional<Effects> {
                          r.confirming_leave = false;
                          s.screen_since = now;
                          return Effects{};
                        },
                        [&](const EditStep& a) -> std::optional<Effects> {
                          r.error.clear();
                          return go_to(s, a.step, now);
                        },
                        [&](const SubmitRequest&) -> std::optional<Effects> {
                          if (r.submitting || r.step != FormStep::Review || s.screen != Screen::Request)
                            return Effects{};
                          r.submitting = true;
                          r.error.clear();
                          return Effects{CreateRequest{form_of(r.draft), s.language}};
                        },
                        [&](const CheckKey& a) -> std::optional<Effects> {
                          CheckFlow& c = s.check;
                          std::string& field = c.typing_digits ? c.last_four : c.code_typed;
                          const std::size_t max = c.typing_digits ? 4 : kMaxCheckCodeChars;
                          const bool digit = a.key >= '0' && a.key <= '9', letter = a.key >= 'A' && a.key <= 'Z';
                          if (a.key == '<')
                            erase_last_character(field);
                          else if (a.key == '*')
                            field.clear();
                          else if ((digit || (letter && !c.typing_digits)) && field.size() < max)
                            field += a.key;
                          c.error.clear();
                          return Effects{};
                        },
                        [&](const TypeCheckDigits& a) -> std::optional<Effects> {
                          s.check.typing_digits = a.digits;
                          return Effects{};
                        },
                        [&](const LookUpRequest&) -> std::optional<Effects> {
                          CheckFlow& c = s.check;
                          if (c.busy || now < c.retry_at) return Effects{};
                          if (!normalize_request_code(c.code_typed)) {
                            c.error = "code-format";
                            return Effects{};
                          }
                          if (c.last_four.size() != 4) {
                            c.error = "last-four-format";
                            c.typing_digits = true;
                            return Effects{};
                          }
                          c.busy = true;
                          c.error.clear();
                          return Effects{LookUpStatus{c.code_typed, c.last_four}};
                        },
                        [&](const RequestOptionsLoaded& a) -> std::optional<Effects> {
                          r.options_loaded = true;
                          r.products = a.products;
                          r.days = a.days;
                          return Effects{};
                        },
                        [&](const ImeAnswered& a) -> std::optional<Effects> {
                          if (s.screen != Screen::Request || !app::take_ime_answer(s.ime, a))
                            return Effects{};  // from before a reset
                          if (!a.committed.empty()) append(r, a.committed);
                          if (!a.key_used && a.key) apply_key(r, a.key);
                          if (!a.preedit.empty()) r.error.clear();
                          return Effects{};
                        },
                        [&](const ImeUnavailable&) -> std::optional<Effects> {
                          s.ime.available = false;
                          r.layout = KeyLayout::Letters;
                          return Effects{};
                        },
                        [&](const RequestCreated& a) -> std::optional<Effects> {
                          if (s.screen != Screen::Request) return Effects{};
                          r = {};  // nothing personal stays once it is stored
                          r.code = a.code;
                          r.receipt = a.printing ? ReceiptStatus::Printing : ReceiptStatus::ScreenOnly;
                          s.screen = Screen::RequestDone;
                          s.screen_since = now;
                          return new_ime_session(s.ime);
                        },
                        [&](const RequestRefused& a) -> std::optional<Effects> {
                          r.submitting = false;
                          if (s.screen != Screen::Request) return Effects{};
                          Effects effects = go_to(s, step_of(a.error_code), now);
                          r.error = a.error_code;
                          return effects;
                        },
                        [&](const RequestReceiptPrinted& a) -> std::optional<Effects> {
                          if (!r.code.empty()) r.receipt = a.ok ? ReceiptStatus::Printed : ReceiptStatus::Failed;
                          return Effects{};
                        },
                        [&](const RequestStatusFound& a) -> std::optional<Effects> {
                          s.check.busy = false;
                          if (s.screen != Screen::Check) return Effects{};
                          s.check.status = a.status;
                          s.check.last_four.clear();
                          s.screen = Screen::CheckResult;
                          s.screen_since = now;
                          return Effects{};
                        },
                        [&](const RequestLookupRefused& a) -> std::optional<Effects> {
                          CheckFlow& c = s.check;
                          c.busy = false;
                          c.error = a.error_code;
                          c.last_four.clear();
                          c.retry_at = a.wait_ms > 0 ? now + a.wait_ms : 0;
                          return Effects{};
                        },
                        [](const auto&) -> std::optional<Effects> { return std::nullopt; },
                    },
                    action);
}

}  // namespace kiosk::customer
