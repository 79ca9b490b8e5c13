// An upload body read with simdjson's DOM parser, one parser per server thread.
#include "hq/upload_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "codec/api_json.h"
#include "core/random_id.h"
#include "core/store_time_zone.h"
#include "hq/hq_sync.h"

namespace kiosk::hq {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

constexpr std::size_t kMaxStoreBytes = 64, kMaxBatchKeyBytes = 128;
constexpr std::int64_t kMaxSeq = std::int64_t(1) << 53;  // exact in every JSON reader
constexpr std::int64_t kMaxEstimateMin = 2'147'483'647;  // what the store's int holds

// The fields of one JSON object, read strictly (as JsonBody reads nlohmann's).
class Fields {
 public:
  Fields(element value, std::string where) : where_(std::move(where)) {
    if (value.get(object_) != simdjson::SUCCESS) throw BadRequest("bad-field", where_ + " must be a JSON object");
  }

  element required(const char* field) const {
    element value;
    if (object_.at_key(field).get(value) != simdjson::SUCCESS) throw missing_field_error(where_, field);
    return value;
  }

  std::string text(const char* field, std::size_t max_bytes) const {
    std::string_view text;
    if (required(field).get(text) != simdjson::SUCCESS) throw bad_field_error(where_, field, "a string");
    if (text.size() > max_bytes) throw bad_field_error(where_, field, text_limit_text(max_bytes));
    return std::string(text);
  }

  std::int64_t integer(const char* field, std::int64_t min, std::int64_t max) const {
    const element value = required(field);
    std::int64_t number = 0;
    if (value.type() != element_type::INT64 || value.get(number) != simdjson::SUCCESS || number < min || number > max)
      throw bad_field_error(where_, field, integer_range_text(min, max));  // a UINT64 is above any max here
    return number;
  }

  // As integer(), but the field may also be absent or null (an older store sends none).
  std::optional<std::int64_t> optional_integer(const char* field, std::int64_t min, std::int64_t max) const {
    element value;
    if (object_.at_key(field).get(value) != simdjson::SUCCESS || value.is_null()) return std::nullopt;
    return integer(field, min, max);
  }

  // A string field's text; empty when it is absent, null or not a string.
  std::string lenient_text(const char* field) const {
    std::string_view text;
    if (object_.at_key(field).get(text) != simdjson::SUCCESS) return {};
    return std::string(text);
  }

  // A string field that may be absent or null; else 1 to `max_bytes` bytes
  // (BadRequest saying it must be `expected`).
  std::optional<std::string> optional_text(const char* field, std::size_t max_bytes,
                                           const std::string& expected) const {
    element value;
    if (object_.at_key(field).get(value) != simdjson::SUCCESS || value.is_null()) return std::nullopt;
    std::string_view text;
    if (value.get(text) != simdjson::SUCCESS || text.empty() || text.size() > max_bytes)
      throw bad_field_error(where_, field, expected);
    return std::string(text);
  }

  // An id that may be absent or null (an older store, nobody known): else 1
  // to 64 letters, digits, '-', '_' or '.', the first a letter or digit (a
  // ledger keeps it as one word, figure_ledger.h).
  std::string optional_id(const char* field) const {
    element value;
    if (object_.at_key(field).get(value) != simdjson::SUCCESS || value.is_null()) return {};
    std::string_view id;
    const auto id_char = [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    };
    if (value.get(id) != simdjson::SUCCESS || id.empty() || id.size() > 64 ||
        !std::isalnum(static_cast<unsigned char>(id[0])) || !std::all_of(id.begin(), id.end(), id_char))
      throw bad_field_error(where_, field, "null or an id of 1 to 64 letters, digits, '-', '_' or '.'");
    return std::string(id);
  }

  // The words of an array of strings (a rating's reasons) that can be counted:
  // lower-case letters, digits and '-', 1 to 32 of them; anything else is left out.
  std::vector<std::string> words(const char* field) const {
    std::vector<std::string> found;
    simdjson::dom::array list;
    if (object_.at_key(field).get(list) != simdjson::SUCCESS) return found;
    for (element item : list) {
      std::string_view word;
      if (item.get(word) != simdjson::SUCCESS || word.empty() || word.size() > 32) continue;
      if (std::all_of(word.begin(), word.end(),
                      [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }))
        found.emplace_back(word);
    }
    return found;
  }

