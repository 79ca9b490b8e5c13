// The staff login form every role shares (kit/staff_login_form.h), alone:
// what the keys type into each field, what a submit checks before anything
// is asked, what each refusal keeps, and that every refusal has its words
// ("staff.login.error.*") in both languages.
#include <doctest/doctest.h>

#include "app/translations.h"
#include "kit/staff_login_form.h"
#include "support/kiosk_texts.h"

using namespace kiosk;
using namespace kiosk::kit;

namespace {

void type(StaffLoginForm& form, const std::string& keys) {
  for (char c : keys) apply_login_input(form, LoginKey{c});
}

}  // namespace

TEST_CASE("the name takes letters and inner spaces, the PIN 4 to 8 digits; delete and clear") {
  StaffLoginForm form;
  type(form, " Li9 Na");  // no leading space, no digit in a name
  CHECK(form.name == "Li Na");
  apply_login_input(form, FocusLoginField{LoginField::Pin});
  type(form, "12x3456789");
  CHECK(form.pin == "12345678");
  type(form, "<");
  CHECK(form.pin == "1234567");
  type(form, "*");
  CHECK(form.pin.empty());
  CHECK(form.name == "Li Na");
  type(form, std::string(50, 'a'));
  CHECK(form.pin.empty());
  apply_login_input(form, FocusLoginField{LoginField::Name});
  type(form, std::string(50, 'a'));
  CHECK(form.name.size() == 40);
}

TEST_CASE("submit says what is missing and goes there; a full form is checked once") {
  StaffLoginForm form;
  CHECK_FALSE(apply_login_input(form, SubmitLogin{}));
  CHECK(form.refusal == LoginRefusal::NeedName);
  type(form, "Wang ");
  apply_login_input(form, FocusLoginField{LoginField::Pin});
  type(form, "123");
  CHECK_FALSE(apply_login_input(form, SubmitLogin{}));
  CHECK(form.refusal == LoginRefusal::NeedPin);
  CHECK(form.field == LoginField::Pin);
  type(form, "4");
  CHECK(form.refusal == LoginRefusal::None);  // a key clears the refusal
  const std::optional<LoginAttempt> attempt = apply_login_input(form, SubmitLogin{});
  REQUIRE(attempt);
  CHECK(attempt->name == "Wang");  // trimmed
  CHECK(attempt->pin == "1234");
  CHECK(form.busy);
  CHECK_FALSE(apply_login_input(form, SubmitLogin{}));  // one check at a time
  type(form, "5");
  apply_login_input(form, FocusLoginField{LoginField::Name});
  CHECK(form.pin == "1234");  // the form waits while checking
  CHECK(form.field == LoginField::Pin);
}

TEST_CASE("a refusal about the PIN clears it; a link or store failure keeps the try") {
  auto checking = [] {
    StaffLoginForm form = login_form_after("Li", /*session_ended=*/true);
    type(form, "2580");
    REQUIRE(apply_login_input(form, SubmitLogin{}));
    CHECK_FALSE(form.session_ended);  // said until a try goes out
    return form;
  };
  StaffLoginForm wrong = checking();
  wrong.field = LoginField::Name;
  refuse_login(wrong, LoginRefusal::WrongPin);
  CHECK_FALSE(wrong.busy);
  CHECK(wrong.pin.empty());
  CHECK(wrong.field == LoginField::Pin);

  StaffLoginForm locked = checking();
  refuse_login(locked, LoginRefusal::LockedOut, 0);
  CHECK(locked.pin.empty());
  CHECK(locked.locked_minutes == 1);  // never "0 min"

  StaffLoginForm unreachable = checking();
  refuse_login(unreachable, LoginRefusal::Unreachable);
  CHECK_FALSE(unreachable.busy);
  CHECK(unreachable.pin == "2580");
  CHECK(unreachable.name == "Li");
}

TEST_CASE("a session that ends keeps the name and starts on the PIN") {
  const StaffLoginForm ended = login_form_after("Li Na", true);
  CHECK(ended.name == "Li Na");
  CHECK(ended.field == LoginField::Pin);
  CHECK(ended.session_ended);
  CHECK(login_form_after("", false).field == LoginField::Name);
}

TEST_CASE("every refusal has its words in Chinese and English") {
  const app::Translations texts = test::kiosk_texts();
  for (LoginRefusal refusal : {LoginRefusal::NeedName, LoginRefusal::NeedPin, LoginRefusal::WrongPin,
                               LoginRefusal::LockedOut, LoginRefusal::NotTechnician, LoginRefusal::UnknownCounter,
                               LoginRefusal::Refused, LoginRefusal::Unreachable, LoginRefusal::Other}) {
    const std::string key = "staff.login.error." + std::string(login_refusal_code(refusal));
    for (app::Language language : {app::Language::Zh, app::Language::En})
      CHECK(!texts.format(key, language, {"5"}).empty());
  }
  CHECK(texts.format("staff.login.error.locked-out", app::Language::En, {"5"}).find('5') != std::string::npos);
  CHECK(texts.missing_keys().empty());
}
