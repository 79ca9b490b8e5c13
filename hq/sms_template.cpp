// SMS reminder texts: defaults, checks and filling (sms_template.h).
#include "hq/sms_template.h"

#include <array>

#include "core/text.h"

namespace kiosk::hq {
namespace {

constexpr std::size_t kMaxTemplateChars = 300;
constexpr std::array<const char*, 5> kPlaceholders = {"ticket", "store", "counter", "ahead", "url"};

bool is_english(const std::string& language) { return language == "en"; }

// Calls `each(name, begin, end)` for every {name} in `text` ([begin, end) the
// braces included), in order.
template <class Each>
void for_each_placeholder(const std::string& text, Each&& each) {
  for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open);
    if (close == std::string::npos) return;
    each(text.substr(open + 1, close - open - 1), open, close + 1);
  }
}

}  // namespace

const char* moment_name(SmsMoment moment) { return moment == SmsMoment::Near ? "near" : "called"; }

const char* default_sms_template(SmsMoment moment, const std::string& language) {
  if (moment == SmsMoment::Near)
    return is_english(language) ? "Your number {ticket} at {store}: {ahead} ahead, please come back. {url}"
                                : "您在{store}的号码 {ticket}：前面还有 {ahead} 位，请回到大厅。{url}";
  return is_english(language) ? "{ticket}, please go to counter {counter} at {store}. {url}"
                              : "{ticket} 号，请到{store} {counter} 号窗口办理。{url}";
}

std::optional<std::string> why_not_sms_template(SmsMoment moment, const std::string& language,
                                                const std::string& text) {
  const std::string what = std::string("the ") + moment_name(moment) + " template (" + language + ")";
  if (std::optional<std::string> problem = check_single_line(what, text, kMaxTemplateChars)) return problem;
  std::optional<std::string> problem;
  for_each_placeholder(text, [&](const std::string& name, std::size_t, std::size_t) {
    if (problem) return;
    bool known = false;
    for (const char* placeholder : kPlaceholders) known = known || name == placeholder;
    if (!known)
      problem = what + " has the placeholder {" + name + "}; the placeholders are {ticket} {store} {counter} " +
                "{ahead} {url}";
    else if (name == "counter" && moment == SmsMoment::Near)
      problem = what + " cannot say {counter}: a waiting ticket has no counter yet";
  });
  return problem;
}

std::string render_sms(const std::string& text, const SmsFacts& facts) {
  const auto number = [](const std::optional<std::int64_t>& n) { return n ? std::to_string(*n) : std::string(); };
  std::string out;
  std::size_t copied = 0;
  for_each_placeholder(text, [&](const std::string& name, std::size_t begin, std::size_t end) {
    std::optional<std::string> value;
    if (name == "ticket") value = facts.ticket;
    if (name == "store") value = facts.store;
    if (name == "counter") value = number(facts.counter);
    if (name == "ahead") value = number(facts.ahead);
    if (name == "url") value = facts.url;
    if (!value) return;  // not a placeholder: kept as written
    out.append(text, copied, begin - copied).append(*value);
    copied = end;
  });
  out.append(text, copied, std::string::npos);
  const std::size_t first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

}  // namespace kiosk::hq
