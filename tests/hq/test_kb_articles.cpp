// HQ's help articles (docs/help-articles.md, "At HQ") on a real hq: a new
// database starts with the default set once (a migrated one too; a retired
// article stays retired); `hq kb import` takes a file whole or not at all and
// its export reads back; the console's API (roles, CSRF, bad articles) and
// the feed entry a store's device reads; kb_use records uploaded through the
// sync API in any order of revisions, twice, and parked when bad; and the
// help report against sums this test computes itself.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>

#include "core/random_id.h"
#include "hq/hq_fixture.h"
#include "kb/kb_article.h"

using namespace kiosk;
using namespace kiosk::test;

#ifndef KIOSK_ASSETS_DIR
#error "KIOSK_ASSETS_DIR must name the assets directory"
#endif

namespace {

constexpr const char* kApi = "/api/console/v1";

std::vector<KbArticle> default_articles() {
  Result<std::vector<KbArticle>> articles = read_kb_article_file(std::string(KIOSK_ASSETS_DIR) + "/kb-default.jsonl");
  REQUIRE_MESSAGE(articles.ok(), articles.error().message);
  REQUIRE_FALSE(articles.value().empty());
  return articles.value();
}

// An article of this test's own.
Json test_article(const std::string& id, const std::string& zh_title = "洗衣机不排水") {
  return Json{
      {"id", id},
      {"service", "C"},
      {"product", "washing-machine"},
      {"sort", 20},
      {"zh", {{"title", zh_title}, {"answer", "先检查排水管。"}, {"steps", {"关机断电", "清理过滤器"}}}},
      {"en",
       {{"title", "The washer will not drain"}, {"answer", "Check the drain hose first."}, {"steps", Json::array()}}},
      {"active", true}};
}

// The article as HQ writes it (kb_article_json's order and defaults).
Json canonical(const Json& article) { return Json::parse(kb_article_json(parse_kb_article(article).value()).dump()); }

std::int64_t count_of(HqFixture& hq, const std::string& sql) { return std::stoll(hq.sql(sql)); }

std::string write_file(HqFixture& hq, const std::string& name, const std::string& text) {
  const std::string path = hq.dir.file(name);
  std::ofstream(path) << text;
  return path;
}

// `hq kb list` as id -> article.
std::map<std::string, Json> listed(HqFixture& hq) {
  const HqCommand list = hq.hq({"kb", "list"});
  REQUIRE(list.exit_code == 0);
  REQUIRE(list.lines.size() == 1);
  std::map<std::string, Json> by_id;
  for (const Json& article : list.lines[0]["articles"]) by_id[article["id"]] = article;
  return by_id;
}

}  // namespace

TEST_CASE("a new HQ starts with the default help articles once; a database migrated from schema 8 gets them too") {
  HqFixture hq;
  const std::vector<KbArticle> defaults = default_articles();
  std::map<std::string, Json> articles = listed(hq);
  REQUIRE(articles.size() == defaults.size());
  for (const KbArticle& article : defaults) {
    REQUIRE(articles.count(article.id));
    Json shown = articles[article.id];
    CHECK(shown["updated_by"] == "hq");
    shown.erase("updated_at");
    shown.erase("updated_by");
    CHECK(shown == Json::parse(kb_article_json(article).dump()));
  }
  CHECK(count_of(hq, "SELECT count(*) FROM change_log WHERE kind = 'kb_article' AND store_id IS NULL") ==
        std::int64_t(defaults.size()));
  CHECK(count_of(hq, "SELECT count(*) FROM console_audit WHERE action = 'kb-seed' AND actor = 'hq'") == 1);

  // Retired by the admin: kept, never seeded back by a later open.
  Json retired = Json::parse(kb_article_json(defaults[0]).dump());
  retired["active"] = false;
  const HqCommand retire = hq.hq({"kb", "import", write_file(hq, "retire.jsonl", retired.dump() + "\n")});
  REQUIRE(retire.exit_code == 0);
  CHECK(retire.lines[0]["changes"] == 1);
  REQUIRE(hq.hq({"migrate"}).exit_code == 0);
  articles = listed(hq);
  CHECK(articles.size() == defaults.size());
  CHECK(articles[defaults[0].id]["active"] == false);
  CHECK(count_of(hq, "SELECT count(*) FROM change_log WHERE kind = 'kb_article'") == std::int64_t(defaults.size()) + 1);

  // A schema-8 database (before help articles) takes the default set when migrated; what it held stays.
  hq.migrate_again_from(8);
  articles = listed(hq);
  CHECK(articles.size() == defaults.size());
  CHECK(articles[defaults[0].id]["active"] == true);
  CHECK(hq.hq({"store", "list"}).lines[0]["stores"].size() == 2);
}

