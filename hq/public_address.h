// HQ's public address (docs/public-pages.md, "Settings at HQ"): `hq public
// set|show` and the console's settings page. Setting it is one write
// transaction: the setting, its audit row and the `public_page` feed change
// every store reads (the address for the QR codes it prints).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

// {"public_url": "https://..." | null, "reminders": bool}: what the stores are told.
Result<nlohmann::ordered_json> public_address(HqDb& db);

// Sets the address ("" removes it); an address why_not_public_url refuses is
// an InvalidArgument error ("bad-public-url") and changes nothing. Answers as
// public_address().
Result<nlohmann::ordered_json> set_public_address(HqDb& db, const std::string& url, const std::string& actor,
                                                  EpochMs now);

}  // namespace kiosk::hq
