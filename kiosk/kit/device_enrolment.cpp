// The enrolment's rules (see device_enrolment.h).
#include "kit/device_enrolment.h"

#include <cctype>
#include <utility>

#include "core/overloaded.h"

namespace kiosk::kit {
namespace {

void type(DeviceEnrolment& e, char key) {
  if (key == '<') {
    if (!e.code.empty()) e.code.pop_back();
  } else if (key == '*') {
    e.code.clear();
  } else if (std::isdigit(static_cast<unsigned char>(key)) && e.code.size() < kEnrolCodeDigits) {
    e.code += key;
  }
  e.refusal.clear();
}

// The refusals the enrol screen words; anything else as "other".
std::string known_refusal(const std::string& code) {
  for (const char* known : {"enrol-code-wrong", "enrol-code-expired", "enrol-code-used", "enrol-code-voided",
                            "device-not-enrolled", "device-revoked", "wrong-server"})
    if (code == known) return code;
  if (code == "connection-refused" || code == "timeout" || code == "unreachable" || code == "cancelled")
    return "unreachable";
  return "other";
}

}  // namespace

DeviceEnrolment starting_enrolment(bool enrolled, std::string refusal, std::string fingerprint) {
  DeviceEnrolment e;
  e.standing = enrolled ? DeviceStanding::Enrolled : DeviceStanding::NotEnrolled;
  e.refusal = refusal.empty() ? "" : known_refusal(refusal);
  e.fingerprint = std::move(fingerprint);
  return e;
}

std::optional<EnrolDevice> apply_enrol_input(DeviceEnrolment& e, const EnrolInput& input) {
  if (e.busy) return std::nullopt;
  return std::visit(Overloaded{
                        [&](const EnrolKey& k) -> std::optional<EnrolDevice> {
                          if (e.standing == DeviceStanding::NotEnrolled) type(e, k.key);
                          return std::nullopt;
                        },
                        [&](const SubmitEnrol&) -> std::optional<EnrolDevice> {
                          if (e.standing != DeviceStanding::NotEnrolled) return std::nullopt;
                          if (e.code.size() != kEnrolCodeDigits) {
                            e.refusal = "need-code";
                            return std::nullopt;
                          }
                          e.busy = true;
                          e.refusal.clear();
                          return EnrolDevice{e.code};
                        },
                        [&](const EnrolAgain&) -> std::optional<EnrolDevice> {
                          if (e.standing == DeviceStanding::WrongServer) {
                            e.standing = DeviceStanding::NotEnrolled;
                            e.code.clear();
                            e.refusal.clear();
                          }
                          return std::nullopt;
                        },
                    },
                    input);
}

void apply_enrol_answer(DeviceEnrolment& e, const EnrolAnswer& answer, EpochMs now) {
  std::visit(Overloaded{
                 [&](const DeviceEnrolled& a) {
                   e = DeviceEnrolment{};
                   e.fingerprint = a.fingerprint;
                   e.fingerprint_until = now + kFingerprintShownMs;
                 },
                 [&](const EnrolRefused& a) {
                   e.busy = false;
                   e.code.clear();
                   e.refusal = known_refusal(a.code);
                 },
                 [&](const DeviceRefused& a) {
                   if (e.standing != DeviceStanding::Enrolled) return;  // an answer to a call made before
                   const bool wrong_server = a.code == "wrong-server";
                   e.standing = wrong_server ? DeviceStanding::WrongServer : DeviceStanding::NotEnrolled;
                   e.code.clear();
                   e.busy = false;
                   e.refusal = wrong_server ? "" : known_refusal(a.code);
                   e.fingerprint_until = 0;
                 },
             },
             answer);
}

bool shows_role_screens(const DeviceEnrolment& e, EpochMs now) { return enrolled(e) && now >= e.fingerprint_until; }

}  // namespace kiosk::kit