TEST_CASE("hq kb import takes a file whole or not at all, changes only what differs, and its export reads back") {
  HqFixture hq;
  const std::vector<KbArticle> defaults = default_articles();
  const std::int64_t feed_before = count_of(hq, "SELECT count(*) FROM change_log");
  Json changed = Json::parse(kb_article_json(defaults[0]).dump());
  changed["zh"]["title"] = "改过的标题";
  const std::string good =
      "# two articles\n" + test_article("washer-smells").dump() + "\n\n" + changed.dump() + "\n";
  const HqCommand imported = hq.hq({"kb", "import", write_file(hq, "good.jsonl", good)});
  REQUIRE(imported.exit_code == 0);
  CHECK(imported.lines[0]["articles"] == 2);
  CHECK(imported.lines[0]["changes"] == 2);
  CHECK(count_of(hq, "SELECT count(*) FROM change_log") == feed_before + 2);
  std::map<std::string, Json> articles = listed(hq);
  CHECK(articles.size() == defaults.size() + 1);
  CHECK(articles[defaults[0].id]["zh"]["title"] == "改过的标题");
  CHECK(articles["washer-smells"]["updated_by"] == "cli");

  // The same again: nothing differs, nothing enters the feed.
  const HqCommand again = hq.hq({"kb", "import", write_file(hq, "again.jsonl", good)});
  REQUIRE(again.exit_code == 0);
  CHECK(again.lines[0]["changes"] == 0);
  CHECK(count_of(hq, "SELECT count(*) FROM change_log") == feed_before + 2);

  // A bad third line: exit 2 naming the line and field; the good lines before it change nothing.
  Json empty_title = test_article("fridge-noise");
  empty_title["zh"]["title"] = "";
  const std::string bad = test_article("washer-smells", "又改了").dump() + "\n" +
                          test_article("tv-no-signal").dump() + "\n" + empty_title.dump() + "\n";
  const HqCommand refused = hq.hq({"kb", "import", write_file(hq, "bad.jsonl", bad)});
  CHECK(refused.exit_code == 2);
  REQUIRE(refused.lines.size() == 1);
  const std::string message = refused.lines[0]["error"];
  CHECK_MESSAGE(message.find("line 3") != std::string::npos, message);
  CHECK_MESSAGE(message.find("zh.title") != std::string::npos, message);
  CHECK(listed(hq) == articles);
  CHECK(count_of(hq, "SELECT count(*) FROM change_log") == feed_before + 2);
  CHECK(hq.hq({"kb", "import", hq.dir.file("missing.jsonl")}).exit_code == 2);

  // The export holds every article and reads back as no change.
  const CommandOutput exported = run_command({HQ_PATH, "kb", "export", "--db", hq.db});
  REQUIRE(exported.exit_code == 0);
  const Result<std::vector<KbArticle>> read_back = parse_kb_article_lines(exported.stdout_text);
  REQUIRE_MESSAGE(read_back.ok(), read_back.error().message);
  CHECK(read_back.value().size() == articles.size());
  const HqCommand reimported = hq.hq({"kb", "import", write_file(hq, "export.jsonl", exported.stdout_text)});
  REQUIRE(reimported.exit_code == 0);
  CHECK(reimported.lines[0]["changes"] == 0);
}

