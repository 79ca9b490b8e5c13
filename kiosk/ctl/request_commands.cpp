// The `request` commands of kioskctl (see request_commands.h).
#include "ctl/request_commands.h"

#include "codec/request_json.h"
#include "requests/request_book.h"
#include "requests/request_lookup.h"
#include "requests/request_purge.h"
#include "store/product_catalog.h"
#include "store/storage_guard.h"

namespace kiosk::ctl {

namespace {

using json = nlohmann::ordered_json;

constexpr const char* kDefaultActor = "kioskctl";

// An enum option: absent gives nullopt; a name the enum lacks is a usage error.
template <class Parse>
auto enum_option(CommandLine& cl, const std::string& name, Parse parse, const std::string& accepted)
    -> decltype(parse(std::string())) {
  const std::optional<std::string> text = cl.optional(name);
  if (!text) return std::nullopt;
  auto value = parse(*text);
  if (!value) throw UsageError("--" + name + " must be one of " + accepted + ", got \"" + *text + "\"");
  return value;
}

template <class T>
Result<json> as_json(Result<T> result) {
  if (!result) return result.error();
  return to_json(result.value());
}

Result<json> create(StoreDb& store, CommandLine& cl, const Clock& clock) {
  RequestForm form;
  form.kind = enum_option(cl, "kind", request_kind_from, "repair, installation").value_or(RequestKind::Repair);
  form.product = cl.required("product");
  form.problem = cl.required("problem");
  form.model = cl.optional("model").value_or("");
  form.serial = cl.optional("serial").value_or("");
  form.purchase_date = cl.optional("purchase-date").value_or("");
  form.description = cl.optional("description").value_or("");
  form.contact_name = cl.required("name");
  form.phone = cl.required("phone");
  form.on_site = !cl.flag("drop-off");
  form.address = cl.optional("address").value_or("");
  form.preferred_date = cl.optional("date").value_or("");
  form.time_window = enum_option(cl, "window", time_window_from, "morning, afternoon, evening");
  form.urgency = enum_option(cl, "urgency", urgency_from, "normal, urgent").value_or(Urgency::Normal);
  form.consent = cl.flag("consent");
  const std::string actor = cl.optional("by").value_or(kDefaultActor);
  cl.finish();
  return as_json(RequestBook(store, clock).create(form, actor));
}

Result<json> transition(StoreDb& store, CommandLine& cl, const Clock& clock) {
  TransitionRequest change;
  change.code = cl.required("code");
  const std::string to = cl.required("to");
  change.actor = cl.optional("by").value_or(kDefaultActor);
  change.note = cl.optional("note").value_or("");
  change.assignee = cl.optional("assignee").value_or("");
  change.scheduled_date = cl.optional("date").value_or("");
  change.scheduled_window = enum_option(cl, "window", time_window_from, "morning, afternoon, evening");
  if (cl.optional("version")) change.expected_version = cl.required_int("version", 1, 1'000'000'000);
  cl.finish();
  const std::optional<RequestState> state = request_state_from(to);
  if (!state) throw UsageError("--to must be one of " + request_state_names() + ", got \"" + to + "\"");
  change.to = *state;
  return as_json(RequestBook(store, clock).transition(change));
}

Result<json> list(StoreDb& store, CommandLine& cl, const Clock& clock) {
  RequestFilter filter;
  filter.state = enum_option(cl, "state", request_state_from, request_state_names());
  if (cl.optional("limit")) filter.limit = cl.required_int("limit", 1, 10000);
  cl.finish();
  Result<std::vector<Request>> found = RequestBook(store, clock).list(filter);
  if (!found) return found.error();
  json requests = json::array();
  for (const Request& r : found.value()) requests.push_back(to_json(r));
  return json{{"requests", requests}};
}

Result<json> products(StoreDb& store, CommandLine& cl, const Clock& clock) {
  std::vector<ProductCategory> list;
  if (cl.has_word()) {
    const std::string sub = cl.word("products command (import)");
    if (sub != "import") throw UsageError("unknown request products command \"" + sub + "\"");
    const std::string file = cl.word("product catalogue file");
    cl.finish();
    Result<std::vector<ProductCategory>> parsed = read_product_catalog_file(file);
    if (!parsed) return parsed.error();
    try {
      Transaction tx(store.db());
      store_product_catalog(store.db(), parsed.value());
      tx.commit();
    } catch (const SqliteError& e) {
      return storage_error_from(e);
    }
    list = std::move(parsed).value();
  } else {
    cl.finish();
    Result<std::vector<ProductCategory>> stored = RequestBook(store, clock).products();
    if (!stored) return stored.error();
    list = std::move(stored).value();
  }
  json out = json::array();
  for (const ProductCategory& p : list) out.push_back(to_json(p));
  return json{{"products", out}};
}

}  // namespace

Result<json> run_request_command(StoreDb& store, CommandLine& cl, const Clock& clock) {
  const std::string sub = cl.word("request command (create, show, transition, list, lookup, purge, products)");
  if (sub == "create") return create(store, cl, clock);
  if (sub == "transition") return transition(store, cl, clock);
  if (sub == "list") return list(store, cl, clock);
  if (sub == "products") return products(store, cl, clock);
  if (sub == "show") {
    const std::string code = cl.required("code");
    cl.finish();
    return as_json(RequestBook(store, clock).find(code));
  }
  if (sub == "lookup") {
    const std::string code = cl.required("code"), last_four = cl.required("last4");
    const std::string device = cl.optional("device").value_or(kDefaultActor);
    cl.finish();
    return as_json(RequestLookup(store, clock).status(code, last_four, device));
  }
  if (sub == "purge") {
    const int days = cl.optional("days") ? cl.required_int("days", 0, kMaxPurgeDays) : kDefaultPurgeDays;
    cl.finish();
    Result<std::int64_t> purged = purge_personal_data(store, clock, days);
    if (!purged) return purged.error();
    return json{{"purged", purged.value()}, {"days", days}};
  }
  throw UsageError("unknown request command \"" + sub + "\"");
}

}  // namespace kiosk::ctl
