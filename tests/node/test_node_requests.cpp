// Staff creating requests through the store node: GET /api/v1/products, POST /api/v1/requests on a
// customer's behalf and POST /api/v1/tickets/ID/request from a finished
// ticket, against a real server and store file. Good forms are stored with the
// staff member as actor; bad input (missing fields, wrong types, unknown
// fields, huge bodies, domain errors, unknown or unfinished tickets, a second
// request from one ticket) gets a JSON error and leaves the requests as they were.
#include <doctest/doctest.h>

#include "node/node_fixture.h"
#include "store/product_catalog.h"

using namespace kiosk;
using kiosk::test::ApiClient;
using kiosk::test::HttpAnswer;
using kiosk::test::NodeFixture;
using nlohmann::json;

namespace {

// The store's requests and their events, as text: what a refused call must not change.
std::string dump_requests(StoreDb& store) {
  std::string out;
  for (const char* sql : {"SELECT id, code, phone, source_ticket_id, state FROM request ORDER BY seq",
                          "SELECT request_id, actor, to_state FROM request_event ORDER BY seq"}) {
    auto append_row = [](void* text, int columns, char** values, char**) {
      for (int c = 0; c < columns; ++c)
        *static_cast<std::string*>(text) += std::string(values[c] ? values[c] : "null") + "|";
      *static_cast<std::string*>(text) += "\n";
      return 0;
    };
    REQUIRE(sqlite3_exec(store.db().handle(), sql, append_row, &out, nullptr) == SQLITE_OK);
  }
  return out;
}

std::string default_products_path() {
  return (std::filesystem::path(kiosk::test::default_catalog_path()).parent_path() / "products-default.jsonl").string();
}

// A node whose store has the default product catalogue.
struct RequestNode : NodeFixture {
  RequestNode() {
    Result<std::vector<ProductCategory>> products = read_product_catalog_file(default_products_path());
    REQUIRE(products.ok());
    Transaction tx(store.store->db());
    store_product_catalog(store.store->db(), products.value());
    tx.commit();
  }
  // A ticket of service A (with `phone`) called, served and finished at counter 1 with `outcome`.
  std::string finished_ticket(const std::string& phone, Outcome outcome = Outcome::Request) {
    const Ticket t = store.engine->issue({"A", false, phone}).value().ticket;
    REQUIRE(store.engine->call_next(1).value().id == t.id);
    REQUIRE(store.engine->start(1).ok());
    REQUIRE(store.engine->finish(1, outcome).ok());
    return t.id;
  }
};

// TestStore's clock: 2026-11-23 09:00 in Asia/Shanghai. An on-site repair tomorrow afternoon.
json good_form() {
  return json{{"kind", "repair"},
              {"product", "air-conditioner"},
              {"model", "KFR-35GW"},
              {"serial", "SN-2024/0001"},
              {"purchase_date", "2024-06-01"},
              {"problem", "not-cooling"},
              {"description", "客厅空调不制冷"},
              {"contact_name", "王小明"},
              {"phone", "138 1234 5678"},
              {"address", "上海市浦东新区世纪大道100号"},
              {"preferred_date", "2026-11-24"},
              {"time_window", "afternoon"},
              {"urgency", "urgent"},
              {"consent", true}};
}

json without(json form, const char* field) {
  form.erase(field);
  return form;
}

json with(json form, const char* field, json value) {
  form[field] = std::move(value);
  return form;
}

void check_error(const HttpAnswer& answer, int status, const std::string& code) {
  INFO(answer.body.dump());
  CHECK(answer.status == status);
  REQUIRE(answer.body.is_object());
  CHECK(answer.body["error"]["code"] == code);
  CHECK(answer.body["error"]["message"].is_string());
}

std::string stored(StoreDb& store, const std::string& sql) {
  std::string out;
  auto first = [](void* text, int, char** values, char**) {
    *static_cast<std::string*>(text) = values[0] ? values[0] : "null";
    return 0;
  };
  REQUIRE(sqlite3_exec(store.db().handle(), sql.c_str(), first, &out, nullptr) == SQLITE_OK);
  return out;
}

}  // namespace