TEST_CASE("the console's help articles: every role reads, an admin changes them, a store's device sees the change") {
  ConsoleHq c;
  const std::string device = c.hq.add_device("S1");
  const std::int64_t seeded = count_of(c.hq, "SELECT max(seq) FROM change_log");
  c.hq.start();
  ConsoleClient admin(c.hq.port), manager(c.hq.port), dispatcher(c.hq.port);
  REQUIRE(admin.login("ada", kConsolePassword).status == 200);
  REQUIRE(manager.login("mia", kConsolePassword).status == 200);
  REQUIRE(dispatcher.login("dan", kConsolePassword).status == 200);
  const std::string kb = std::string(kApi) + "/kb";
  const std::size_t defaults = default_articles().size();

  for (ConsoleClient* reader : {&admin, &manager, &dispatcher}) {
    const HqAnswer list = reader->get(kb);
    REQUIRE_MESSAGE(list.status == 200, list.raw);
    CHECK(list.body["articles"].size() == defaults);
    CHECK(list.body["articles"][0]["updated_at"].is_number());
  }
  CHECK(ConsoleClient(c.hq.port).get(kb).status == 401);

  const Json article = test_article("washer-smells");
  const std::string path = kb + "/washer-smells";
  CHECK(manager.send("PUT", path, article.dump()).error_code() == "forbidden");
  CHECK(dispatcher.send("PUT", path, article.dump()).status == 403);
  const HqAnswer no_csrf = admin.send("PUT", path, article.dump(), {{"X-CSRF-Token", "wrong"}});
  CHECK(no_csrf.status == 403);
  CHECK(no_csrf.error_code() == "csrf");

  Json bad = article;
  bad["en"]["answer"] = "";
  const HqAnswer refused = admin.send("PUT", path, bad.dump());
  CHECK(refused.status == 400);
  CHECK(refused.error_code() == "bad-article");
  CHECK_MESSAGE(refused.body["error"]["message"].get<std::string>().find("en.answer") != std::string::npos,
                refused.raw);
  const HqAnswer other_id = admin.send("PUT", kb + "/tv-no-signal", article.dump());
  CHECK(other_id.error_code() == "bad-article");
  CHECK_MESSAGE(other_id.body["error"]["message"].get<std::string>().find("id") != std::string::npos, other_id.raw);
  CHECK(admin.send("PUT", path, "not json").status == 400);
  CHECK(count_of(c.hq, "SELECT max(seq) FROM change_log") == seeded);  // nothing of that changed anything

  const HqAnswer put = admin.send("PUT", path, article.dump());
  REQUIRE_MESSAGE(put.status == 200, put.raw);
  CHECK(put.body["changed"] == true);
  CHECK(put.body["article"] == canonical(article));
  CHECK(admin.send("PUT", path, article.dump()).body["changed"] == false);  // the same again: no change
  const Json list = manager.get(kb).body["articles"];
  REQUIRE(list.size() == defaults + 1);
  bool found = false;
  for (const Json& shown : list)
    if (shown["id"] == "washer-smells") {
      found = true;
      CHECK(shown["updated_by"] == "ada");
      CHECK(shown["zh"]["steps"].size() == 2);
    }
  CHECK(found);

  // The store's device reads it in the feed, as it was put, once.
  const HqAnswer feed = c.hq.get(device, "/sync/v1/changes?after=" + std::to_string(seeded));
  REQUIRE_MESSAGE(feed.status == 200, feed.raw);
  REQUIRE(feed.body["changes"].size() == 1);
  CHECK(feed.body["changes"][0]["kind"] == "kb_article");
  CHECK(feed.body["changes"][0]["key"] == "washer-smells");
  CHECK(feed.body["changes"][0]["data"] == canonical(article));
  const HqAnswer whole = c.hq.get(device, "/sync/v1/changes?limit=1000");
  std::size_t kb_changes = 0;
  for (const Json& change : whole.body["changes"]) kb_changes += change["kind"] == "kb_article";
  CHECK(kb_changes == defaults + 1);  // the default set, then the new one

  // Import: lines checked whole (a bad line changes nothing), then upserted.
  Json retired = article;
  retired["active"] = false;
  const std::string import_path = kb + "/import";
  const HqAnswer bad_import = admin.send(
      "POST", import_path, Json{{"lines", test_article("tv-no-signal").dump() + "\n{\"id\": \"x\"}\n"}}.dump());
  CHECK(bad_import.status == 400);
  CHECK(bad_import.error_code() == "bad-article");
  CHECK_MESSAGE(bad_import.body["error"]["message"].get<std::string>().find("line 2") != std::string::npos,
                bad_import.raw);
  CHECK(manager.get(kb).body["articles"].size() == defaults + 1);
  CHECK(manager.send("POST", import_path, Json{{"lines", retired.dump()}}.dump()).status == 403);
  CHECK(admin.send("POST", import_path, Json{{"lines", std::string(513 * 1024, ' ')}}.dump()).status == 400);
  const HqAnswer imported = admin.send(
      "POST", import_path, Json{{"lines", retired.dump() + "\n" + test_article("tv-no-signal").dump() + "\n"}}.dump());
  REQUIRE_MESSAGE(imported.status == 200, imported.raw);
  CHECK(imported.body["articles"] == 2);
  CHECK(imported.body["changes"] == 2);
  const HqAnswer after_import = c.hq.get(device, "/sync/v1/changes?after=" + std::to_string(seeded + 1));
  REQUIRE(after_import.body["changes"].size() == 2);
  CHECK(after_import.body["changes"][0]["data"]["active"] == false);

  // Export: the admin's, as JSON Lines.
  const HqAnswer exported = admin.get(kb + "/export");
  REQUIRE(exported.status == 200);
  CHECK(exported.header("Content-Type").rfind("application/x-ndjson", 0) == 0);
  const Result<std::vector<KbArticle>> read_back = parse_kb_article_lines(exported.raw);
  REQUIRE(read_back.ok());
  CHECK(read_back.value().size() == defaults + 2);
  CHECK(manager.get(kb + "/export").status == 403);

  std::set<std::string> actions;
  const HqAnswer audit = admin.get(std::string(kApi) + "/audit");
  for (const Json& entry : audit.body["entries"]) actions.insert(entry["action"]);
  for (const char* action : {"kb-seed", "kb-article-add", "kb-import"}) CHECK_MESSAGE(actions.count(action), action);
}

