// Records made for a customer's phone (phone_records.h).
#include "hq/phone_records.h"

#include <stdexcept>

#include "core/random_id.h"
#include "hq/hq_sync.h"
#include "hq/upload_reader.h"

namespace kiosk::hq {

std::string store_phone_record(HqDb& db, const std::string& store_id, const std::string& kind,
                               const nlohmann::ordered_json& data, EpochMs now) {
  const std::string id = new_uuid();
  const std::optional<CheckedRecord> checked = recheck_stored_record(kind, id, 1, data.dump());
  if (!checked) throw std::logic_error("a phone's " + kind + " record fails the upload's check: " + data.dump());
  store_records(db, RecordSource{store_id, kPhoneDevice, kPhoneDevice}, {{0, &*checked}}, now);
  return id;
}

bool request_rated_at_hq(HqDb& db, const std::string& store_id, const std::string& code, const std::string& except_id) {
  db.lock_key("request-rating:" + store_id + "/" + code);
  return db.first("SELECT 1 FROM record WHERE store_id = ?1 AND kind = 'request_rating' AND id <> ?2 AND " +
                      db.json_field("data", "request_code") + " = ?3",
                  {store_id, except_id, code});
}

}  // namespace kiosk::hq
