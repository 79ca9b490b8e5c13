// The SMS reminder worker's rounds (sms_worker.h).
#include "hq/sms_worker.h"

#include <cstdio>

#include "hq/sms_gateway.h"
#include "hq/sms_reminders.h"
#include "hq/sms_settings.h"

namespace kiosk::hq {

struct SmsWorker::State {
  std::unique_ptr<SmsGateway> gateway;  // for the settings it was made with
  ZoneCache zones;
};

SmsWorker::SmsWorker(std::string db, const Clock& clock, std::chrono::milliseconds every)
    : clock_(clock),
      state_(std::make_unique<State>()),
      ticker_(std::move(db), every, "SMS reminders", [this](HqDb& hq_db) { round(hq_db); }) {}

SmsWorker::~SmsWorker() { ticker_.stop(); }

void SmsWorker::round(HqDb& db) {
  // No phone waiting for a text and no text with a phone: nothing to do, and
  // nothing written (an idle hq takes no write lock every second).
  if (!db.first("SELECT 1 FROM ticket_phone LIMIT 1", {}) &&
      !db.first("SELECT 1 FROM sms_message WHERE outcome = 'pending' LIMIT 1", {}))
    return;
  const SmsSettings settings = read_sms_settings(db);
  skip_passed_reminders(db, clock_.now_ms());
  if (!settings.url.empty()) {
    make_due_reminders(db, settings, clock_.now_ms(), state_->zones);
    send_due(db, settings);
  }
  erase_spent_phones(db, clock_.now_ms());
}

void SmsWorker::send_due(HqDb& db, const SmsSettings& settings) {
  std::unique_ptr<SmsGateway>& gateway = state_->gateway;
  if (!gateway || !gateway->is(settings.url, settings.user, settings.password))
    gateway = std::make_unique<SmsGateway>(settings.url, settings.user, settings.password, &ticker_.stopping());
  for (const std::string& id : due_reminders(db, clock_.now_ms())) {
    if (ticker_.stopping()) return;
    const std::optional<ClaimedSms> sms = claim_reminder(db, id, clock_.now_ms());
    if (!sms) continue;  // another hq process has it, or its moment passed
    const SmsAttempt attempt = gateway->send(sms->id, sms->phone, sms->body);
    if (attempt.verdict != SmsVerdict::Sent)
      std::fprintf(stderr, "hq: SMS %s, attempt %lld: %s\n", sms->id.c_str(), static_cast<long long>(sms->attempts),
                   attempt.detail.c_str());
    record_sms_attempt(db, *sms, attempt, clock_.now_ms());
  }
}

}  // namespace kiosk::hq