namespace {

// One use of an article as the store's kb_use record says it.
struct Use {
  std::string store, day, article;
  Json answer;  // null, "helpful" or "not-helpful"
  Json ticket;  // null or a label
};

Json kb_use_record(std::int64_t seq, const std::string& id, std::int64_t revision, const Use& use) {
  return Json{{"seq", seq},
              {"kind", "kb_use"},
              {"id", id},
              {"revision", revision},
              {"store", use.store},
              {"data",
               {{"article", use.article},
                {"opened_at", 1795400000000 + revision},
                {"business_day", use.day},
                {"language", "zh"},
                {"source", "browse"},
                {"answer", use.answer},
                {"ticket", use.ticket}}}};
}

// The sums of the docs' definitions, computed here from each use's latest revision.
struct Expected {
  std::int64_t views = 0, helpful = 0, not_helpful = 0, without_ticket = 0;
  void add(const Use& use) {
    ++views;
    if (use.answer == "helpful") ++helpful;
    if (use.answer == "not-helpful") ++not_helpful;
    if (use.answer == "helpful" && use.ticket.is_null()) ++without_ticket;
  }
  void check(const Json& shown, const std::string& what) const {
    INFO(what << ": " << shown.dump());
    CHECK(shown["views"] == views);
    CHECK(shown["helpful"] == helpful);
    CHECK(shown["not_helpful"] == not_helpful);
    CHECK(shown["answered_without_ticket"] == without_ticket);
    if (helpful + not_helpful == 0)
      CHECK(shown["helpful_share"].is_null());
    else
      CHECK(shown["helpful_share"].get<double>() == doctest::Approx(double(helpful) / double(helpful + not_helpful)));
  }
};

// A store device's stream of records: its token, incarnation and next seq.
struct Stream {
  explicit Stream(std::string device_token) : token(std::move(device_token)) {}
  std::string token, incarnation = new_uuid();
  std::int64_t next_seq = 1;
  int batches = 0;
  Json batch(const std::vector<std::tuple<std::string, std::int64_t, Use>>& records) {
    std::vector<Json> list;
    for (const auto& [id, revision, use] : records) list.push_back(kb_use_record(next_seq++, id, revision, use));
    return upload_body(incarnation, incarnation + ":" + std::to_string(++batches), list);
  }
};

}  // namespace

