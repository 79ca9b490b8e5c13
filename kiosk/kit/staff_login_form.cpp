// The staff login form's rules (see staff_login_form.h).
#include "kit/staff_login_form.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace kiosk::kit {
namespace {

constexpr std::size_t kMaxNameChars = 40;
constexpr std::size_t kMinPinDigits = 4;
constexpr std::size_t kMaxPinDigits = 8;

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

void type(StaffLoginForm& form, char key) {
  const bool name = form.field == LoginField::Name;
  std::string& text = name ? form.name : form.pin;
  const bool allowed = name ? is_letter(key) || (key == ' ' && !text.empty()) : is_digit(key);
  if (key == '<') {
    if (!text.empty()) text.pop_back();
  } else if (key == '*') {
    text.clear();
  } else if (allowed && text.size() < (name ? kMaxNameChars : kMaxPinDigits)) {
    text += key;
  }
  form.refusal = LoginRefusal::None;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

std::optional<LoginAttempt> submit(StaffLoginForm& form) {
  std::string name = trimmed(form.name);
  if (name.empty()) {
    form.refusal = LoginRefusal::NeedName;
    form.field = LoginField::Name;
    return std::nullopt;
  }
  if (form.pin.size() < kMinPinDigits) {
    form.refusal = LoginRefusal::NeedPin;
    form.field = LoginField::Pin;
    return std::nullopt;
  }
  form.busy = true;
  form.refusal = LoginRefusal::None;
  form.locked_minutes = 0;
  form.session_ended = false;
  return LoginAttempt{std::move(name), form.pin};
}

}  // namespace

std::optional<LoginAttempt> apply_login_input(StaffLoginForm& form, const LoginInput& input) {
  if (form.busy) return std::nullopt;
  if (const auto* focus = std::get_if<FocusLoginField>(&input)) form.field = focus->field;
  if (const auto* key = std::get_if<LoginKey>(&input)) type(form, key->key);
  if (std::holds_alternative<SubmitLogin>(input)) return submit(form);
  return std::nullopt;
}

void refuse_login(StaffLoginForm& form, LoginRefusal refusal, int locked_minutes) {
  form.busy = false;
  form.refusal = refusal;
  form.locked_minutes = refusal == LoginRefusal::LockedOut ? std::max(1, locked_minutes) : 0;
  if (refusal == LoginRefusal::WrongPin || refusal == LoginRefusal::LockedOut || refusal == LoginRefusal::NotTechnician)
    form.pin.clear();
  if (refusal == LoginRefusal::WrongPin) form.field = LoginField::Pin;
}

StaffLoginForm login_form_after(std::string name, bool session_ended) {
  StaffLoginForm form;
  form.field = name.empty() ? LoginField::Name : LoginField::Pin;
  form.name = std::move(name);
  form.session_ended = session_ended;
  return form;
}

std::string_view login_refusal_code(LoginRefusal refusal) {
  switch (refusal) {
    case LoginRefusal::None:
      return "";
    case LoginRefusal::NeedName:
      return "need-name";
    case LoginRefusal::NeedPin:
      return "need-pin";
    case LoginRefusal::WrongPin:
      return "wrong-pin";
    case LoginRefusal::LockedOut:
      return "locked-out";
    case LoginRefusal::NotTechnician:
      return "not-technician";
    case LoginRefusal::UnknownCounter:
      return "unknown-counter";
    case LoginRefusal::Refused:
      return "refused";
    case LoginRefusal::Unreachable:
      return "unreachable";
    case LoginRefusal::Other:
      return "other";
  }
  return "other";
}

}  // namespace kiosk::kit
