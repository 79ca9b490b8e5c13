// `kioskctl request ...` as an operator uses it: one JSON object per command,
// a request's life from create to purge, exit codes 2 (bad usage or input) and
// 3 (refused by a rule) with nothing stored, and the status lookup slowed down
// across separate processes.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/store_time_zone.h"
#include "kioskctl_runner.h"
#include "support/temp_dir.h"

using kiosk::test::kioskctl;
using kiosk::test::Reply;
using kiosk::test::TempDir;

namespace {

// A date `days` ahead of today in Shanghai (the stores' zone here), YYYY-MM-DD,
// on the clock kioskctl reads.
std::string shanghai_date_in(int days) {
  const kiosk::EpochMs now = kiosk::SystemClock().now_ms();
  return kiosk::StoreTimeZone::load("Asia/Shanghai").value().business_day(now + days * 86'400'000LL);
}

std::string init_store(const TempDir& dir) {
  const std::string data = dir.file("store");
  const Reply init = kioskctl(data, {"init", "--store", "SH-001", "--tz", "Asia/Shanghai"});
  REQUIRE(init.exit_code == 0);
  CHECK(init.body["products"] == 8);
  return data;
}

// A good `request create`, with `option` set to `value` (replaced or added).
std::vector<std::string> create_args(const std::string& option = "", const std::string& value = "") {
  std::vector<std::string> args{"request",       "create",
                                "--product",     "washing-machine",
                                "--problem",     "leaking",
                                "--name",        "王小明",
                                "--phone",       "139 0000 1234",
                                "--address",     "上海市浦东新区世纪大道100号",
                                "--date",        shanghai_date_in(2),
                                "--window",      "afternoon",
                                "--description", "漏水",
                                "--consent"};
  if (option.empty()) return args;
  const auto at = std::find(args.begin(), args.end(), option);
  if (at == args.end())
    args.insert(args.end(), {option, value});
  else
    *(at + 1) = value;
  return args;
}

std::size_t request_count(const std::string& data) {
  return kioskctl(data, {"request", "list"}).body["requests"].size();
}

}  // namespace

TEST_CASE("an operator's request: create, show, assign, work, close, list, look up, purge") {
  TempDir dir;
  const std::string data = init_store(dir);
  const Reply products = kioskctl(data, {"request", "products"});
  REQUIRE(products.body["products"].size() == 8);
  CHECK(products.body["products"][3]["zh"] == "空调");

  const Reply created = kioskctl(data, create_args("--by", "counter 2"));
  REQUIRE(created.exit_code == 0);
  const std::string code = created.body["code"];
  CHECK(code.size() == 8);
  CHECK(created.body["state"] == "received");
  CHECK(created.body["phone"] == "139****1234");
  CHECK(created.body["events"][0]["by"] == "counter 2");

  REQUIRE(kioskctl(data, {"staff", "add", "--name", "Zhang Wei", "--pin", "2580", "--role", "technician"}).exit_code ==
          0);
  CHECK(kioskctl(data, {"request", "transition", "--code", code, "--to", "assigned", "--assignee", "Zhang Wei",
                        "--version", "1"})
            .body["version"] == 2);
  const Reply scheduled =
      kioskctl(data, {"request", "transition", "--code", code, "--to", "scheduled", "--window", "evening"});
  CHECK(scheduled.body["scheduled_window"] == "evening");
  CHECK(scheduled.body["scheduled_date"] == shanghai_date_in(2));
  for (const char* to : {"on-the-way", "on-site", "done", "closed"})
    REQUIRE(kioskctl(data, {"request", "transition", "--code", code, "--to", to, "--by", "Zhang Wei", "--note", to})
                .exit_code == 0);

  const Reply shown = kioskctl(data, {"request", "show", "--code", code});
  CHECK(shown.body["state"] == "closed");
  CHECK(shown.body["version"] == 7);
  REQUIRE(shown.body["events"].size() == 7);
  CHECK(shown.body["events"][6]["from"] == "done");
  CHECK(shown.body["events"][6]["to"] == "closed");
  CHECK(shown.body["events"][6]["by"] == "Zhang Wei");
  CHECK(shown.body["events"][6]["note"] == "closed");
  CHECK(kioskctl(data, {"request", "list", "--state", "closed"}).body["requests"].size() == 1);
  CHECK(kioskctl(data, {"request", "list", "--state", "received"}).body["requests"].empty());

  const Reply status = kioskctl(data, {"request", "lookup", "--code", code, "--last4", "1234"});
  REQUIRE(status.exit_code == 0);
  CHECK(status.body["timeline"].size() == 7);
  CHECK(status.body.dump().find("王小明") == std::string::npos);

  CHECK(kioskctl(data, {"request", "purge"}).body["purged"] == 0);  // closed today; 30 days by default
  const Reply purged = kioskctl(data, {"request", "purge", "--days", "0"});
  CHECK(purged.body["purged"] == 1);
  const Reply after = kioskctl(data, {"request", "show", "--code", code});
  CHECK(after.body["contact_name"] == "");
  CHECK(after.body["address"] == "");
  CHECK(after.body["description"] == "");
  CHECK(after.body["product"] == "washing-machine");
  CHECK(after.body["events"].size() == 7);
  CHECK(after.body["purged_at"].is_number());
}

