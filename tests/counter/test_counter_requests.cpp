// The staff's request form on the counter console, headless against a real
// store node: a walk-in's request from "New request", a finished ticket
// turned into a request (its phone taken when none is typed), and refusals
// said in plain words with nothing stored and nothing typed lost, and the
// receipt on the counter's printer (the kiosk's, byte for byte). Each checks
// SQLite.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <span>

#include "counter_harness.h"
#include "escpos_decoder.h"
#include "paper/receipt_output.h"
#include "paper/request_receipt.h"
#include "requests/request_book.h"
#include "requests/request_validation.h"
#include "store/product_catalog.h"

using namespace kiosk;
using namespace kiosk::counter;
using kiosk::test::CounterHarness;

namespace {

void load_products(CounterHarness& h) {
  Result<std::vector<ProductCategory>> products = read_product_catalog_file(KIOSK_ASSETS_DIR "/products-default.jsonl");
  REQUIRE(products.ok());
  Database& db = h.node.store.store->db();
  Transaction tx(db);
  store_product_catalog(db, products.value());
  tx.commit();
}

// One column of the only request in the store ("" for NULL).
std::string stored(CounterHarness& h, const std::string& column) {
  Statement& q = h.node.store.store->db().prepare("SELECT " + column + " FROM request");
  REQUIRE(q.step());
  const std::string value = q.is_null(0) ? std::string() : q.text(0);
  CHECK_FALSE(q.step());  // exactly one request
  q.reset();
  return value;
}

int request_count(CounterHarness& h) {
  Statement& q = h.node.store.store->db().prepare("SELECT count(*) FROM request");
  q.step();
  const int n = int(q.int64(0));
  q.reset();
  return n;
}

// Product and details pages: repair of an air conditioner that is not cooling, model, serial, bought a year ago,
// urgent.
void fill_product_page(CounterHarness& h) {
  h.tap("req.kind.repair");
  h.tap("req.product.air-conditioner");
  h.tap("req.problem.not-cooling");
  h.tap("req.page.details");
  h.tap("req.model");
  h.type_text("KFR-35GW");
  h.tap("req.serial");
  h.type_text("SN2024");
  h.tap("req.purchase.year.less");
  h.tap("req.urgency.urgent");
}

// Customer and visit pages: name, phone (if any), address, tomorrow afternoon.
void fill_customer_page(CounterHarness& h, const std::string& phone) {
  h.tap("req.page.customer");
  h.tap("req.name");
  h.type_text("王小明");
  if (!phone.empty()) {
    h.tap("req.phone");
    h.type_text(phone);
  }
  h.tap("req.page.visit");
  h.tap("req.address");
  h.type_text("世纪大道100号");
  h.tap("req.visit.day.more");  // from today to tomorrow
  h.tap("req.window.afternoon");
}

void give_consent(CounterHarness& h) {
  h.tap("req.page.customer");
  h.tap("req.consent");
}

}  // namespace

TEST_CASE("New request: a walk-in's request typed by staff is stored, the code shown, the form cleared") {
  for (const Language language : {Language::Zh, Language::En}) {
    CAPTURE(int(language));
    CounterHarness h(1, language);
    load_products(h);
    h.log_in();
    REQUIRE(h.state().screen == Screen::Console);
    h.tap("act.new_request");
    REQUIRE(h.state().screen == Screen::Request);
    REQUIRE(h.state().request.options_loaded);
    fill_product_page(h);
    fill_customer_page(h, "138 1234 5678");
    h.tap("req.send");  // no consent yet: refused in words, on the customer page, nothing lost
    CHECK(h.state().request.error_code == "consent-required");
    CHECK(h.state().request.page == 2);  // the customer page, where the consent is
    CHECK(request_count(h) == 0);
    CHECK(h.state().request.form.contact_name == "王小明");
    h.tap("req.consent");
    h.tap("req.send");
    const std::string code = h.state().request.created_code;
    REQUIRE_MESSAGE(!code.empty(), h.state().request.error_code);
    CHECK(stored(h, "code") == code);
    CHECK(stored(h, "model") == "KFR-35GW");
    CHECK(stored(h, "serial") == "SN2024");
    CHECK(stored(h, "urgency") == "urgent");
    CHECK(stored(h, "phone") == "13812345678");
    CHECK(stored(h, "contact_name") == "王小明");
    CHECK(stored(h, "source_ticket_id").empty());
    CHECK(stored(h, "length(purchase_date)") == "10");
    CHECK(stored(h, "(SELECT actor FROM request_event)") == "Li");
    CHECK(h.state().request.form.contact_name.empty());  // nothing personal stays on screen
    CHECK(h.ui.fonts().missing_characters().empty());
    CHECK(h.app->texts().missing_keys().empty());
    h.tap("req.another");  // a fresh form for the next customer
    CHECK(h.state().screen == Screen::Request);
    CHECK(h.state().request.created_code.empty());
    CHECK(h.state().request.form.product.empty());
    h.tap("req.cancel");
    CHECK(h.state().screen == Screen::Console);
  }
}

