// HQ's PostgreSQL engine: several hq processes on one server. Each HqDb is one
// connection; writers of one row or one key wait for each other (FOR UPDATE,
// advisory locks), and the change feed is numbered at COMMIT under the one
// row of feed_head, so readers never see a gap in it.
#pragma once

#include <memory>
#include <string>

#include "hq/hq_db.h"

namespace kiosk::hq {

// Connects to `url` and checks (CheckSchema) or brings (Migrate) its schema
// up to this program's. Refuses a database of another application or of a
// newer hq without changing it; every error is one line without the password.
Result<std::unique_ptr<HqDb>> open_postgresql_hq_db(const std::string& url, OpenMode mode);

}  // namespace kiosk::hq