TEST_CASE("kb_use uploads in any order of revisions, or twice, count each use's latest revision in the help report") {
  ConsoleHq c;
  const std::vector<KbArticle> defaults = default_articles();
  const std::string known = defaults[0].id, unknown = "store-only-article";
  Stream s1(c.hq.add_device("S1")), s2(c.hq.add_device("S2"));
  c.hq.start();

  // Each use's revisions as the store made them, oldest first; the latest counts.
  const auto use = [](const std::string& store, const std::string& day, const std::string& article, Json answer,
                      Json ticket) {
    return Use{store, day, article, std::move(answer), std::move(ticket)};
  };
  const Json none = nullptr;
  std::map<std::string, std::vector<std::pair<std::int64_t, Use>>> revisions;
  std::vector<std::string> ids;
  const auto make = [&](std::vector<std::pair<std::int64_t, Use>> list) {
    ids.push_back(new_uuid());
    revisions[ids.back()] = std::move(list);
  };
  // S1: opened, then answered helpful (no ticket); opened then not helpful with a ticket taken;
  // helpful then a ticket taken after all; never answered; the unknown article.
  make({{3, use("S1", "2026-11-22", known, none, none)}, {9, use("S1", "2026-11-22", known, "helpful", none)}});
  make({{4, use("S1", "2026-11-22", known, none, none)},
        {7, use("S1", "2026-11-22", known, "not-helpful", none)},
        {12, use("S1", "2026-11-22", known, "not-helpful", "C014")}});
  make({{5, use("S1", "2026-11-23", known, "helpful", none)}, {15, use("S1", "2026-11-23", known, "helpful", "A003")}});
  make({{6, use("S1", "2026-11-23", known, none, none)}});
  make({{8, use("S1", "2026-11-23", unknown, none, none)}, {10, use("S1", "2026-11-23", unknown, "helpful", none)}});
  // S2: answered, then answered again the other way.
  make(
      {{2, use("S2", "2026-11-23", known, "helpful", none)}, {5, use("S2", "2026-11-23", known, "not-helpful", none)}});
  make({{3, use("S2", "2026-11-23", known, "helpful", none)}});

  // S1's revisions newest first for some uses (an older one arrives late), oldest first for others,
  // and two revisions of one use in one batch in either order.
  const auto rev = [&](std::size_t use_index, std::size_t revision_index) {
    const auto& [revision, data] = revisions[ids[use_index]][revision_index];
    return std::tuple{ids[use_index], revision, data};
  };
  std::vector<Json> s1_batches{
      s1.batch({rev(0, 1), rev(1, 0), rev(2, 0), rev(2, 1), rev(4, 1), rev(4, 0)}),
      s1.batch({rev(0, 0), rev(1, 2), rev(1, 1), rev(3, 0)}),
  };
  std::vector<Json> s2_batches{s2.batch({rev(5, 1), rev(6, 0)}), s2.batch({rev(5, 0)})};
  for (const Json& batch : s1_batches) REQUIRE(c.hq.upload(s1.token, batch).status == 200);
  for (const Json& batch : s2_batches) REQUIRE(c.hq.upload(s2.token, batch).status == 200);
  // Twice: the same batches again, and the same revisions again under new seqs (a store that queued them again).
  for (const Json& batch : s1_batches) CHECK(c.hq.upload(s1.token, batch).body["received"] == 0);
  const HqAnswer requeued = c.hq.upload(s1.token, s1.batch({rev(0, 1), rev(1, 2), rev(4, 0)}));
  CHECK(requeued.body["received"] == 3);
  CHECK(requeued.body["applied"] == 0);

  // A bad use is parked with what is wrong, and counts nowhere.
  Json bad_answer = kb_use_record(s1.next_seq++, new_uuid(), 20, use("S1", "2026-11-23", known, "maybe", none));
  Json no_day = kb_use_record(s1.next_seq++, new_uuid(), 21, use("S1", "2026-11-23", known, none, none));
  no_day["data"].erase("business_day");
  Json bad_article = kb_use_record(s1.next_seq++, new_uuid(), 22, use("S1", "2026-11-23", "Not An Id", none, none));
  const HqAnswer parked = c.hq.upload(s1.token, upload_body(s1.incarnation, "bad", {bad_answer, no_day, bad_article}));
  REQUIRE(parked.status == 200);
  REQUIRE(parked.body["parked"].size() == 3);
  const auto parked_message = [&](int i) { return parked.body["parked"][i]["message"].get<std::string>(); };
  CHECK(parked.body["parked"][0]["code"] == "bad-record");
  CHECK_MESSAGE(parked_message(0).find("data.answer") != std::string::npos, parked_message(0));
  CHECK_MESSAGE(parked_message(0).find("not-helpful") != std::string::npos, parked_message(0));
  CHECK_MESSAGE(parked_message(1).find("data.business_day") != std::string::npos, parked_message(1));
  CHECK_MESSAGE(parked_message(2).find("data.article") != std::string::npos, parked_message(2));

  // What the report must say, computed here from each use's latest revision.
  const auto expected = [&](const std::string& from, const std::string& to, const std::string& store) {
    std::map<std::string, Expected> by_article, by_store;
    Expected total;
    for (const auto& [id, list] : revisions) {
      const Use& latest = list.back().second;
      if (latest.day < from || latest.day > to || (!store.empty() && latest.store != store)) continue;
      total.add(latest);
      by_article[latest.article].add(latest);
      by_store[latest.store].add(latest);
    }
    return std::tuple{total, by_article, by_store};
  };
  ConsoleClient manager(c.hq.port);
  REQUIRE(manager.login("mia", kConsolePassword).status == 200);
  const std::string report_path = std::string(kApi) + "/reports/help";
  const auto check_report = [&](const std::string& from, const std::string& to, const std::string& store) {
    INFO("report " << from << " to " << to << " store " << store);
    const HqAnswer answer =
        manager.get(report_path + "?from=" + from + "&to=" + to + (store.empty() ? "" : "&store=" + store));
    REQUIRE_MESSAGE(answer.status == 200, answer.raw);
    const auto [total, by_article, by_store] = expected(from, to, store);
    CHECK(answer.body["query"] == Json{{"from", from}, {"to", to}, {"store", store.empty() ? Json() : Json(store)}});
    total.check(answer.body["total"], "total");
    REQUIRE(answer.body["articles"].size() == by_article.size());
    for (const Json& row : answer.body["articles"]) {
      const std::string id = row["id"];
      REQUIRE(by_article.count(id));
      by_article.at(id).check(row, id);
      if (id == known) {
        CHECK(row["zh"] == defaults[0].zh.title);
        CHECK(row["en"] == defaults[0].en.title);
        CHECK(row["service"] == defaults[0].service);
      } else {
        CHECK(row["zh"].is_null());
      }
    }
    REQUIRE(answer.body["stores"].size() == by_store.size());
    for (const Json& row : answer.body["stores"]) {
      by_store.at(row["store"]).check(row, row["store"]);
      CHECK(row["name"] == (row["store"] == "S1" ? "Store one" : "Store two"));
    }
    CHECK(answer.body["hq_time"].is_number());
    return answer.body;
  };
  const Json whole = check_report("2026-11-22", "2026-11-23", "");
  CHECK(whole["total"]["views"] == 7);  // the uses, each once
  check_report("2026-11-23", "2026-11-23", "");
  check_report("2026-11-22", "2026-11-23", "S1");
  check_report("2026-11-22", "2026-11-22", "S2");

  // The command prints the same; figures rebuilt from the records give the same sums.
  Json printed = c.hq.hq({"report", "help", "--from", "2026-11-22", "--to", "2026-11-23"}).lines.at(0);
  printed.erase("hq_time");
  Json shown = whole;
  shown.erase("hq_time");
  CHECK(printed == shown);
  REQUIRE(c.hq.hq({"figures", "rebuild"}).exit_code == 0);
  check_report("2026-11-22", "2026-11-23", "");
  CHECK(c.hq.exported("S1", "kb-uses").size() == 5);

  // The range rules and roles of the other reports.
  CHECK(manager.get(report_path + "?from=2026-11-23&to=2026-11-22").error_code() == "bad-query");
  CHECK(manager.get(report_path + "?from=2026-11-22").status == 400);
  CHECK(manager.get(report_path + "?from=2026-11-22&to=2026-11-23&store=S9").status == 404);
  ConsoleClient admin(c.hq.port);
  REQUIRE(admin.login("ada", kConsolePassword).status == 200);
  CHECK(admin.get(report_path + "?from=2026-11-22&to=2026-11-23").status == 403);
  CHECK(c.hq.hq({"report", "help", "--from", "2026-11-22"}).exit_code == 2);
}