namespace {

// An A ticket (with `phone`, or none) called, served and finished as "request": the form is open.
Ticket serve_and_finish_as_request(CounterHarness& h, const std::string& phone) {
  const Ticket ticket = h.node.store.engine->issue({"A", false, phone}).value().ticket;
  h.log_in();
  h.tap("act.call");
  h.tap("act.start");
  h.tap("act.finish");
  h.tap("outcome.request");
  REQUIRE(h.state().screen == Screen::Request);
  return ticket;
}

}  // namespace

TEST_CASE("finishing a ticket as \"request\" opens the form for it; the request keeps the ticket and its phone") {
  CounterHarness h(1, Language::En);
  load_products(h);
  const Ticket ticket = serve_and_finish_as_request(h, "13912345678");
  CHECK(h.state().request.ticket_id == ticket.id);
  fill_product_page(h);
  fill_customer_page(h, "");  // the ticket's phone is taken
  give_consent(h);
  h.tap("req.send");
  REQUIRE_MESSAGE(!h.state().request.created_code.empty(), h.state().request.error_code);
  CHECK(stored(h, "source_ticket_id") == ticket.id);
  CHECK(stored(h, "phone") == "13912345678");
  Statement& q = h.node.store.store->db().prepare("SELECT state, outcome FROM ticket WHERE id = ?1");
  q.bind(1, ticket.id);
  REQUIRE(q.step());
  CHECK(q.text(0) == "done");
  CHECK(q.text(1) == "request");
  q.reset();
}

TEST_CASE("finish as \"request\", then cancel the form: the customer is still being served, nothing is finished") {
  CounterHarness h(1, Language::En);
  load_products(h);
  const Ticket ticket = serve_and_finish_as_request(h, "");
  h.tap("req.cancel");
  CHECK(h.state().screen == Screen::Console);
  REQUIRE(h.state().ticket);
  CHECK(h.state().ticket->id == ticket.id);
  Statement& q = h.node.store.store->db().prepare("SELECT state, outcome IS NULL FROM ticket WHERE id = ?1");
  q.bind(1, ticket.id);
  REQUIRE(q.step());
  CHECK(q.text(0) == "serving");  // was stored done with the outcome "request" and no request
  CHECK(q.int64(1) == 1);
  q.reset();
  // The clerk finishes it another way.
  h.tap("act.finish");
  h.tap("outcome.resolved");
  CHECK_FALSE(h.state().ticket);
}

TEST_CASE(
    "bad input on the staff's form: the node's message in plain words, the field focused, nothing stored or lost") {
  CounterHarness h(1, Language::En);
  load_products(h);
  h.log_in();
  h.tap("act.new_request");
  fill_product_page(h);
  SUBCASE("a wrong phone number") {
    fill_customer_page(h, "12345");
    give_consent(h);
    h.tap("req.page.product");
    h.tap("req.send");
    CHECK(h.state().request.error_code == "phone-format");
    CHECK(h.state().request.page == 2);
    CHECK(h.state().request.focus == RequestField::Phone);
    CHECK(h.state().request.form.phone == "12345");
  }
  SUBCASE("an over-long model: the limit comes from the domain") {
    h.tap("req.page.details");
    h.tap("req.model");
    h.type_text(std::string(kMaxModelChars, 'K'));
    fill_customer_page(h, "13812345678");
    give_consent(h);
    h.tap("req.send");
    CHECK(h.state().request.error_code == "model-too-long");
    CHECK(h.state().request.page == 1);
    CHECK(h.state().request.focus == RequestField::Model);
    CHECK(h.app->texts().format("counter.request.error.too-long", Language::En,
                                {"Model", error_limit("model-too-long")}) ==
          "Model: too long, at most " + std::to_string(kMaxModelChars) + " characters");
  }
  SUBCASE("no product chosen") {
    h.app->dispatch(ChooseRequestProduct{""}, h.now += 1000);
    fill_customer_page(h, "13812345678");
    give_consent(h);
    h.tap("req.send");
    CHECK(h.state().request.error_code == "unknown-product");
    CHECK(h.state().request.page == 0);
  }
  CHECK(request_count(h) == 0);
  CHECK(h.app->texts().missing_keys().empty());
}

