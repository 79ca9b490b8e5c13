// The database steps of SMS reminders (sms_reminders.h).
#include "hq/sms_reminders.h"

#include <algorithm>
#include <iterator>

#include "core/random_id.h"
#include "staff/pin_hash.h"

namespace kiosk::hq {
namespace {

constexpr std::int64_t kNearAhead = 3;
constexpr EpochMs kDayMs = 24 * 3600 * 1000, kMaxRetryAfterMs = 600'000, kOrphanPhoneMs = 600'000;

// True (1) for a ticket page `p` on which `moment_sql` (an SQL expression,
// 'near' or 'called') still applies: waiting for a near, called for a called,
// and not expired. ?1 is now.
std::string moment_applies(const std::string& moment_sql) {
  return "p.expires_at > ?1 AND p.state = CASE " + moment_sql + " WHEN 'near' THEN 'waiting' ELSE 'called' END";
}

struct DueTicket {
  std::string ticket_id, store_id, token, label, business_day, language, phone, store_name, time_zone;
  SmsMoment moment;
  std::optional<std::int64_t> counter, ahead;
  EpochMs expires_at;
};

std::vector<DueTicket> due_tickets(HqDb& db, EpochMs now) {
  std::vector<DueTicket> due;
  db.each(
      "SELECT p.ticket_id, p.store_id, p.token, p.label, p.business_day, p.language, ph.phone, s.name, s.time_zone, "
      "p.state, p.counter, p.ahead, p.expires_at "
      "FROM ticket_phone ph JOIN ticket_page p ON p.ticket_id = ph.ticket_id JOIN hq_store s ON s.id = p.store_id "
      "WHERE p.expires_at > ?1 AND ("
      " (p.state = 'waiting' AND p.ahead <= ?2 AND NOT EXISTS (SELECT 1 FROM sms_message m WHERE m.ticket_id = "
      "  p.ticket_id))"
      " OR (p.state = 'called' AND NOT EXISTS (SELECT 1 FROM sms_message m WHERE m.ticket_id = p.ticket_id AND "
      "  m.moment = 'called'))) "
      "ORDER BY p.ticket_id LIMIT ?3",
      {now, kNearAhead, kMaxSmsPerScan}, [&](const SqlRow& row) {
        due.push_back(DueTicket{row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5),
                                row.text(6), row.text(7), row.text(8),
                                row.text(9) == "waiting" ? SmsMoment::Near : SmsMoment::Called, row.optional_int64(10),
                                row.optional_int64(11), row.int64(12)});
      });
  return due;
}

// The first moment of the ticket's business day in its store's time zone
// (a day before it expires where the zone is unknown).
EpochMs day_start(const DueTicket& t, ZoneCache& zones) {
  auto found = zones.find(t.time_zone);
  if (found == zones.end()) {
    Result<StoreTimeZone> zone = StoreTimeZone::load(t.time_zone);
    found = zones.emplace(t.time_zone, zone ? std::optional(zone.value()) : std::nullopt).first;
  }
  return found->second ? found->second->day_start(t.business_day) : t.expires_at - kDayMs;
}

// Makes one ticket's message; true when it made one (another process may have).
bool make_reminder(HqDb& db, const SmsSettings& settings, const DueTicket& t, EpochMs now, ZoneCache& zones) {
  const std::string phone_hash = session_token_hash(t.phone);  // BLAKE2b-256 of the digits, hex
  const SmsFacts facts{t.label, t.store_name, t.counter, t.ahead,
                       settings.public_url.empty() ? std::string() : settings.public_url + "/t/" + t.token};
  const std::string body = render_sms(settings.text_for(t.moment, t.language), facts);
  const EpochMs from = day_start(t, zones);
  return db.write([&] {
    db.lock_key("sms-phone:" + phone_hash);  // one count at a time per number, also across processes
    const std::int64_t made =
        db.single_int64(
              "SELECT COUNT(*) FROM sms_message WHERE phone_hash = ?1 AND created_at >= ?2 AND created_at < ?3 "
              "AND outcome IN ('pending', 'sent', 'failed')",
              {phone_hash, from, t.expires_at})
            .value_or(0);
    const bool capped = made >= settings.daily_cap;
    return db.run(
               "INSERT INTO sms_message(id, ticket_id, moment, store_id, phone, phone_hash, body, created_at, "
               "attempts, next_attempt_at, outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?8, ?9) "
               "ON CONFLICT (ticket_id, moment) DO NOTHING",
               {new_uuid(), t.ticket_id, moment_name(t.moment), t.store_id,
                capped ? std::nullopt : std::optional(t.phone), phone_hash, body, now, capped ? "capped" : "pending"}) >
           0;
  });
}

}  // namespace