TEST_CASE("staff create a request on a customer's behalf") {
  RequestNode node;
  ApiClient li = node.staff_client("Li", "2580", 1);
  const HttpAnswer answer = li.post("/api/v1/requests", good_form());
  INFO(answer.body.dump());
  REQUIRE(answer.status == 200);
  const json& request = answer.body["request"];
  const std::string code = request["code"];
  CHECK(code.size() == 8);
  CHECK(request["phone"] == "138****5678");  // masked in the answer
  CHECK(request["urgency"] == "urgent");
  StoreDb& db = *node.store.store;
  CHECK(stored(db, "SELECT phone FROM request WHERE code = '" + code + "'") == "13812345678");
  CHECK(stored(db, "SELECT model || '/' || serial || '/' || purchase_date FROM request WHERE code = '" + code + "'") ==
        "KFR-35GW/SN-2024/0001/2024-06-01");
  CHECK(stored(db, "SELECT actor FROM request_event e JOIN request r ON r.id = e.request_id WHERE r.code = '" + code +
                       "'") == "Li");
  CHECK(stored(db, "SELECT source_ticket_id FROM request WHERE code = '" + code + "'") == "null");
}

TEST_CASE("bad request forms: a clear error and no request stored") {
  RequestNode node;
  ApiClient li = node.staff_client("Li", "2580", 1);
  ApiClient anonymous = node.device_client();
  const std::string before = dump_requests(*node.store.store);

  check_error(anonymous.post("/api/v1/requests", good_form()), 401, "missing-token");
  check_error(li.post("/api/v1/requests", std::string("{\"product\":")), 400, "bad-json");
  check_error(li.post("/api/v1/requests", std::string("[1, 2]")), 400, "bad-json");
  check_error(li.post("/api/v1/requests", std::string(64 * 1024, 'x')), 413, "too-large");
  check_error(li.post("/api/v1/requests", with(good_form(), "description", std::string(15000, 'a'))), 400, "bad-field");
  for (const char* field : {"product", "problem", "contact_name"})
    check_error(li.post("/api/v1/requests", without(good_form(), field)), 400, "missing-field");
  check_error(li.post("/api/v1/requests", with(good_form(), "consent", "yes")), 400, "bad-field");
  check_error(li.post("/api/v1/requests", with(good_form(), "on_site", 1)), 400, "bad-field");
  check_error(li.post("/api/v1/requests", with(good_form(), "phone", 13812345678LL)), 400, "bad-field");
  check_error(li.post("/api/v1/requests", with(good_form(), "urgency", "asap")), 400, "bad-field");
  check_error(li.post("/api/v1/requests", with(good_form(), "time_window", "night")), 400, "bad-field");
  check_error(li.post("/api/v1/requests", with(good_form(), "kind", json::array())), 400, "bad-field");
  check_error(li.post("/api/v1/requests", with(good_form(), "serail", "X1")), 400, "unknown-field");
  // The domain's own rules, with the validator's codes.
  check_error(li.post("/api/v1/requests", with(good_form(), "purchase_date", "2030-01-01")), 400,
              "purchase-date-future");
  check_error(li.post("/api/v1/requests", with(good_form(), "purchase_date", "2024-13-01")), 400,
              "purchase-date-format");
  check_error(li.post("/api/v1/requests", with(good_form(), "model", std::string(41, 'M'))), 400, "model-too-long");
  check_error(li.post("/api/v1/requests", with(good_form(), "serial", std::string(41, '7'))), 400, "serial-too-long");
  check_error(li.post("/api/v1/requests", with(good_form(), "serial", "SN 1")), 400, "serial-character");
  check_error(li.post("/api/v1/requests", with(good_form(), "model", "KFR\x01")), 400, "model-control-character");
  check_error(li.post("/api/v1/requests", with(good_form(), "description", "坏了😀")), 400,
              "description-unsupported-character");
  check_error(li.post("/api/v1/requests", with(good_form(), "description", std::string(501, 'a'))), 400,
              "description-too-long");
  check_error(li.post("/api/v1/requests", with(good_form(), "phone", "12345")), 400, "phone-format");
  check_error(li.post("/api/v1/requests", without(good_form(), "phone")), 400, "phone-empty");
  check_error(li.post("/api/v1/requests", with(good_form(), "preferred_date", "2026-11-22")), 400,
              "preferred-date-past");
  check_error(li.post("/api/v1/requests", with(good_form(), "product", "spaceship")), 400, "unknown-product");
  check_error(li.post("/api/v1/requests", with(good_form(), "consent", false)), 409, "consent-required");
  check_error(li.send("GET", "/api/v1/requests", ""), 405, "method-not-allowed");
  CHECK(dump_requests(*node.store.store) == before);
}