TEST_CASE("request commands: exit 2 for bad usage and input, 3 for refusals, and nothing stored") {
  TempDir dir;
  const std::string data = init_store(dir);
  const std::string code = kioskctl(data, create_args()).body["code"];
  struct Case {
    std::vector<std::string> args;
    int exit_code;
    std::string error;  // empty: the message names today's date or a version, only the code is checked
  };
  std::vector<std::string> no_consent = create_args();
  no_consent.pop_back();
  const std::vector<Case> cases{
      {{"request"}, 2, "missing request command (create, show, transition, list, lookup, purge, products)"},
      {{"request", "fly"}, 2, "unknown request command \"fly\""},
      {{"request", "create", "--problem", "leaking", "--name", "A", "--phone", "13900001234"}, 2, "missing --product"},
      {create_args("--window", "night"), 2, "--window must be one of morning, afternoon, evening, got \"night\""},
      {create_args("--colour", "red"), 2, "unknown option --colour"},
      {create_args("--description", "漏水😭"), 2,
       "the description contains a character the kiosk cannot show or print, such as an emoji (U+1F62D)"},
      {create_args("--description", std::string(5000, 'a')), 2,
       "the description is 5000 characters long; at most 500 are allowed"},
      {create_args("--phone", "12345"), 2,
       "not a Chinese mobile (11 digits, 1[3-9]...) or landline (0 + area code + 7-8 digits) number"},
      {create_args("--date", shanghai_date_in(-3)), 2, ""},
      {no_consent, 3, "the customer has not agreed to the privacy notice"},
      {{"request", "transition", "--code", code, "--to", "finished"}, 2, ""},
      {{"request", "transition", "--code", code, "--to", "done"},
       3,
       "a request that is received cannot become done (allowed next: assigned, cancelled)"},
      {{"request", "transition", "--code", code, "--to", "cancelled", "--version", "4"}, 3, ""},
      {{"request", "show", "--code", "R222-222"}, 2, "no request R222-222 in this store"},
      {{"request", "purge", "--days", "-1"}, 2, "--days must be a whole number from 0 to 3650, got \"-1\""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args);
    const Reply r = kioskctl(data, c.args);
    CHECK(r.exit_code == c.exit_code);
    REQUIRE(r.body.contains("error"));
    if (!c.error.empty()) CHECK(r.body["error"] == c.error);
  }
  CHECK(request_count(data) == 1);
  const Reply still = kioskctl(data, {"request", "show", "--code", code});
  CHECK(still.body["state"] == "received");
  CHECK(still.body["version"] == 1);
  CHECK(still.body["events"].size() == 1);
}

TEST_CASE("wrong last four digits from separate processes are slowed down") {
  TempDir dir;
  const std::string data = init_store(dir);
  const std::string code = kioskctl(data, create_args()).body["code"];
  for (const char* wrong : {"0000", "1111", "2222"}) {
    const Reply r = kioskctl(data, {"request", "lookup", "--code", code, "--last4", wrong, "--device", "kiosk-1"});
    CHECK(r.exit_code == 2);
    CHECK(r.body["error"] == "no request matches this code and phone number");
  }
  const Reply slowed = kioskctl(data, {"request", "lookup", "--code", code, "--last4", "1234", "--device", "kiosk-2"});
  CHECK(slowed.exit_code == 3);
  CHECK(slowed.body["error"].get<std::string>().rfind("too many wrong attempts; try again in ", 0) == 0);
}
