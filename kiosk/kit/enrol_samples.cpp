// The enrolment's scripted screens (see enrol_samples.h).
#include "kit/enrol_samples.h"

namespace kiosk::kit {

const std::vector<std::string>& enrol_screen_names() {
  static const std::vector<std::string> names{"enrol", "enrol-revoked", "enrol-refused", "enrolled", "wrong-server"};
  return names;
}

void play_enrol_samples(const std::string& screen, const std::string& fingerprint, const EnrolSampleSink& sink) {
  sink.answer(DeviceEnrolled{fingerprint});  // from any standing
  auto type = [&](const std::string& digits) {
    for (char key : digits) sink.input(EnrolKey{key});
  };
  if (screen == "enrol") {
    sink.answer(DeviceRefused{"device-not-enrolled"});
    type("483");
  } else if (screen == "enrol-revoked") {
    sink.answer(DeviceRefused{"device-revoked"});
  } else if (screen == "enrol-refused") {
    sink.answer(DeviceRefused{"device-not-enrolled"});
    type("483920");
    sink.input(SubmitEnrol{});
    sink.answer(EnrolRefused{"enrol-code-expired"});
  } else if (screen == "wrong-server") {
    sink.answer(DeviceRefused{"wrong-server"});
  }
}

}  // namespace kiosk::kit