 private:
  simdjson::dom::object object_;
  std::string where_;
};

std::optional<int> small_integer(const Fields& data, const char* field) {
  const std::optional<std::int64_t> value = data.optional_integer(field, 0, kMaxEstimateMin);
  return value ? std::optional(int(*value)) : std::nullopt;
}

// Checks a ticket's data and reads what the figures need of it (none when its
// business day is not a date: stored, but not counted).
std::optional<TicketFact> ticket_fact(const Fields& data, std::int64_t revision) {
  TicketFact fact;
  fact.block = ledger_block(data.text("ticket", 16));
  fact.day = data.text("business_day", 10);
  fact.service = data.text("service", 8);
  LedgerEntry& e = fact.entry;
  e.revision = revision;
  e.times.service_code = fact.service;
  e.times.state = ticket_state_from(data.text("state", 16)).value_or(TicketState::Cancelled);
  e.times.issued_at = data.integer("issued_at", 0, kMaxSeq);
  e.times.called_at = data.optional_integer("called_at", 0, kMaxSeq);
  e.times.started_at = data.optional_integer("started_at", 0, kMaxSeq);
  e.times.finished_at = data.optional_integer("finished_at", 0, kMaxSeq);
  e.times.continues_transfer = !data.lenient_text("transferred_from").empty();
  e.times.estimated_wait_min = small_integer(data, "estimated_wait_min");  // schema 10 on
  e.counter = small_integer(data, "counter");
  e.staff_id = data.optional_id("staff_id");  // schema 12 on
  if (!is_calendar_date(fact.day) || fact.service.empty()) return std::nullopt;
  return fact;
}

// What a counted ticket gives its phone page: none without a token (an older
// store, or one that is not a token) unless it continues a transferred ticket.
std::optional<TicketPageFact> ticket_page_fact(const Fields& data, const TicketFact& ticket) {
  std::string token = data.lenient_text("token");
  if (!is_ticket_token(token)) token.clear();
  std::string transferred_from = data.lenient_text("transferred_from");
  if (token.empty() && transferred_from.empty()) return std::nullopt;
  std::string language = data.lenient_text("language");
  if (language != "en") language = "zh";
  return TicketPageFact{
      std::move(token), std::move(transferred_from),        data.text("ticket", 16), ticket.service,
      ticket.day,       page_state(data.text("state", 16)), std::move(language),     ticket.entry.counter};
}

// Reads a request's data: its code must be there; the rest as far as it is
// (a store's older schema sends fewer fields).
RequestFact request_fact(const Fields& data) {
  RequestFact fact;
  fact.code = data.text("code", 32);
  fact.kind = data.lenient_text("kind");
  fact.product = data.lenient_text("product");
  fact.problem = data.lenient_text("problem");
  fact.urgency = data.lenient_text("urgency");
  fact.state = data.lenient_text("state");
  fact.version = data.optional_integer("version", 1, kMaxSeq).value_or(1);
  const auto optional_text = [&](const char* field) {
    std::string text = data.lenient_text(field);
    return text.empty() ? std::nullopt : std::optional(std::move(text));
  };
  fact.assignee = optional_text("assignee");
  fact.scheduled_date = optional_text("scheduled_date");
  fact.scheduled_window = optional_text("scheduled_window");
  fact.created_at = data.optional_integer("created_at", 0, kMaxSeq);
  fact.updated_at = data.optional_integer("updated_at", 0, kMaxSeq);
  fact.closed_at = data.optional_integer("closed_at", 0, kMaxSeq);
  return fact;
}

// Checks a help article's use (docs/help-articles.md, "At the store") and
// reads what it counts: what the store sends that HQ does not count
// (language, source) is kept as sent.
KbUseFact kb_use_fact(const Fields& data) {
  KbUseFact use;
  use.article = data.text("article", 64);
  const auto article_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
  if (use.article.empty() || use.article[0] == '-' ||
      !std::all_of(use.article.begin(), use.article.end(), article_char))
    throw bad_field_error("data.", "article", "an article id: 1 to 64 of a-z, 0-9 and '-', not starting with '-'");
  data.integer("opened_at", 0, kMaxSeq);
  use.business_day = data.text("business_day", 10);
  if (!is_calendar_date(use.business_day)) throw bad_field_error("data.", "business_day", "a date, YYYY-MM-DD");
  const std::string answers = R"(null, "helpful" or "not-helpful")";
  if (const std::optional<std::string> answer = data.optional_text("answer", 16, answers)) {
    if (*answer != "helpful" && *answer != "not-helpful") throw bad_field_error("data.", "answer", answers);
    use.helpful = *answer == "helpful";
  }
  use.took_ticket = data.optional_text("ticket", 16, "null or a ticket's label (1 to 16 bytes)").has_value();
  return use;
}

void check_data(CheckedRecord& checked, element data_value);

// A signature's PNG: at most 64 KiB, as base64 (4 characters per 3 bytes).
constexpr std::size_t kMaxSignatureBase64 = (64 * 1024 + 2) / 3 * 4;

bool is_base64_character(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=';
}

// Checks a record's kind, id, revision and data; throws BadRequest saying what is wrong.
CheckedRecord check_record(const Fields& record) {
  CheckedRecord checked;
  checked.kind = record.text("kind", 32);
  static const std::set<std::string> kKinds{"ticket",         "rating",    "request", "request_event",
                                            "request_rating", "signature", "kb_use"};
  if (!kKinds.count(checked.kind))
    throw BadRequest("unknown-kind",
                     "field \"kind\" must be one of ticket, rating, request, request_event, "
                     "request_rating, signature, kb_use (got \"" +
                         checked.kind + "\")");
  checked.id = record.text("id", 36);
  if (!is_uuid(checked.id)) throw BadRequest("bad-field", "field \"id\" must be a UUID");
  checked.revision = record.integer("revision", 1, kMaxSeq);
  check_data(checked, record.required("data"));
  return checked;
}

// Checks a record's data by its kind (already checked) and reads its figures.
void check_data(CheckedRecord& checked, element data_value) {
  const Fields data(data_value, "data.");
  if (checked.kind == "ticket") {
    checked.ticket = ticket_fact(data, checked.revision);
    if (checked.ticket) checked.page = ticket_page_fact(data, *checked.ticket);
  } else if (checked.kind == "rating") {
    checked.rating = RatingFact{data.text("ticket_id", 36), int(data.integer("score", 1, 5)), data.words("reasons"),
                                data.optional_integer("created_at", 0, kMaxSeq)};
  } else if (checked.kind == "request") {
    checked.request = request_fact(data);
  } else if (checked.kind == "request_rating") {
    checked.rated_request = data.text("request_code", 32);
    data.integer("score", 1, 5);
  } else if (checked.kind == "kb_use") {
    checked.kb_use = kb_use_fact(data);
  } else if (checked.kind == "signature") {
    if (!is_uuid(data.text("request", 36))) throw BadRequest("bad-field", "field \"data.request\" must be a UUID");
    data.text("code", 32);
    data.integer("at", 0, kMaxSeq);
    const std::string png = data.text("png", kMaxSignatureBase64);
    if (png.empty() || !std::all_of(png.begin(), png.end(), is_base64_character))
      throw BadRequest("bad-field", "field \"data.png\" must be a PNG in base64 (at most 64 KiB)");
  } else {
    checked.request_event =
        RequestEventFact{data.text("request", 64), data.text("event", 32), data.optional_integer("at", 0, kMaxSeq)};
  }
  checked.data = simdjson::minify(data_value);
}

UploadRecord read_record(element value, std::size_t index, std::set<std::int64_t>& seen) {
  const Fields fields(value, "records[" + std::to_string(index) + "].");
  UploadRecord record;
  record.raw = simdjson::minify(value);
  record.seq = fields.integer("seq", 1, kMaxSeq);
  record.store = fields.text("store", kMaxStoreBytes);
  if (!seen.insert(record.seq).second)
    throw BadRequest("duplicate-seq", "seq " + std::to_string(record.seq) + " appears twice in this batch");
  try {
    record.checked = check_record(fields);
  } catch (const BadRequest& e) {
    record.park_code = e.code() == "unknown-kind" ? "unknown-kind" : "bad-record";
    record.park_message = "record " + std::to_string(record.seq) + ": " + e.what();
  }
  return record;
}

}  // namespace