namespace {

std::vector<char> file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A walk-in's request typed and sent at a counter with `printer`: its code.
std::string send_walk_in_request(CounterHarness& h) {
  load_products(h);
  h.log_in();
  h.tap("act.new_request");
  fill_product_page(h);
  fill_customer_page(h, "138 1234 5678");
  give_consent(h);
  h.tap("req.send");
  h.settle();
  REQUIRE_MESSAGE(!h.state().request.created_code.empty(), h.state().request.error_code);
  return h.state().request.created_code;
}

}  // namespace

TEST_CASE("a walk-in's request logged at a counter prints the kiosk's receipt on the counter's printer") {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("counter-receipt-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::filesystem::path printed = dir / "counter-printer.bin", expected = dir / "kiosk-receipt.bin";
  CounterHarness h(1, Language::Zh, printer::printer_target_for_path(printed.string()));
  test::give_public_page(*h.node.store.store, "https://q.example.com", false);  // the QR: the phone's lookup
  const std::string code = send_walk_in_request(h);
  CHECK(h.state().request.receipt == ReceiptState::Printed);
  // Byte for byte what the kiosk prints for this request (the same layout, both languages, the phone masked).
  SystemClock clock;
  RequestBook book(*h.node.store.store, clock);
  const Request stored_request = book.find(code).value();
  const printer::PrintResult reference = paper::output_receipt(
      paper::request_receipt(stored_request, book.products().value(), h.node.store.store->store_id(), h.app->texts(),
                             "https://q.example.com/r/?code=" + code),
      printer::printer_target_for_path(expected.string()));
  REQUIRE(reference.ok());
  const std::vector<char> bytes = file_bytes(printed);
  CHECK(bytes.size() > 1000);
  CHECK(bytes == file_bytes(expected));
  const printer::test::DecodeResult decoded =
      printer::test::decode_escpos(std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
  CHECK_MESSAGE(decoded.ticket.has_value(), decoded.error);
  std::filesystem::remove_all(dir);
}

TEST_CASE("without a printer, or when it fails, the clerk is told to write the code down") {
  SUBCASE("no printer at this counter") {
    CounterHarness h(1, Language::En);
    send_walk_in_request(h);
    CHECK(h.state().request.receipt == ReceiptState::NoPrinter);
  }
  SUBCASE("a printer that cannot be opened") {
    CounterHarness h(1, Language::En, printer::printer_target_for_path("/nonexistent-dir/receipt.bin"));
    const std::string code = send_walk_in_request(h);
    CHECK(h.state().request.receipt == ReceiptState::Failed);
    CHECK(request_count(h) == 1);  // the request is stored all the same
    CHECK(stored(h, "code") == code);
  }
}

TEST_CASE("an installation at the counter lists the products that are installed and their kinds of installation") {
  CounterHarness h(1, Language::En);
  load_products(h);
  h.log_in();
  h.tap("act.new_request");
  h.tap("req.product.phone");
  h.tap("req.kind.installation");
  CHECK(h.state().request.form.product.empty());  // a phone is not installed: the choice goes
  CHECK_FALSE(h.shows("req.product.phone"));
  h.tap("req.product.air-conditioner");
  CHECK(h.shows("req.problem.install-new"));
  CHECK_FALSE(h.shows("req.problem.not-cooling"));
  h.tap("req.problem.install-relocate");
  CHECK(h.state().request.form.problem == "install-relocate");
}
