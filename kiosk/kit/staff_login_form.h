// The staff login's form and its typing rules, one for every role that asks
// for a staff name and PIN (the counter console, the technician's device, the
// customer kiosk's staff corner): the name on letter keys (letters, and a
// space inside it), the PIN on digit keys (4 to 8 digits), one check at a
// time, and why the last try did not log in. Pure: no ImGui, no texts, no
// effects; a role's reducer turns a LoginAttempt into its own check (the
// node's login, the store's StaffBook) and its answer into refuse_login().
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace kiosk::kit {

enum class LoginField { Name, Pin };

// Why the last submit did not log in. Its words: "staff.login.error.<login_refusal_code>".
enum class LoginRefusal {
  None,
  NeedName,        // nothing typed as the name
  NeedPin,         // fewer than 4 digits
  WrongPin,        // the name and PIN do not match
  LockedOut,       // too many wrong PINs (for `locked_minutes`)
  NotTechnician,   // the account may not use the technician's device
  UnknownCounter,  // the store has no counter with the console's number
  Refused,         // the account may not log in here
  Unreachable,     // the store node did not answer
  Other,           // anything else (the store could not be read...)
};

struct StaffLoginForm {
  std::string name;
  std::string pin;
  LoginField field = LoginField::Name;  // where the keys type
  LoginRefusal refusal = LoginRefusal::None;
  int locked_minutes = 0;      // for LockedOut
  bool busy = false;           // the name and PIN are being checked: the form waits
  bool session_ended = false;  // the last session ended by itself: said above the fields until a try goes out
};

// [SECTION] The login's inputs: taps on its screen (kit/staff_login.h) or keys.
struct FocusLoginField {
  LoginField field;
};
struct LoginKey {
  char key;
};  // a letter, ' ' or a digit; '<' deletes, '*' clears
struct SubmitLogin {};
// One alternative of each role's Action: LoginKey{'a'} converts to it.
using LoginInput = std::variant<FocusLoginField, LoginKey, SubmitLogin>;

// What a valid submit asks the role to check: the name trimmed, the PIN.
struct LoginAttempt {
  std::string name;
  std::string pin;
};

// Applies one input (none while busy). A submit with a name and 4 or more
// digits makes the form busy and returns the attempt; a submit without them
// says which is missing and puts the keys there.
std::optional<LoginAttempt> apply_login_input(StaffLoginForm& form, const LoginInput& input);

// The check said no: the form takes input again. A wrong PIN is cleared and
// the keys go to it; a locked-out or refused account's PIN is cleared too;
// a link or store failure keeps what was typed for the next try.
void refuse_login(StaffLoginForm& form, LoginRefusal refusal, int locked_minutes = 0);

// The form shown when a session ends: the name kept (the PIN to type again,
// so the keys start there) and, unless the staff member logged out, that it ended.
StaffLoginForm login_form_after(std::string name, bool session_ended);

// "need-name", "wrong-pin", "locked-out"...; "" for None.
std::string_view login_refusal_code(LoginRefusal refusal);

}  // namespace kiosk::kit
