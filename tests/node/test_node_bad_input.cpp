// Bad input to every endpoint: missing fields, wrong types, malformed JSON,
// huge bodies, unknown ids, unknown paths and methods. Each answer is a JSON
// error with a 4xx status, and the store file is byte-for-byte the same data.
#include <doctest/doctest.h>

#include "node/node_fixture.h"

using namespace kiosk;
using kiosk::test::ApiClient;
using kiosk::test::HttpAnswer;
using kiosk::test::NodeFixture;
using nlohmann::json;

namespace {

// Every row of every table that an API call could change, as text.
std::string dump_state(StoreDb& store) {
  std::string out;
  for (const char* table : {"ticket", "counter", "staff", "staff_session", "call_event", "number_sequence"}) {
    const std::string sql = std::string("SELECT * FROM ") + table + " ORDER BY 1";
    auto append_row = [](void* text, int columns, char** values, char**) {
      for (int c = 0; c < columns; ++c)
        *static_cast<std::string*>(text) += std::string(values[c] ? values[c] : "null") + "|";
      *static_cast<std::string*>(text) += "\n";
      return 0;
    };
    out += std::string(table) + ":\n";
    REQUIRE(sqlite3_exec(store.db().handle(), sql.c_str(), append_row, &out, nullptr) == SQLITE_OK);
  }
  return out;
}

void check_json_error(const HttpAnswer& answer, int status, const std::string& what) {
  INFO(what);
  CHECK(answer.status == status);
  REQUIRE(answer.body.is_object());
  CHECK(answer.body["error"]["code"].is_string());
  CHECK(answer.body["error"]["message"].is_string());
}

}  // namespace

TEST_CASE("bad input to every endpoint: a clear JSON error and no change") {
  NodeFixture node;
  node.issue(3);
  const Ticket failed = node.store.engine->issue({"A", false, {}}).value().ticket;
  REQUIRE(node.store.engine->record_print(failed.id, PrintState::Failed).ok());
  ApiClient li = node.staff_client("Li", "2580", 1);
  ApiClient anonymous = node.device_client();
  const std::string before = dump_state(*node.store.store);
  const std::string huge(64 * 1024, 'x');
  const std::string base = "/api/v1/counters/1/";

  SUBCASE("login") {
    for (const std::string& body :
         {std::string(""), std::string("{"), std::string("[]"), std::string("\"pin\""), json{{"name", "Li"}}.dump(),
          json{{"name", "Li"}, {"pin", 2580}, {"counter", 1}}.dump(),
          json{{"name", "Li"}, {"pin", "2580"}, {"counter", "1"}}.dump(),
          json{{"name", "Li"}, {"pin", "2580"}, {"counter", 1.5}}.dump(),
          json{{"name", "Li"}, {"pin", "2580"}, {"counter", -1}}.dump(),
          json{{"name", "Li"}, {"pin", "2580"}, {"counter", 18446744073709551615ull}}.dump(),
          json{{"name", std::string(500, 'n')}, {"pin", "2580"}, {"counter", 1}}.dump(),
          std::string("{\"name\": \"\xff\xfe\", \"pin\": \"2580\", \"counter\": 1}")})
      check_json_error(anonymous.post("/api/v1/login", body), 400, "login " + body);
    check_json_error(anonymous.post("/api/v1/login", json{{"name", "Li"}, {"pin", "2580"}, {"counter", 77}}), 404,
                     "unknown counter");
    check_json_error(anonymous.post("/api/v1/login", huge), 413, "huge login");
  }
  SUBCASE("counter actions") {
    for (const char* action : {"call", "recall", "start", "finish", "no-show", "transfer", "pause", "open", "close"})
      check_json_error(li.post(base + action, huge), 413, std::string("huge ") + action);
    check_json_error(li.post(base + "recall"), 409, "recall with nothing called");
    check_json_error(li.post(base + "start"), 409, "start with nothing called");
    check_json_error(li.post(base + "no-show"), 409, "no-show with nothing called");
    for (const json& body :
         {json::object(), json{{"outcome", 1}}, json{{"outcome", "great"}}, json{{"outcome", nullptr}}})
      check_json_error(li.post(base + "finish", body), 400, "finish " + body.dump());
    for (const json& body : {json::object(), json{{"to_service", json::array()}}, json{{"to_service", "ZZZZZZZZZZ"}}})
      check_json_error(li.post(base + "transfer", body), 400, "transfer " + body.dump());
    for (const json& body : {json::object(), json{{"reason", 5}}, json{{"reason", "line\nbreak"}}})
      check_json_error(li.post(base + "pause", body), 400, "pause " + body.dump());
    for (const json& body : {json::object(), json{{"services", "A"}}, json{{"services", json::array()}},
                             json{{"services", {"A", 3}}}, json{{"services", {"Q"}}}})
      check_json_error(li.post(base + "open", body), 400, "open " + body.dump());
    check_json_error(li.post("/api/v1/counters/99999999999/call"), 404, "counter number too long");
    check_json_error(li.post("/api/v1/counters/x/call"), 404, "counter not a number");
    check_json_error(li.post(base + "dance"), 404, "unknown action");
  }
  SUBCASE("reprints, events, queue, logout, unknown paths and methods") {
    check_json_error(li.post("/api/v1/reprints/no-such-ticket/done"), 404, "unknown ticket");
    check_json_error(li.post("/api/v1/reprints/" + failed.id + "/done", huge), 413, "huge reprint");
    for (const char* query :
         {"after=-1", "after=abc", "after=", "wait=31", "wait=-1", "wait=1.5", "after=99999999999999999999"})
      check_json_error(anonymous.get(std::string("/api/v1/events?") + query), 400, query);
    check_json_error(anonymous.post("/api/v1/events"), 405, "POST events");
    check_json_error(anonymous.post("/api/v1/queue"), 405, "POST queue");
    check_json_error(anonymous.get("/api/v1/login"), 405, "GET login");
    check_json_error(anonymous.send("DELETE", "/api/v1/queue", ""), 405, "DELETE queue");
    check_json_error(anonymous.get("/api/v2/queue"), 404, "unknown path");
    check_json_error(anonymous.get("/"), 404, "root");
    check_json_error(anonymous.post("/api/v1/logout"), 401, "logout without a token");
    ApiClient bad_header = node.device_client();
    bad_header.token = std::string(5000, 'z');
    check_json_error(bad_header.post("/api/v1/logout"), 401, "huge token");
  }
  CHECK(dump_state(*node.store.store) == before);
  CHECK(anonymous.get("/api/v1/queue").status == 200);  // still serving
}
