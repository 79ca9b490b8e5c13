// The database steps of SMS reminders (docs/public-pages.md, "SMS
// reminders"), run by the reminder worker (sms_worker.h) each second:
// messages made for tickets whose moment came (`near`: waiting with 3 or fewer
// ahead; `called`), within a daily cap per phone number; due messages claimed
// by one hq process before it sends them; the answer recorded with the retry
// schedule; phone numbers erased once nothing more will be sent. Several hq
// processes on one database run these at once: the unique (ticket, moment),
// the claim's conditional UPDATE and a lock per phone number keep every
// message single.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/store_time_zone.h"
#include "hq/hq_db.h"
#include "hq/sms_gateway.h"
#include "hq/sms_settings.h"

namespace kiosk::hq {

// How long a claim keeps other processes off a message: well over the 10 s a send may take.
constexpr EpochMs kSmsClaimLeaseMs = 60'000;
constexpr int kMaxSmsPerScan = 200;

// Store time zones by name, loaded once (for the day of the daily cap).
using ZoneCache = std::map<std::string, std::optional<StoreTimeZone>>;

// Makes the messages due (at most kMaxSmsPerScan); returns how many it made,
// capped ones included. The cap counts the messages made for the number
// (pending, sent or failed) in the ticket's business day, in its store's time
// zone.
int make_due_reminders(HqDb& db, const SmsSettings& settings, EpochMs now, ZoneCache& zones);

// Pending messages whose moment passed (a `near` for a ticket no longer
// waiting, a `called` for one no longer called, an expired or moved ticket)
// become `skipped`.
void skip_passed_reminders(HqDb& db, EpochMs now);

// The ids of pending messages due to be sent, oldest first.
std::vector<std::string> due_reminders(HqDb& db, EpochMs now);

struct ClaimedSms {
  std::string id, phone, body;
  std::int64_t attempts;  // this one included
};
// Claims a due message for this process: nullopt when another process did,
// it was no longer due, or its moment passed.
std::optional<ClaimedSms> claim_reminder(HqDb& db, const std::string& id, EpochMs now);

// The wait before attempt `attempts` + 1 after a failed one (5 s, 30 s, 2 min,
// 10 min); nullopt after the fifth: the message failed.
std::optional<EpochMs> sms_retry_delay_ms(std::int64_t attempts);

// Records how a claimed message's attempt went: sent, failed, or pending
// again after the retry delay (no less than the gateway's Retry-After, up to
// 10 min). Sent or failed, its phone is erased.
void record_sms_attempt(HqDb& db, const ClaimedSms& sms, const SmsAttempt& attempt, EpochMs now);

// Erases phone numbers nothing will be sent to any more: of messages no
// longer pending, and the ticket_phone rows of tickets that ended, expired,
// were called and have their `called` message, or have no page after 10 min.
void erase_spent_phones(HqDb& db, EpochMs now);

}  // namespace kiosk::hq
