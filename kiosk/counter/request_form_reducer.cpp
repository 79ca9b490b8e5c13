// The staff's request form as reducer rules (see request_form_reducer.h);
// typing is request_typing.h's. Nothing typed is dropped on a refusal.
#include "counter/request_form_reducer.h"

#include <algorithm>

#include "core/overloaded.h"
#include "counter/request_typing.h"

namespace kiosk::counter {
namespace {

using Effects = std::vector<Effect>;
// What goes to the node: a drop-off repair has no visit.
RequestForm form_to_send(const StaffRequest& r) {
  RequestForm form = r.form;
  if (!form.on_site) {
    form.address.clear();
    form.preferred_date.clear();
    form.time_window.reset();
  }
  return form;
}

// The page a refusal's field is on (counter_state.h StaffRequest::page).
int page_of_error(const std::string& code) {
  auto starts = [&](std::initializer_list<const char*> prefixes) {
    for (const char* prefix : prefixes)
      if (code.rfind(prefix, 0) == 0) return true;
    return false;
  };
  if (starts({"unknown-product", "unknown-problem", "problem-not-for-kind", "installation"})) return 0;
  if (starts({"model", "serial", "purchase"})) return 1;
  if (starts({"address", "preferred", "not-on-site"})) return 3;
  return 2;
}

// The field typed into first on a page.
RequestField first_field(int page) {
  if (page == 2) return RequestField::Name;
  if (page == 3) return RequestField::Address;
  return RequestField::Model;
}

}  // namespace

std::optional<RequestField> field_of_error(const std::string& code) {
  auto starts = [&](const char* prefix) { return code.rfind(prefix, 0) == 0; };
  if (starts("model")) return RequestField::Model;
  if (starts("serial")) return RequestField::Serial;
  if (starts("description")) return RequestField::Description;
  if (starts("name")) return RequestField::Name;
  if (starts("phone")) return RequestField::Phone;
  if (starts("address")) return RequestField::Address;
  return std::nullopt;
}

Effects open_request_form(CounterState& s, std::string ticket_id, std::string ticket_label) {
  s.request = {};
  s.request.ticket_id = std::move(ticket_id);
  s.request.ticket_label = std::move(ticket_label);
  s.picker = Picker::None;
  s.error = {};
  s.screen = Screen::Request;
  Effects effects = new_typing_session(s);
  effects.push_back(LoadRequestOptions{});
  return effects;
}

std::optional<Effects> reduce_request_form(CounterState& s, const Action& action) {
  StaffRequest& r = s.request;
  const bool editing = s.screen == Screen::Request && !r.busy;
  // A change to the form clears the last refusal and the last code shown.
  auto clear_messages = [&] {
    r.error_code.clear();
    r.error_message.clear();
    r.created_code.clear();
  };
  auto change = [&](auto&& apply) -> std::optional<Effects> {
    if (!editing) return Effects{};
    apply(r.form);
    clear_messages();
    return Effects{};
  };
  return std::visit(
      Overloaded{
          [&](const OpenRequestForm&) -> std::optional<Effects> {
            if (s.staff_name.empty() || s.screen != Screen::Console || s.busy) return Effects{};
            return open_request_form(s, {}, {});
          },
          [&](const CloseRequestForm&) -> std::optional<Effects> {
            if (s.screen != Screen::Request || r.busy) return Effects{};
            r = {};  // nothing personal stays
            s.screen = Screen::Console;
            return new_typing_session(s);
          },
          [&](const ShowRequestPage& a) -> std::optional<Effects> {
            if (!editing) return Effects{};
            r.page = std::clamp(a.page, 0, 3);
            r.focus = first_field(r.page);
            return new_typing_session(s);
          },
          [&](const FocusRequestField& a) -> std::optional<Effects> {
            if (!editing || r.focus == a.field) return Effects{};
            r.focus = a.field;
            return new_typing_session(s);
          },
          [&](const RequestTyped& a) -> std::optional<Effects> {
            if (!editing) return Effects{};
            clear_messages();
            return type_into_form(s, a.text);
          },
          [&](const PickRequestCandidate& a) -> std::optional<Effects> {
            if (!editing) return Effects{};
            return Effects{app::ImeEffect{app::ImePick{a.index, s.ime.generation}}};
          },
          [&](const TurnRequestCandidatePage& a) -> std::optional<Effects> {
            s.ime.page = std::max(0, s.ime.page + a.delta);
            return Effects{};
          },
          [&](const SwitchRequestLayout&) -> std::optional<Effects> {
            if (!s.ime.available) return Effects{};
            s.typing_pinyin = !s.typing_pinyin;
            return new_typing_session(s);
          },
          [&](const ToggleScreenKeys&) -> std::optional<Effects> {
            s.screen_keys = !s.screen_keys;
            return Effects{};
          },
          [&](const app::ImeAnswered& a) -> std::optional<Effects> {
            take_typing_answer(s, a);
            return Effects{};
          },
          [&](const app::ImeUnavailable&) -> std::optional<Effects> {
            s.ime.available = false;
            return Effects{};
          },
          [&](const ChooseRequestKind& a) -> std::optional<Effects> {
            return change([&](RequestForm& f) {
              if (f.kind != a.kind) f.problem.clear();  // the problems of one kind are not the other's
              f.kind = a.kind;
              if (a.kind == RequestKind::Installation) f.on_site = true;
              const auto product = std::find_if(r.products.begin(), r.products.end(),
                                                [&](const ProductCategory& p) { return p.code == f.product; });
              if (product != r.products.end() && !offered_for(*product, a.kind)) f.product.clear();
            });
          },
          [&](const ChooseRequestProduct& a) -> std::optional<Effects> {
            return change([&](RequestForm& f) {
              if (f.product != a.code) f.problem.clear();
              f.product = a.code;
            });
          },
          [&](const ChooseRequestProblem& a) -> std::optional<Effects> {
            return change([&](RequestForm& f) { f.problem = a.code; });
          },
          [&](const SetRequestPurchaseDate& a) -> std::optional<Effects> {
            return change([&](RequestForm& f) { f.purchase_date = a.date; });
          },
          [&](const SetRequestVisitDate& a) -> std::optional<Effects> {
            return change([&](RequestForm& f) { f.preferred_date = a.date; });
          },
          [&](const ChooseRequestWindow& a) -> std::optional<Effects> {
            return change([&](RequestForm& f) { f.time_window = a.window; });
          },
          [&](const ChooseRequestUrgency& a) -> std::optional<Effects> {
            return change([&](RequestForm& f) { f.urgency = a.urgency; });
          },
          [&](const ToggleRequestOnSite&) -> std::optional<Effects> {
            return change([&](RequestForm& f) { f.on_site = !f.on_site || f.kind == RequestKind::Installation; });
          },
          [&](const ToggleRequestConsent&) -> std::optional<Effects> {
            return change([&](RequestForm& f) { f.consent = !f.consent; });
          },
          [&](const SubmitStaffRequest&) -> std::optional<Effects> {
            if (!editing || !r.options_loaded) return Effects{};
            r.busy = true;
            r.error_code.clear();
            r.error_message.clear();
            s.error = {};
            Effects effects = new_typing_session(s);  // letters still composing are not sent
            effects.push_back(PostRequest{form_to_send(r), r.ticket_id});
            return effects;
          },
          [&](const RequestOptionsLoaded& a) -> std::optional<Effects> {
            r.options_loaded = true;
            r.products = a.products;
            r.today = a.today;
            r.last_visit_day = a.last_visit_day;
            return Effects{};
          },
          [&](const StaffRequestCreated& a) -> std::optional<Effects> {
            const bool for_ticket_in_hand = s.ticket && !r.ticket_id.empty() && s.ticket->id == r.ticket_id;
            r.busy = false;
            r.created_code = a.code;
            r.receipt = a.printing ? ReceiptState::Printing : ReceiptState::NoPrinter;
            r.form = {};  // the customer has the code; nothing personal stays on screen
            r.ticket_id.clear();
            r.page = 0;
            r.focus = RequestField::Model;
            if (!for_ticket_in_hand) return Effects{};
            // The node finished the ticket with the request, in one transaction.
            s.note = {"counter.note.finished", s.ticket->label, {}};
            s.ticket.reset();
            return std::nullopt;  // the main reducer refreshes the queue
          },
          [&](const StaffReceiptPrinted& a) -> std::optional<Effects> {
            r.receipt = a.ok ? ReceiptState::Printed : ReceiptState::Failed;
            return Effects{};
          },
          [&](const StaffRequestRefused& a) -> std::optional<Effects> {
            r.busy = false;
            r.error_code = a.code;
            r.error_message = a.message;
            r.page = page_of_error(a.code);
            r.focus = first_field(r.page);
            if (const std::optional<RequestField> field = field_of_error(a.code)) r.focus = *field;
            return Effects{};
          },
          [&](const RequestFailed& a) -> std::optional<Effects> {
            if (a.what == "request") r.busy = false;
            return std::nullopt;  // the link and the session as for any request
          },
          [](const auto&) -> std::optional<Effects> { return std::nullopt; },
      },
      action);
}

}  // namespace kiosk::counter
