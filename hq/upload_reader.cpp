// An upload body read with simdjson's DOM parser, one parser per server thread.
#include "hq/upload_reader.h"

#include <simdjson.h>

#include <set>

#include "codec/api_json.h"
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
  void optional_integer(const char* field, std::int64_t min, std::int64_t max) const {
    element value;
    if (object_.at_key(field).get(value) != simdjson::SUCCESS || value.is_null()) return;
    integer(field, min, max);
  }

 private:
  simdjson::dom::object object_;
  std::string where_;
};

// Checks a record's kind, id, revision and data; throws BadRequest saying what is wrong.
CheckedRecord check_record(const Fields& record) {
  CheckedRecord checked;
  checked.kind = record.text("kind", 32);
  static const std::set<std::string> kKinds{"ticket", "rating", "request", "request_event", "request_rating"};
  if (!kKinds.count(checked.kind))
    throw BadRequest("unknown-kind",
                     "field \"kind\" must be one of ticket, rating, request, request_event, "
                     "request_rating (got \"" +
                         checked.kind + "\")");
  checked.id = record.text("id", 36);
  if (!is_uuid(checked.id)) throw BadRequest("bad-field", "field \"id\" must be a UUID");
  checked.revision = record.integer("revision", 1, kMaxSeq);
  const element data_value = record.required("data");
  const Fields data(data_value, "data.");
  if (checked.kind == "ticket") {
    data.text("ticket", 16);
    data.text("business_day", 10);
    data.text("service", 8);
    data.text("state", 16);
    data.integer("issued_at", 0, kMaxSeq);
    data.optional_integer("estimated_wait_min", 0, kMaxEstimateMin);  // schema 10 on
  } else if (checked.kind == "rating") {
    data.text("ticket_id", 36);
    data.integer("score", 1, 5);
  } else if (checked.kind == "request") {
    data.text("code", 32);
  } else if (checked.kind == "request_rating") {
    data.text("request_code", 32);
    data.integer("score", 1, 5);
  } else {
    data.text("request", 64);
    data.text("event", 32);
  }
  checked.data = simdjson::minify(data_value);
  return checked;
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
