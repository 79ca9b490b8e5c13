// Typing into the staff's request form (see request_typing.h).
#include "counter/request_typing.h"

#include "app/ime_mirror.h"
#include "core/text.h"
#include "requests/request_validation.h"

namespace kiosk::counter {
namespace {

constexpr std::size_t kMaxPhoneBytes = 20;  // digits with spaces or dashes

// Bytes a field may hold while typing: twice its limit in 4-byte characters.
std::size_t typing_bound(RequestField field) {
  switch (field) {
    case RequestField::Model:
      return 8 * kModelField.max_chars;
    case RequestField::Serial:
      return 8 * kSerialField.max_chars;
    case RequestField::Description:
      return 8 * kDescriptionField.max_chars;
    case RequestField::Name:
      return 8 * kNameField.max_chars;
    case RequestField::Phone:
      return kMaxPhoneBytes;
    case RequestField::Address:
      return 8 * kAddressField.max_chars;
  }
  return 0;
}

bool takes_chinese(RequestField field) {
  return field == RequestField::Name || field == RequestField::Description || field == RequestField::Address;
}

// Straight into the field: "\b" deletes, Return and Escape mean nothing here.
void type_plain(StaffRequest& r, const std::string& text) {
  std::string& value = field_text(r.form, r.focus);
  if (text == "\b")
    erase_last_character(value);
  else if (text == "\n" || text == "\x1b")
    return;
  else if (value.size() + text.size() <= typing_bound(r.focus))
    value += text;
}

// The IME's key for a typed ASCII character ('<' is its BackSpace, so a typed
// '<' goes straight in); 0 for one it does not take.
char ime_key_of(char c) {
  if (c == '\b') return '<';
  if (c == '\n' || c == '\x1b') return c;
  return c >= ' ' && c < 0x7F && c != '<' ? c : 0;
}

}  // namespace

const std::string& field_text(const RequestForm& f, RequestField field) {
  switch (field) {
    case RequestField::Model:
      return f.model;
    case RequestField::Serial:
      return f.serial;
    case RequestField::Description:
      return f.description;
    case RequestField::Name:
      return f.contact_name;
    case RequestField::Phone:
      return f.phone;
    case RequestField::Address:
      return f.address;
  }
  return f.description;
}

std::string& field_text(RequestForm& f, RequestField field) {
  return const_cast<std::string&>(field_text(static_cast<const RequestForm&>(f), field));
}

bool typing_pinyin(const CounterState& s) {
  return s.typing_pinyin && s.ime.available && takes_chinese(s.request.focus);
}

std::vector<Effect> type_into_form(CounterState& s, const std::string& text) {
  StaffRequest& r = s.request;
  if (!typing_pinyin(s)) {
    type_plain(r, text);
    return {};
  }
  // In order: runs of ASCII to the IME one key each, anything else (a character
  // from the system's own input method, say) straight in.
  std::vector<Effect> effects;
  for (std::size_t i = 0; i < text.size();) {
    const char key = static_cast<unsigned char>(text[i]) < 0x80 ? ime_key_of(text[i]) : 0;
    if (key) {
      effects.push_back(app::ImeEffect{app::ImeKey{key, s.ime.generation}});
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    type_plain(r, text.substr(i, end - i));
    i = end;
  }
  return effects;
}

void take_typing_answer(CounterState& s, const app::ImeAnswered& a) {
  if (s.screen != Screen::Request || !app::take_ime_answer(s.ime, a)) return;
  StaffRequest& r = s.request;
  if (!a.committed.empty()) type_plain(r, a.committed);
  if (!a.key_used && a.key) type_plain(r, a.key == '<' ? "\b" : std::string(1, a.key));
}

std::vector<Effect> new_typing_session(CounterState& s) { return {app::ImeEffect{app::reset_ime(s.ime)}}; }

}  // namespace kiosk::counter
