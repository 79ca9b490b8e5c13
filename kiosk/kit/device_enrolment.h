// A counter's or display's enrolment with the store node as its UI state
// keeps it, one for both roles (docs/store-node-api.md "On a device"):
// enrolled, not enrolled (the enrol screen: a 6-digit code typed on a keypad,
// the refusal of the last try) or talking to a wrong server (the node's key is
// not the pinned one). After an enrolment the node's fingerprint is shown
// briefly for staff to compare. Pure: no ImGui, no texts, no network; the
// role's worker makes the EnrolDevice effect and answers with EnrolAnswer.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "core/clock.h"

namespace kiosk::kit {

enum class DeviceStanding { Enrolled, NotEnrolled, WrongServer };

constexpr std::size_t kEnrolCodeDigits = 6;
constexpr EpochMs kFingerprintShownMs = 6000;  // after enrolling, before the role's own screen

struct DeviceEnrolment {
  DeviceStanding standing = DeviceStanding::Enrolled;
  std::string code;   // the digits typed so far
  bool busy = false;  // the code is on its way to the node
  // Why the enrol screen shows or the last try failed: "need-code", the node's
  // ("enrol-code-wrong", "device-revoked"...), "unreachable" or "other"; "" for none.
  // Its words: "device.enrol.error.<refusal>".
  std::string refusal;
  std::string fingerprint;        // the node's: expected (wrong server), or just enrolled with
  EpochMs fingerprint_until = 0;  // after enrolling: shown until then
};

// [SECTION] Inputs: taps on the enrol screens (kit/enrol_screen.h) or keys.
struct EnrolKey {
  char key;
};  // a digit; '<' deletes, '*' clears
struct SubmitEnrol {};
struct EnrolAgain {};  // from the wrong-server screen: to the enrol screen
using EnrolInput = std::variant<EnrolKey, SubmitEnrol, EnrolAgain>;

// [SECTION] The worker's answers.
struct DeviceEnrolled {
  std::string fingerprint;
};
struct EnrolRefused {
  std::string code;  // the node's error code or the transport's
};
// A call was refused because of the device (remote/node_device.h is_device_refusal).
struct DeviceRefused {
  std::string code;  // "device-not-enrolled", "device-revoked", "wrong-server"
};
using EnrolAnswer = std::variant<DeviceEnrolled, EnrolRefused, DeviceRefused>;

// The effect: POST /devices/enrol with this code (then saved, and calls go on as the new device).
struct EnrolDevice {
  std::string code;
};

// The state a role starts with: enrolled or not (and why not: a refused --enrol).
DeviceEnrolment starting_enrolment(bool enrolled, std::string refusal, std::string fingerprint);

// Applies one input (none while busy); a submit of 6 digits returns the effect.
std::optional<EnrolDevice> apply_enrol_input(DeviceEnrolment& enrolment, const EnrolInput& input);
// Applies the worker's answer at `now`.
void apply_enrol_answer(DeviceEnrolment& enrolment, const EnrolAnswer& answer, EpochMs now);

// The role's own screens show (else an enrol screen does).
bool shows_role_screens(const DeviceEnrolment& enrolment, EpochMs now);
// The role may call the node (enrolled; the fingerprint may still show).
inline bool enrolled(const DeviceEnrolment& enrolment) { return enrolment.standing == DeviceStanding::Enrolled; }

}  // namespace kiosk::kit
