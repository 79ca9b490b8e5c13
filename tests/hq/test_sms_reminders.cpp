// SMS reminders (docs/public-pages.md, "SMS reminders"): real hq processes
// with their reminder worker, ticket pages and phones written into HQ's
// database as the ticket pages' ingest writes them, and a fake gateway on
// 127.0.0.1 that records what it receives and answers by script. Also the
// `hq sms` commands' checks, and the texts, verdicts and retry schedule.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <set>
#include <thread>

#include "core/clock.h"
#include "core/store_time_zone.h"
#include "hq/fake_sms_gateway.h"
#include "hq/hq_fixture.h"
#include "hq/sms_gateway.h"
#include "hq/sms_reminders.h"
#include "hq/sms_template.h"

using namespace kiosk;
using namespace kiosk::test;
using kiosk::hq::SmsFacts;
using kiosk::hq::SmsMoment;
using kiosk::hq::SmsVerdict;

namespace {

constexpr const char* kPhone = "13800138000";

// Polls `done` every 50 ms for at most `limit`; true once it holds.
template <class Done>
bool eventually(Done&& done, std::chrono::seconds limit = std::chrono::seconds(20)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

std::string quoted(const std::string& text) { return "'" + text + "'"; }
std::string number_or_null(std::optional<int> n) { return n ? std::to_string(*n) : "NULL"; }

// Today's business day of the stores (Asia/Shanghai) and the moment it ends.
struct Today {
  std::string day;
  EpochMs ends;
};
Today today() {
  const StoreTimeZone zone = StoreTimeZone::load("Asia/Shanghai").value();
  const std::string day = zone.business_day(SystemClock().now_ms());
  return Today{day, zone.day_start(days_after(day, 1))};
}

// A ticket of store S1 as the ticket pages' ingest leaves it: its page (token
// "TOKEN-" + id) and, unless `phone` is empty, the phone a live queue post gave.
void put_ticket(HqFixture& hq, const std::string& id, const std::string& state, std::optional<int> ahead,
                const std::string& language = "zh", std::optional<int> counter = std::nullopt,
                const std::string& phone = kPhone) {
  const Today t = today();
  const EpochMs now = SystemClock().now_ms();
  hq.sql(
      "INSERT INTO ticket_page(token, ticket_id, store_id, label, service, business_day, expires_at, language, state, "
      "counter, updated_at, ahead) VALUES (" +
      quoted("TOKEN-" + id) + ", " + quoted(id) + ", 'S1', " + quoted("A-" + id) + ", 'consult', " + quoted(t.day) +
      ", " + std::to_string(t.ends) + ", " + quoted(language) + ", " + quoted(state) + ", " + number_or_null(counter) +
      ", " + std::to_string(now) + ", " + number_or_null(ahead) + ")");
  if (!phone.empty())
    hq.sql("INSERT INTO ticket_phone(ticket_id, store_id, phone, received_at) VALUES (" + quoted(id) + ", 'S1', " +
           quoted(phone) + ", " + std::to_string(now) + ")");
}

void update_ticket(HqFixture& hq, const std::string& id, const std::string& assignments) {
  hq.sql("UPDATE ticket_page SET " + assignments + " WHERE ticket_id = " + quoted(id));
}

std::string message_field(HqFixture& hq, const std::string& ticket, const std::string& moment,
                          const std::string& column) {
  return hq.sql("SELECT " + column + " FROM sms_message WHERE ticket_id = " + quoted(ticket) +
                " AND moment = " + quoted(moment));
}
int count(HqFixture& hq, const std::string& query) { return std::stoi(hq.sql("SELECT COUNT(*) FROM " + query)); }
bool has_phone_row(HqFixture& hq, const std::string& ticket) {
  return count(hq, "ticket_phone WHERE ticket_id = " + quoted(ticket)) == 1;
}

// `hq sms set --url` the fake gateway, and more options.
void use_gateway(HqFixture& hq, const FakeSmsGateway& gateway, std::vector<std::string> more = {}) {
  std::vector<std::string> args{"sms", "set", "--url", gateway.url()};
  args.insert(args.end(), more.begin(), more.end());
  const HqCommand set = hq.hq(args);
  REQUIRE(set.exit_code == 0);
}

}  // namespace

// [SECTION] The worker against a fake gateway

TEST_CASE("sms reminders: near once at 3 ahead (not at 4), called with the counter, zh and en texts, Basic auth") {
  HqFixture hq;
  FakeSmsGateway gateway;
  const std::string password_file = hq.dir.file("gateway-password");
  std::ofstream(password_file) << "pa55:word\n";
  use_gateway(hq, gateway, {"--user", "kiosk", "--password-file", password_file});
  hq.sql("INSERT INTO public_setting(name, value, updated_at) VALUES ('public_url', 'https://q.example.com', 0)");
  put_ticket(hq, "t-zh", "waiting", 3, "zh");
  put_ticket(hq, "t-en", "waiting", 4, "en", std::nullopt, "13900139000");
  hq.start();

  REQUIRE(gateway.wait_for(1));
  const FakeSmsGateway::Received near = gateway.received()[0];
  CHECK(near.answered == 200);
  CHECK(near.body["to"] == kPhone);
  CHECK(near.body["id"] == message_field(hq, "t-zh", "near", "id"));
  CHECK(near.body["text"] ==
        "您在Store one的号码 A-t-zh：前面还有 3 位，请回到大厅。https://q.example.com/t/TOKEN-t-zh");
  CHECK(near.authorization == "Basic a2lvc2s6cGE1NTp3b3Jk");  // kiosk:pa55:word
  REQUIRE(eventually([&] { return message_field(hq, "t-zh", "near", "outcome") == "sent"; }));
  CHECK(message_field(hq, "t-zh", "near", "phone").empty());      // erased once sent
  CHECK(count(hq, "sms_message WHERE ticket_id = 't-en'") == 0);  // 4 ahead: not yet
  CHECK(has_phone_row(hq, "t-zh"));                               // still waiting: it may be called

  update_ticket(hq, "t-en", "ahead = 2");
  REQUIRE(gateway.wait_for(2));
  CHECK(gateway.received()[1].body["to"] == "13900139000");
  CHECK(gateway.received()[1].body["text"] ==
        "Your number A-t-en at Store one: 2 ahead, please come back. https://q.example.com/t/TOKEN-t-en");

  update_ticket(hq, "t-zh", "ahead = 1");  // nearer still: no second text
  update_ticket(hq, "t-en", "state = 'called', counter = 7, ahead = NULL");
  REQUIRE(gateway.wait_for(3));
  CHECK(gateway.received()[2].body["text"] ==
        "A-t-en, please go to counter 7 at Store one. https://q.example.com/t/TOKEN-t-en");
  REQUIRE(eventually([&] { return !has_phone_row(hq, "t-en"); }));  // called and texted: nothing more to send
  CHECK(message_field(hq, "t-en", "called", "phone").empty());
  CHECK(gateway.received().size() == 3);
  CHECK(count(hq, "sms_message WHERE ticket_id = 't-zh'") == 1);
}

TEST_CASE("sms reminders: nothing without a gateway, nothing for a served ticket, no near once called") {
  HqFixture hq;
  FakeSmsGateway gateway;
  put_ticket(hq, "waiting", "waiting", 1, "en");
  put_ticket(hq, "served", "served", std::nullopt, "en", 2, "13700137000");
  put_ticket(hq, "called", "called", std::nullopt, "en", 4, "13600136000");
  hq.start();

  // The served ticket's phone goes in a round, gateway or not: a round ran, and made nothing.
  REQUIRE(eventually([&] { return !has_phone_row(hq, "served"); }));
  CHECK(count(hq, "sms_message") == 0);
  CHECK(gateway.received().empty());
  CHECK(has_phone_row(hq, "waiting"));
  CHECK(has_phone_row(hq, "called"));  // no gateway: no text yet, and the phone stays while called

  use_gateway(hq, gateway);  // hq serving: the next round reads it
  REQUIRE(gateway.wait_for(2));
  REQUIRE(eventually([&] { return count(hq, "sms_message WHERE outcome = 'sent'") == 2; }));
  CHECK(message_field(hq, "waiting", "near", "outcome") == "sent");
  CHECK(message_field(hq, "called", "called", "outcome") == "sent");
  CHECK(count(hq, "sms_message WHERE ticket_id = 'called' AND moment = 'near'") == 0);
  CHECK(count(hq, "sms_message WHERE ticket_id = 'served'") == 0);
  std::set<std::string> to;
  for (const FakeSmsGateway::Received& r : gateway.received()) to.insert(r.body["to"].get<std::string>());
  CHECK(to == std::set<std::string>{kPhone, "13600136000"});
  CHECK(gateway.received()[0].authorization.empty());  // no user: no Authorization
}

TEST_CASE("sms reminders: a pending near is skipped once the ticket is called; phones of ended tickets go") {
  HqFixture hq;
  FakeSmsGateway gateway;
  gateway.script({503});  // the near waits 5 s for its retry
  use_gateway(hq, gateway);
  put_ticket(hq, "slow", "waiting", 2);
  put_ticket(hq, "expired", "waiting", 9, "zh", std::nullopt, "13500135000");
  update_ticket(hq, "expired", "expires_at = " + std::to_string(SystemClock().now_ms() - 1000));
  // A phone whose ticket page never came, posted 11 minutes ago.
  hq.sql("INSERT INTO ticket_phone(ticket_id, store_id, phone, received_at) VALUES ('no-page', 'S1', '13400134000', " +
         std::to_string(SystemClock().now_ms() - 11 * 60 * 1000) + ")");
  hq.start();

  REQUIRE(gateway.wait_for(1));
  REQUIRE(eventually([&] { return !message_field(hq, "slow", "near", "last_error").empty(); }));
  CHECK(message_field(hq, "slow", "near", "outcome") == "pending");
  CHECK(message_field(hq, "slow", "near", "phone") == kPhone);                // kept for the retry
  update_ticket(hq, "slow", "state = 'serving', counter = 2, ahead = NULL");  // at the counter before the retry
  REQUIRE(eventually([&] { return message_field(hq, "slow", "near", "outcome") == "skipped"; }));
  CHECK(message_field(hq, "slow", "near", "phone").empty());
  REQUIRE(eventually([&] { return count(hq, "ticket_phone") == 0; }));  // serving, expired, no page
  CHECK(gateway.received().size() == 1);
  CHECK(count(hq, "sms_message") == 1);
}

TEST_CASE("sms reminders: at most daily_cap texts per phone number a day, the rest capped") {
  HqFixture hq;
  FakeSmsGateway gateway;
  use_gateway(hq, gateway, {"--daily-cap", "2"});
  for (const char* id : {"one", "two", "three"}) put_ticket(hq, id, "waiting", 1);
  put_ticket(hq, "other", "waiting", 1, "zh", std::nullopt, "13900139000");
  hq.start();

  REQUIRE(gateway.wait_for(3));
  REQUIRE(eventually(
      [&] { return count(hq, "sms_message") == 4 && count(hq, "sms_message WHERE outcome = 'pending'") == 0; }));
  CHECK(count(hq, "sms_message WHERE outcome = 'sent'") == 3);
  CHECK(count(hq, "sms_message WHERE outcome = 'capped' AND phone IS NULL AND attempts = 0") == 1);
  CHECK(count(hq, "sms_message WHERE outcome = 'capped' AND ticket_id IN ('one', 'two', 'three')") == 1);
  int to_capped_phone = 0;
  for (const FakeSmsGateway::Received& r : gateway.received()) to_capped_phone += r.body["to"] == kPhone ? 1 : 0;
  CHECK(to_capped_phone == 2);
  // Its called text counts too: also capped.
  update_ticket(hq, "one", "state = 'called', counter = 1, ahead = NULL");
  REQUIRE(eventually([&] { return message_field(hq, "one", "called", "outcome") == "capped"; }));
  CHECK(gateway.received().size() == 3);
}

TEST_CASE("sms reminders: a 500 is retried 5 s later and sent; a 400 fails at once") {
  HqFixture hq;
  FakeSmsGateway gateway;
  gateway.script({500});
  use_gateway(hq, gateway);
  put_ticket(hq, "retried", "waiting", 0);
  hq.start();

  REQUIRE(gateway.wait_for(2, std::chrono::seconds(30)));
  REQUIRE(eventually([&] { return message_field(hq, "retried", "near", "outcome") == "sent"; }));
  CHECK(message_field(hq, "retried", "near", "attempts") == "2");
  CHECK(message_field(hq, "retried", "near", "phone").empty());
  CHECK(message_field(hq, "retried", "near", "last_error").empty());
  const std::vector<FakeSmsGateway::Received> twice = gateway.received();
  CHECK(twice[0].answered == 500);
  CHECK(twice[1].answered == 200);
  CHECK(twice[0].body == twice[1].body);  // the same id: a gateway may drop the second

  gateway.script({400});
  put_ticket(hq, "refused", "waiting", 0, "zh", std::nullopt, "13900139000");
  REQUIRE(gateway.wait_for(3));
  REQUIRE(eventually([&] { return message_field(hq, "refused", "near", "outcome") == "failed"; }));
  CHECK(message_field(hq, "refused", "near", "attempts") == "1");
  CHECK(message_field(hq, "refused", "near", "phone").empty());
  CHECK(message_field(hq, "refused", "near", "last_error").rfind("HTTP 400", 0) == 0);
}

TEST_CASE("sms reminders: two hq processes on one database send each message once") {
  HqFixture hq;
  FakeSmsGateway gateway;
  use_gateway(hq, gateway);
  constexpr int kTickets = 30;
  for (int i = 0; i < kTickets; ++i)
    put_ticket(hq, "multi-" + std::to_string(i), "waiting", i % 4, i % 2 ? "en" : "zh", std::nullopt,
               "139" + std::to_string(10000000 + i));
  hq.start();
  hq.start_another();

  REQUIRE(gateway.wait_for(kTickets));
  REQUIRE(eventually([&] { return count(hq, "sms_message WHERE outcome = 'sent'") == kTickets; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // a claim lost by both would send again here
  std::set<std::string> ids;
  for (const FakeSmsGateway::Received& r : gateway.received()) ids.insert(r.body["id"].get<std::string>());
  CHECK(gateway.received().size() == std::size_t(kTickets));
  CHECK(ids.size() == std::size_t(kTickets));
  CHECK(count(hq, "sms_message WHERE attempts = 1") == kTickets);
}

// [SECTION] hq sms set|off|show

// The whole way, every part real: a store that learns reminders are on takes
// a ticket with a phone; its syncs (uploads and live queue posts) move it up
// the queue at HQ, whose worker texts it once 3 are ahead and once called.
TEST_CASE("sms reminders: a store's customer who gave a phone is texted when near and when called") {
  HqFixture hq;
  FakeSmsGateway gateway;
  use_gateway(hq, gateway, {});
  REQUIRE(hq.hq({"public", "set", "--url", "https://q.example.com"}).exit_code == 0);
  hq.start();
  const std::string store = hq.dir.file("store");
  const auto ctl = [&](std::vector<std::string> args) {
    const CtlReply reply = kioskctl(store, std::move(args));
    REQUIRE_MESSAGE(reply.exit_code == 0, reply.body.dump());
    return reply.body;
  };
  ctl({"init", "--store", "S1"});
  ctl({"counter", "open", "--counter", "2", "--services", "A"});
  ctl({"hq", "set", "--url", hq.url(), "--token", hq.add_device("S1")});
  ctl({"sync"});  // reminders are on: the store may take a phone for them
  for (int i = 0; i < 4; ++i) ctl({"issue", "--service", "A"});
  const Json mine = ctl({"issue", "--service", "A", "--phone", kPhone, "--lang", "en"});
  ctl({"sync"});
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // a worker round or more: 4 ahead, no text
  CHECK(gateway.received().empty());

  ctl({"call", "--counter", "2"});
  ctl({"sync"});
  REQUIRE(gateway.wait_for(1));
  CHECK(gateway.received()[0].body["to"] == kPhone);
  CHECK(gateway.received()[0].body["text"] == "Your number " + mine["ticket"].get<std::string>() +
                                                  " at Store one: 3 ahead, please come back. https://q.example.com/t/" +
                                                  mine["token"].get<std::string>());
  for (int i = 0; i < 4; ++i) {
    ctl({"finish", "--counter", "2", "--outcome", "resolved"});
    ctl({"call", "--counter", "2"});
  }
  ctl({"sync"});
  REQUIRE(gateway.wait_for(2));
  CHECK(gateway.received()[1].body["text"].get<std::string>().find("please go to counter 2") != std::string::npos);
  REQUIRE(eventually([&] { return !has_phone_row(hq, mine["id"].get<std::string>()); }));
  CHECK(gateway.received().size() == 2);
}

TEST_CASE("hq sms: bad input gets a clear message and changes nothing") {
  HqFixture hq;
  const std::string password_file = hq.dir.file("pw");
  std::ofstream(password_file) << "secret\n";
  const auto refused = [&](std::vector<std::string> args, const std::string& says) {
    args.insert(args.begin(), {"sms", "set"});
    const HqCommand out = hq.hq(args);
    CHECK(out.exit_code == 2);
    REQUIRE(out.lines.size() == 1);
    const std::string message = out.lines[0].value("error", "");
    INFO(message);
    CHECK(message.find(says) != std::string::npos);
  };
  const std::string url = "https://sms.example.com/send";
  refused({"--daily-cap", "3"}, "no SMS gateway is set");
  refused({"--url", "ftp://sms.example.com"}, "http(s)://HOST");
  refused({"--url", "https://user:pw@sms.example.com/send"}, "no user or password in it");
  refused({"--url", "https://sms.example.com/a b"}, "no spaces");
  refused({"--url", ""}, "http(s)://HOST");
  refused({"--url", url, "--daily-cap", "0"}, "--daily-cap must be a whole number from 1 to 50");
  refused({"--url", url, "--daily-cap", "51"}, "--daily-cap must be a whole number from 1 to 50");
  refused({"--url", url, "--daily-cap", "five"}, "--daily-cap must be a whole number from 1 to 50");
  refused({"--url", url, "--password", "x"}, "a password needs a user");
  refused({"--url", url, "--user", "kiosk"}, "--user needs --password or --password-file");
  refused({"--url", url, "--user", "kiosk", "--password", "x", "--password-file", password_file},
          "--password or --password-file");
  refused({"--url", url, "--user", "a:b", "--password", "x"}, "cannot contain ':'");
  refused({"--url", url, "--template-near-zh", "{ticket} {name}"}, "the placeholder {name}");
  refused({"--url", url, "--template-near-en", "{ticket} at counter {counter}"}, "cannot say {counter}");
  refused({"--url", url, "--template-called-en", "line one\nline two"}, "control characters");
  refused({"--url", url, "--template-called-zh", std::string(301, 'x')}, "longer than 300 characters");
  refused({"--url", url, "--template-called-zh", "\xff"}, "not valid UTF-8");
  CHECK(hq.hq({"sms", "frobnicate"}).exit_code == 2);

  const HqCommand shown = hq.hq({"sms", "show"});
  REQUIRE(shown.exit_code == 0);
  CHECK(shown.lines[0]["gateway"].is_null());
  CHECK(shown.lines[0]["daily_cap"] == 5);
  CHECK(count(hq, "public_setting") == 0);
  CHECK(count(hq, "console_audit WHERE action LIKE 'sms-%'") == 0);
  CHECK(count(hq, "change_log WHERE kind = 'public_page'") == 0);
}

TEST_CASE("hq sms: set, show (the password hidden), off; audited, and stores told whether reminders can be promised") {
  HqFixture hq;
  const std::string password_file = hq.dir.file("pw");
  std::ofstream(password_file) << "s3cret-pass\n";
  const std::string url = "https://sms.example.com/send?account=42";
  const HqCommand set = hq.hq({"sms", "set", "--url", url, "--user", "kiosk", "--password-file", password_file,
                               "--daily-cap", "3", "--template-called-en", "{ticket}: counter {counter}"});
  REQUIRE(set.exit_code == 0);
  const Json& answer = set.lines[0];
  CHECK(answer["gateway"] == Json{{"url", url}, {"user", "kiosk"}, {"password", "(hidden)"}});
  CHECK(answer["daily_cap"] == 3);
  CHECK(answer["templates"]["called"]["en"] == "{ticket}: counter {counter}");
  CHECK(answer["templates"]["near"]["en"] == hq::default_sms_template(SmsMoment::Near, "en"));
  CHECK(answer["reminders"] == false);  // no public address yet
  CHECK(answer["last_24h"] == Json{{"pending", 0}, {"sent", 0}, {"failed", 0}, {"capped", 0}, {"skipped", 0}});
  CHECK(set.lines[0].dump().find("s3cret") == std::string::npos);
  CHECK(hq.sql("SELECT value FROM public_setting WHERE name = 'sms_password'") == "s3cret-pass");
  CHECK(count(hq, "console_audit WHERE action = 'sms-set' AND actor = 'cli' AND detail NOT LIKE '%s3cret%'") == 1);
  CHECK(Json::parse(hq.sql("SELECT data FROM change_log WHERE kind = 'public_page' ORDER BY seq DESC LIMIT 1")) ==
        Json{{"public_url", nullptr}, {"reminders", false}});

  hq.sql("INSERT INTO public_setting(name, value, updated_at) VALUES ('public_url', 'https://q.example.com', 0)");
  REQUIRE(hq.hq({"sms", "set", "--daily-cap", "4", "--template-called-en", ""}).exit_code == 0);  // "" = the default
  const Json shown = hq.hq({"sms", "show"}).lines[0];
  CHECK(shown["gateway"]["url"] == url);  // kept
  CHECK(shown["daily_cap"] == 4);
  CHECK(shown["templates"]["called"]["en"] == hq::default_sms_template(SmsMoment::Called, "en"));
  CHECK(shown["reminders"] == true);
  CHECK(Json::parse(hq.sql("SELECT data FROM change_log WHERE kind = 'public_page' ORDER BY seq DESC LIMIT 1")) ==
        Json{{"public_url", "https://q.example.com"}, {"reminders", true}});

  CHECK(hq.hq({"sms", "set", "--user", ""}).lines[0]["gateway"]["user"].is_null());  // no authentication
  CHECK(count(hq, "public_setting WHERE name IN ('sms_user', 'sms_password')") == 0);

  const HqCommand off = hq.hq({"sms", "off"});
  REQUIRE(off.exit_code == 0);
  CHECK(off.lines[0]["gateway"].is_null());
  CHECK(off.lines[0]["reminders"] == false);
  CHECK(off.lines[0]["daily_cap"] == 4);  // kept for the next gateway
  CHECK(Json::parse(hq.sql("SELECT data FROM change_log WHERE kind = 'public_page' ORDER BY seq DESC LIMIT 1")) ==
        Json{{"public_url", "https://q.example.com"}, {"reminders", false}});
  CHECK(count(hq, "console_audit WHERE action LIKE 'sms-%'") == 4);
}

// [SECTION] Texts, verdicts, the retry schedule

TEST_CASE("sms texts: placeholders filled, an unknown value empty, spaces trimmed") {
  const SmsFacts facts{"A012", "Xuhui", 3, 2, "https://q.example.com/t/ABC"};
  CHECK(hq::render_sms("{ticket} at {store}: {ahead} ahead, counter {counter} {url}", facts) ==
        "A012 at Xuhui: 2 ahead, counter 3 https://q.example.com/t/ABC");
  const SmsFacts no_url{"A012", "Xuhui", std::nullopt, 0, ""};
  CHECK(hq::render_sms(hq::default_sms_template(SmsMoment::Near, "en"), no_url) ==
        "Your number A012 at Xuhui: 0 ahead, please come back.");
  CHECK(hq::render_sms("{x} {ticket} {", no_url) == "{x} A012 {");
  CHECK(hq::render_sms(hq::default_sms_template(SmsMoment::Called, "fr"), facts) ==
        hq::render_sms(hq::default_sms_template(SmsMoment::Called, "zh"), facts));  // not en: Chinese
  for (SmsMoment moment : {SmsMoment::Near, SmsMoment::Called})
    for (const char* language : {"zh", "en"})
      CHECK_FALSE(hq::why_not_sms_template(moment, language, hq::default_sms_template(moment, language)));
}

TEST_CASE(
    "sms gateway answers: 2xx sent, 429 and 5xx retried, other statuses failed; retries at 5 s, 30 s, 2 min, "
    "10 min") {
  for (long status : {200L, 201L, 204L}) CHECK(hq::sms_verdict(status) == SmsVerdict::Sent);
  for (long status : {429L, 500L, 502L, 503L}) CHECK(hq::sms_verdict(status) == SmsVerdict::Retry);
  for (long status : {301L, 400L, 401L, 403L, 404L, 422L}) CHECK(hq::sms_verdict(status) == SmsVerdict::Failed);
  CHECK(hq::sms_retry_delay_ms(1) == 5'000);
  CHECK(hq::sms_retry_delay_ms(2) == 30'000);
  CHECK(hq::sms_retry_delay_ms(3) == 120'000);
  CHECK(hq::sms_retry_delay_ms(4) == 600'000);
  CHECK_FALSE(hq::sms_retry_delay_ms(5));
}

TEST_CASE("sms gateway without an answer: a port nothing listens on is a retry, not a failure") {
  // A socket bound to a port and never listening: connections to it are refused.
  const int bound = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(bound >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  REQUIRE(bind(bound, reinterpret_cast<sockaddr*>(&address), length) == 0);
  REQUIRE(getsockname(bound, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  hq::SmsGateway gateway("http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/send", "", "", nullptr);
  const hq::SmsAttempt attempt = gateway.send("id", kPhone, "text");
  close(bound);
  CHECK(attempt.verdict == SmsVerdict::Retry);
  CHECK(attempt.detail.rfind("connection-refused", 0) == 0);
}