int make_due_reminders(HqDb& db, const SmsSettings& settings, EpochMs now, ZoneCache& zones) {
  int made = 0;
  for (const DueTicket& t : due_tickets(db, now))
    if (make_reminder(db, settings, t, now, zones)) ++made;
  return made;
}

void skip_passed_reminders(HqDb& db, EpochMs now) {
  db.write([&] {
    return db.run(
        "UPDATE sms_message SET outcome = 'skipped', phone = NULL, last_error = 'the ticket moved on before it was "
        "sent' WHERE outcome = 'pending' AND NOT EXISTS (SELECT 1 FROM ticket_page p WHERE p.ticket_id = "
        "sms_message.ticket_id AND " +
            moment_applies("sms_message.moment") + ")",
        {now});
  });
}

std::vector<std::string> due_reminders(HqDb& db, EpochMs now) {
  std::vector<std::string> ids;
  db.each(
      "SELECT id FROM sms_message WHERE outcome = 'pending' AND next_attempt_at <= ?1 ORDER BY next_attempt_at, id "
      "LIMIT ?2",
      {now, kMaxSmsPerScan}, [&](const SqlRow& row) { ids.push_back(row.text(0)); });
  return ids;
}

std::optional<ClaimedSms> claim_reminder(HqDb& db, const std::string& id, EpochMs now) {
  return db.write([&]() -> std::optional<ClaimedSms> {
    const std::int64_t claimed = db.run(
        "UPDATE sms_message SET attempts = attempts + 1, next_attempt_at = ?2 WHERE id = ?3 AND outcome = 'pending' "
        "AND next_attempt_at <= ?1 AND phone IS NOT NULL AND EXISTS (SELECT 1 FROM ticket_page p WHERE p.ticket_id "
        "= sms_message.ticket_id AND " +
            moment_applies("sms_message.moment") + ")",
        {now, now + kSmsClaimLeaseMs, id});
    if (claimed == 0) return std::nullopt;
    std::optional<ClaimedSms> sms;
    db.first("SELECT phone, body, attempts FROM sms_message WHERE id = ?1", {id}, [&](const SqlRow& row) {
      sms = ClaimedSms{id, row.text(0), row.text(1), row.int64(2)};
    });
    return sms;
  });
}

std::optional<EpochMs> sms_retry_delay_ms(std::int64_t attempts) {
  constexpr EpochMs kDelays[] = {5'000, 30'000, 120'000, 600'000};
  if (attempts < 1 || attempts > std::int64_t(std::size(kDelays))) return std::nullopt;
  return kDelays[attempts - 1];
}

void record_sms_attempt(HqDb& db, const ClaimedSms& sms, const SmsAttempt& attempt, EpochMs now) {
  // Only while this claim holds (attempts unchanged); a message another
  // process skipped meanwhile still becomes `sent` when it was.
  const std::optional<EpochMs> delay = sms_retry_delay_ms(sms.attempts);
  db.write([&] {
    if (attempt.verdict == SmsVerdict::Sent)
      return db.run(
          "UPDATE sms_message SET outcome = 'sent', sent_at = ?1, phone = NULL, last_error = NULL WHERE id = ?2 AND "
          "attempts = ?3",
          {now, sms.id, sms.attempts});
    if (attempt.verdict == SmsVerdict::Retry && delay) {
      const EpochMs wait = std::max(*delay, std::min(attempt.retry_after_s.value_or(0) * 1000, kMaxRetryAfterMs));
      return db.run(
          "UPDATE sms_message SET next_attempt_at = ?1, last_error = ?2 WHERE id = ?3 AND attempts = ?4 AND outcome "
          "= 'pending'",
          {now + wait, attempt.detail, sms.id, sms.attempts});
    }
    return db.run(
        "UPDATE sms_message SET outcome = 'failed', phone = NULL, last_error = ?1 WHERE id = ?2 AND attempts = ?3 AND "
        "outcome = 'pending'",
        {attempt.detail, sms.id, sms.attempts});
  });
}

void erase_spent_phones(HqDb& db, EpochMs now) {
  db.write([&] {
    db.run("UPDATE sms_message SET phone = NULL WHERE phone IS NOT NULL AND outcome <> 'pending'");
    return db.run(
        "DELETE FROM ticket_phone WHERE NOT EXISTS (SELECT 1 FROM ticket_page p WHERE p.ticket_id = "
        "ticket_phone.ticket_id AND p.expires_at > ?1 AND (p.state = 'waiting' OR (p.state = 'called' AND NOT EXISTS "
        "(SELECT 1 FROM sms_message m WHERE m.ticket_id = p.ticket_id AND m.moment = 'called')))) AND (EXISTS "
        "(SELECT 1 FROM ticket_page p WHERE p.ticket_id = ticket_phone.ticket_id) OR ticket_phone.received_at < ?2)",
        {now, now - kOrphanPhoneMs});
  });
}

}  // namespace kiosk::hq
