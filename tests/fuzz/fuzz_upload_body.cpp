// Fuzzes HQ's upload body reader (hq/upload_reader.h), what every store's sync
// sends: any body is records (some parked) or a BadRequest, never a crash; an
// accepted record's data is a JSON object that HQ reads back the same way.
#include "codec/api_json.h"
#include "fuzz_input.h"
#include "hq/upload_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kiosk::hq::UploadBody upload;
  try {
    upload = kiosk::hq::read_upload_body(kiosk::fuzz::input_text(data, size), 100);
  } catch (const kiosk::BadRequest&) {
    return 0;
  }
  for (const kiosk::hq::UploadRecord& record : upload.records) {
    if (!record.checked) continue;
    const kiosk::hq::CheckedRecord& checked = *record.checked;
    kiosk::fuzz::require(
        kiosk::hq::recheck_stored_record(checked.kind, checked.id, checked.revision, checked.data).has_value(),
        "an accepted record is refused when HQ reads it back");
  }
  return 0;
}