std::optional<CheckedRecord> recheck_stored_record(const std::string& kind, const std::string& id,
                                                   std::int64_t revision, const std::string& data) {
  thread_local simdjson::dom::parser parser;
  element value;
  if (parser.parse(data).get(value) != simdjson::SUCCESS) return std::nullopt;
  CheckedRecord checked{kind,         id,           revision,     {},           std::nullopt, std::nullopt,
                        std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
  try {
    check_data(checked, value);
  } catch (const BadRequest&) {
    return std::nullopt;
  }
  return checked;
}

UploadBody read_upload_body(const std::string& body, std::size_t max_records) {
  thread_local simdjson::dom::parser parser;
  element root;
  if (parser.parse(body.empty() ? std::string("{}") : body).get(root) != simdjson::SUCCESS)
    throw BadRequest("bad-json", "the body is not valid JSON");
  if (!root.is_object()) throw BadRequest("bad-json", "the body must be a JSON object");
  const Fields envelope(root, "");
  UploadBody upload;
  upload.incarnation = envelope.text("incarnation", 36);
  if (!is_uuid(upload.incarnation)) throw BadRequest("bad-field", "field \"incarnation\" must be a UUID");
  upload.batch = envelope.text("batch", kMaxBatchKeyBytes);
  if (upload.batch.empty()) throw BadRequest("bad-field", "field \"batch\" must not be empty");
  simdjson::dom::array records;
  if (envelope.required("records").get(records) != simdjson::SUCCESS || records.size() > max_records)
    throw BadRequest("bad-field",
                     "field \"records\" must be an array of at most " + std::to_string(max_records) + " records");
  std::set<std::int64_t> seen;
  upload.records.reserve(records.size());
  for (element value : records) upload.records.push_back(read_record(value, upload.records.size(), seen));
  return upload;
}

}  // namespace kiosk::hq