TEST_CASE("a finished ticket of today becomes a request once, with the ticket's phone") {
  RequestNode node;
  ApiClient li = node.staff_client("Li", "2580", 1);
  const std::string ticket = node.finished_ticket("13912345678");
  const HttpAnswer answer = li.post("/api/v1/tickets/" + ticket + "/request", without(good_form(), "phone"));
  INFO(answer.body.dump());
  REQUIRE(answer.status == 200);
  const std::string code = answer.body["request"]["code"];
  CHECK(answer.body["request"]["phone"] == "139****5678");
  StoreDb& db = *node.store.store;
  CHECK(stored(db, "SELECT source_ticket_id FROM request WHERE code = '" + code + "'") == ticket);
  CHECK(stored(db, "SELECT phone FROM request WHERE code = '" + code + "'") == "13912345678");

  const std::string before = dump_requests(db);
  check_error(li.post("/api/v1/tickets/" + ticket + "/request", good_form()), 409, "ticket-already-requested");
  CHECK(dump_requests(db) == before);
}

TEST_CASE(
    "a ticket being served becomes a request and is finished with it, in one transaction; a refusal leaves it served") {
  RequestNode node;
  ApiClient li = node.staff_client("Li", "2580", 1);
  const Ticket t = node.store.engine->issue({"A", false, "13912345678"}).value().ticket;
  REQUIRE(node.store.engine->call_next(1).value().id == t.id);
  REQUIRE(node.store.engine->start(1).ok());
  StoreDb& db = *node.store.store;
  const std::string state_sql = "SELECT state || '/' || COALESCE(outcome, '-') FROM ticket WHERE id = '" + t.id + "'";

  // A refused form stores nothing and the customer is still being served at counter 1.
  check_error(li.post("/api/v1/tickets/" + t.id + "/request", with(good_form(), "phone", "12345")), 400,
              "phone-format");
  CHECK(stored(db, state_sql) == "serving/-");

  const HttpAnswer answer = li.post("/api/v1/tickets/" + t.id + "/request", without(good_form(), "phone"));
  INFO(answer.body.dump());
  REQUIRE(answer.status == 200);
  CHECK(stored(db, state_sql) == "done/request");
  CHECK_FALSE(node.store.engine->finish(1, Outcome::Resolved).ok());  // the counter's hand is free
  CHECK(stored(db, "SELECT source_ticket_id FROM request WHERE code = '" +
                       answer.body["request"]["code"].get<std::string>() + "'") == t.id);
}

TEST_CASE("a ticket that cannot become a request: nothing stored") {
  RequestNode node;
  ApiClient li = node.staff_client("Li", "2580", 1);
  ApiClient anonymous = node.device_client();
  const std::string no_phone = node.finished_ticket("");
  const Ticket waiting = node.store.engine->issue({"B", false, {}}).value().ticket;
  const std::string before = dump_requests(*node.store.store);

  check_error(li.post("/api/v1/tickets/no-such-ticket/request", good_form()), 404, "unknown-ticket");
  check_error(li.post("/api/v1/tickets/" + waiting.id + "/request", good_form()), 409, "ticket-not-done");
  check_error(li.post("/api/v1/tickets/" + no_phone + "/request", without(good_form(), "phone")), 400, "phone-empty");
  check_error(li.post("/api/v1/tickets/" + no_phone + "/request", without(good_form(), "product")), 400,
              "missing-field");
  check_error(li.post("/api/v1/tickets/" + no_phone + "/request", std::string("{]")), 400, "bad-json");
  check_error(anonymous.post("/api/v1/tickets/" + no_phone + "/request", good_form()), 401, "missing-token");
  check_error(li.post("/api/v1/tickets/" + std::string(100, 'x') + "/request", good_form()), 404, "not-found");
  CHECK(dump_requests(*node.store.store) == before);

  // The next business day the ticket is yesterday's.
  node.store.clock.advance_ms(24 * 3'600'000);
  ApiClient again = node.staff_client("Li", "2580", 1);
  check_error(again.post("/api/v1/tickets/" + no_phone + "/request", with(good_form(), "preferred_date", "2026-11-25")),
              409, "ticket-not-today");
  CHECK(dump_requests(*node.store.store) == before);
}

TEST_CASE("GET /api/v1/products: the form's catalogue and dates for staff only") {
  RequestNode node;
  ApiClient li = node.staff_client("Li", "2580", 1);
  ApiClient anonymous = node.device_client();
  const HttpAnswer answer = li.get("/api/v1/products");
  INFO(answer.body.dump());
  REQUIRE(answer.status == 200);
  CHECK(answer.body["products"].size() == 8);
  CHECK(answer.body["products"][0]["problems"].size() > 0);
  CHECK(answer.body["today"] == "2026-11-23");  // TestStore: 09:00 in Asia/Shanghai
  CHECK(answer.body["last_visit_day"] == "2027-01-22");
  check_error(anonymous.get("/api/v1/products"), 401, "missing-token");
  check_error(li.post("/api/v1/products", good_form()), 405, "method-not-allowed");
}
