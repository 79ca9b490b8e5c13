// Reading an upload body (docs/hq-sync-protocol.md, "Upload") with simdjson's
// DOM parser: the whole body is checked as JSON and UTF-8 at about 1 GB/s,
// where nlohmann's parser and the re-serialising of each record's data were
// half of HQ's ingest time. Fields follow the same rules and messages as
// JsonBody (codec/api_json.h). Everything here runs before HQ takes its write
// lock; a record's data comes out as minified JSON text, ready to store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hq/figure_ledger.h"
#include "hq/kb_use_counts.h"
#include "hq/request_mirror.h"
#include "hq/ticket_pages.h"

namespace kiosk::hq {

// A record HQ can apply: kind, id and revision checked, data with its kind's fields.
struct CheckedRecord {
  std::string kind;
  std::string id;
  std::int64_t revision = 0;
  std::string data;                               // minified JSON object
  std::optional<TicketFact> ticket;               // a ticket's figures (figure_ledger.h)
  std::optional<RatingFact> rating;               // a rating's
  std::optional<RequestFact> request;             // a request's, for hq_request
  std::optional<RequestEventFact> request_event;  // a request's step, for hq_request_event
  std::optional<std::string> rated_request;       // a request rating's request code (one rating per request)
  std::optional<TicketPageFact> page;             // a ticket's phone page, when it has one (ticket_pages.h)
  std::optional<KbUseFact> kb_use;                // a help article's use (kb_use_counts.h)
};

struct UploadRecord {
  std::int64_t seq = 0;
  std::string store;
  std::optional<CheckedRecord> checked;  // nullopt: parked, for the reason below
  std::string park_code;                 // "unknown-kind" or "bad-record"
  std::string park_message;              // "record SEQ: ..."
  std::string raw;                       // the record's JSON text, minified (kept if it is parked)
};

struct UploadBody {
  std::string incarnation;
  std::string batch;
  std::vector<UploadRecord> records;
};

// Throws BadRequest for a body that is not a JSON object or an envelope that
// breaks the protocol (incarnation, batch, records, each record's seq and
// store, a seq twice). A record wrong in itself is not thrown: it comes back
// unchecked, to be parked.
UploadBody read_upload_body(const std::string& body, std::size_t max_records);

// A record HQ stored, read again as an upload's record is (for rebuilding its
// figures); nullopt when its data no longer passes the checks.
std::optional<CheckedRecord> recheck_stored_record(const std::string& kind, const std::string& id,
                                                   std::int64_t revision, const std::string& data);

}  // namespace kiosk::hq
