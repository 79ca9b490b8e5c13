// The live queue post, POST /sync/v1/queue (docs/public-pages.md, "The
// store's side"): a store's waiting tickets in queue order with each one's
// place and wait estimate, and the phone of a ticket whose customer asked for
// a reminder. Not a record: the newest post replaces the last. In one write
// transaction it sets store_queue, the listed tickets' ahead / wait_min /
// queue_at on their pages (and clears them on the store's other pages of the
// day), the reminder phones (ticket_phone), and marks the device heard.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "codec/api_json.h"
#include "core/clock.h"
#include "hq/hq_db.h"
#include "hq/hq_sync.h"

namespace kiosk::hq {

constexpr std::size_t kMaxQueueTickets = 2000;

// The 200 answer {"tickets": N, "hq_time": ms}, or 403 wrong-kind for a
// technician's tablet. Throws BadRequest "bad-request" naming the field.
std::variant<nlohmann::ordered_json, ApiError> apply_queue_post(HqDb& db, const Device& device, const std::string& body,
                                                                EpochMs now);

// Marks the device heard from now (its store_heard_at on the ticket pages),
// at most every few seconds: a feed read or a queue post says the store is
// online even when it has nothing to upload. Outside a write transaction.
void note_device_heard(HqDb& db, const Device& device, EpochMs now);

}  // namespace kiosk::hq
